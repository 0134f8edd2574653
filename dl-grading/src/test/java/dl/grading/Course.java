package dl.grading;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the grader's tests share: the course of this checkout, one grader for it (its answer key is made once, in
 * target/grading/), and submissions: the reference solution's files, the exercises as handed out, and the reference
 * with ex2/Sigmoid.java replaced by one of the hostile fixtures (src/test/resources/hostile/NAME/ex2/Sigmoid.java).
 */
final class Course {

    static final CourseFolders FOLDERS = CourseFolders.find();
    /** The hostile tests cut time limits to a third: an endless loop costs 3 s, not 10. */
    static final double SHORT_TIMES = 0.3;

    private static Grader grader;

    private Course() {
    }

    /** The grader of the whole course, with the tests' own time limits. */
    static synchronized Grader grader() {
        if (grader == null) {
            grader = Grader.forCourse(FOLDERS, 1);
        }
        return grader;
    }

    /** A grader with other time limits: the answer key is the same, made once. */
    static Grader grader(double timeScale) {
        return new Grader(grader().key(), FOLDERS.exercises(), Sandbox.detect(), Grader.toolkitClassPath(FOLDERS),
            timeScale);
    }

    /** A submission holding the reference solution's files, as students would hand in theirs. */
    static Path referenceSubmission(Path folder) {
        copyExercises(folder);
        return folder;
    }

    /** A submission holding the exercises as students get them (exercises/, each solution replaced by its stub). */
    static Path stubbedSubmission(Path folder) {
        try (Stream<Path> files = Files.walk(FOLDERS.exercises())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = folder.resolve(FOLDERS.exercises().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The reference submission with ex2/Sigmoid.java replaced by the hostile fixture {@code name}. */
    static Path hostileSubmission(String name, Path folder) {
        copyExercises(folder);
        try (var fixture = Course.class.getResourceAsStream("/hostile/" + name + "/ex2/Sigmoid.java")) {
            assertTrue(fixture != null, "no fixture hostile/" + name);
            Files.write(folder.resolve("ex2/Sigmoid.java"), fixture.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** Bubblewrap is needed for the hostile tests: skipped without it, except in CI, where they fail. */
    static void requireBubblewrap() {
        boolean isolated = Sandbox.detect().isolated();
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(isolated, "CI=true and bubblewrap does not work here: sudo apt-get install bubblewrap");
        }
        Assumptions.assumeTrue(isolated, "bubblewrap is not installed (sudo apt-get install bubblewrap)");
    }

    private static void copyExercises(Path folder) {
        try {
            for (Path exercise : Generator.exerciseFolders(FOLDERS.solutions())) {
                String id = exercise.getFileName().toString();
                Path target = Files.createDirectories(folder.resolve(id));
                try (Stream<Path> files = Files.list(exercise)) {
                    for (Path file : files.filter(f -> ReferenceRun.isJava(f) && !ReferenceRun.isTest(f)).toList()) {
                        Files.copy(file, target.resolve(file.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
