package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a submission may be: a folder or a zip of the student's exercises; what is refused, and why. */
class SubmissionTest {

    @TempDir
    Path folder;

    private static void zip(Path zip, Map<String, String> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    @Test
    void aZipOfTheExercisesFolderIsGradedLikeTheFolder() throws Exception {
        String sigmoid = Files.readString(Course.FOLDERS.solutions().resolve("ex2/Sigmoid.java"));
        Path zip = folder.resolve("alice.zip");
        zip(zip, Map.of("exercises/ex2/Sigmoid.java", sigmoid));   // zipped with the folder around it
        Grade grade = Course.grader().only(List.of("ex2")).grade(zip);
        assertEquals(grade.maxScore(), grade.score(), ScoreTable.format(grade));
    }

    @Test
    void aZipWithAPathOutsideItsFolderIsRefused() throws Exception {
        Path zip = folder.resolve("mallory.zip");
        zip(zip, Map.of("ex2/Sigmoid.java", "class Sigmoid {}", "../../escaped.txt", "gotcha"));
        GradingException refused = assertThrows(GradingException.class,
            () -> Submission.open(zip, Files.createDirectories(folder.resolve("work"))));
        assertEquals("mallory.zip holds a path outside its folder (../../escaped.txt): refused", refused.getMessage());
        assertFalse(Files.exists(folder.resolve("escaped.txt")));
    }

    @Test
    void aMissingFileScoresZeroForItsExerciseSayingWhich() throws Exception {
        Files.createDirectories(folder.resolve("ex2"));
        Grade grade = Course.grader().only(List.of("ex2")).grade(folder);
        assertEquals(0, grade.score());
        assertTrue(grade.results().stream().allMatch(r -> r.message().equals("ex2/Sigmoid.java is not in the"
            + " submission")), ScoreTable.format(grade));
    }

    @Test
    void somethingElseIsNotASubmission() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "hello");
        GradingException refused = assertThrows(GradingException.class, () -> Submission.open(text, folder));
        assertTrue(refused.getMessage().endsWith("is not a folder or a .zip file: give the student's copy of"
            + " exercises/"));
    }
}
