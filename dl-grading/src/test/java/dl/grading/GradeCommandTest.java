package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./dl grade} as a teacher types it, and the Gradescope bundle it makes. */
class GradeCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int grade(String... args) throws Exception {
        return GradeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badUsageAndAMissingSubmissionSayOneLineAndFail() throws Exception {
        assertEquals(2, grade());
        assertEquals(GradeCommand.USAGE + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(2, grade("a", "b"));
        assertEquals(2, grade("--csv", "x.csv", "alice"));
        err.reset();
        assertEquals(1, grade(folder.resolve("nobody").toString()));
        assertEquals("dl grade: " + folder.resolve("nobody") + " does not exist\n",
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void gradingPrintsTheTableWritesResultsJsonAndSucceedsWhateverTheScore() throws Exception {
        Path json = folder.resolve("out/results.json");
        Path stubs = Course.stubbedSubmission(Files.createDirectories(folder.resolve("stubs")));
        assertEquals(0, grade(stubs.toString(), "--only", "ex2", "--json", json.toString(), "--time-scale", "0.3"));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("0/1 not written yet: ex2: "), table);
        assertTrue(table.endsWith("total                                              0/6\n"), table);
        JsonObject results = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(0.0, results.get("score").getAsDouble());
        assertEquals(5, results.getAsJsonArray("tests").size());
    }

    @Test
    void aNotebookIsGradedWhenItIsWhatTheStudentChanged() throws Exception {
        Path submission = Course.stubbedSubmission(folder);   // ex2/Sigmoid.java as handed out
        Files.copy(Course.FOLDERS.solutions().resolve("ex2/ex2-sigmoid.ipynb"), submission.resolve(
            "ex2/ex2-sigmoid.ipynb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Grade grade = Course.grader().only(java.util.List.of("ex2")).grade(submission);
        assertEquals(grade.maxScore(), grade.score(), ScoreTable.format(grade));
        assertTrue(grade.notes().contains("ex2: graded the notebook ex2/ex2-sigmoid.ipynb"), grade.notes().toString());
        Files.delete(submission.resolve("ex2/Sigmoid.java"));   // the notebook alone
        assertEquals(grade.maxScore(), Course.grader().only(java.util.List.of("ex2")).grade(submission).score());
    }

    @Test
    void theGradescopeBundleHoldsNoSolutionAndItsRunAutograderGradesTheReferenceToFullMarks() throws Exception {
        Path zip = folder.resolve("autograder.zip");
        assertEquals(0, grade("--gradescope-bundle", zip.toString()));
        Path bundle = Files.createDirectories(folder.resolve("source"));
        Submission.unzip(zip, bundle);
        for (String part : new String[] {"setup.sh", "run_autograder", "lib/dl-grading.jar",
            "answer-key/answer-key.json", "answer-key/tests/ex2/SigmoidHiddenTest.class",
            "exercises/ex2/Sigmoid.java"}) {
            assertTrue(Files.exists(bundle.resolve(part)), part);
        }
        assertTrue(Files.readString(bundle.resolve("setup.sh")).contains("bubblewrap"));
        try (Stream<Path> files = Files.walk(bundle)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().equals("SigmoidHiddenTest.java")
                || f.endsWith(Path.of("ex2", "Sigmoid.class"))), "no hidden test's source, no reference class");
        }

        Path results = folder.resolve("results/results.json");
        Path reference = Course.referenceSubmission(Files.createDirectories(folder.resolve("submission")));
        ProcessBuilder run = new ProcessBuilder("bash", bundle.resolve("run_autograder").toString(), "--only", "ex2")
            .redirectErrorStream(true);
        run.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        run.environment().put("DL_SUBMISSION", reference.toString());
        run.environment().put("DL_RESULTS", results.toString());
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(6.0, json.get("score").getAsDouble(), output);
    }
}
