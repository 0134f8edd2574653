package dl.kernel;

import dl.grading.Generator;
import dl.grading.Grader;
import dl.grading.Notebooks;
import dl.grading.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * {@code check("ex3")} in an exercise notebook: runs the exercise's visible tests on the classes as the student's
 * cells last declared them, and shows a table of what passed, or what was expected and a hint. The classes are put
 * together as the grader puts a handed-in notebook together ({@link Notebooks#assemble}), and the tests run in a
 * program of their own, so a test that loops forever or exits costs the check, not the kernel.
 */
public final class Check {

    private Check() {
    }

    /** Checks exercise {@code exercise} ({@code "ex3"}) against the classes the cells have declared. */
    public static CheckResult check(String exercise) {
        DlKernel kernel = (DlKernel) BaseKernel.notebookKernel();   // "No kernel running" outside a notebook
        return check(exercise, exercisesFolder(Path.of("").toAbsolutePath(), System.getProperty("dl.home")),
                kernel::typeSource);
    }

    /**
     * Checks {@code exercise} of the exercises in {@code root}, with each class's source from {@code declared}
     * (null for a class no cell has declared yet).
     */
    static CheckResult check(String exercise, Path root, Function<String, String> declared) {
        try {
            List<String> exercises = Generator.exerciseFolders(root).stream().map(f -> f.getFileName().toString())
                    .toList();
            if (!exercises.contains(exercise)) {
                throw new IllegalArgumentException("there is no exercise \"" + exercise + "\" in " + root
                        + "; the exercises are " + String.join(", ", exercises));
            }
            Path folder = root.resolve(exercise);
            Map<String, String> sources = Notebooks.javaSources(folder, declared);
            List<TestResult> missing = new ArrayList<>();
            for (String type : Notebooks.typeNames(folder)) {
                if (!sources.containsKey(type + ".java")) {
                    missing.add(new TestResult(exercise, "class " + type, 0, 0, false, false, type
                            + " is not defined yet: run the cell that declares it (class " + type + " ...), then check"
                            + " again", ""));
                }
            }
            return new CheckResult(exercise, missing.isEmpty() ? Grader.checkVisible(root, exercise, sources) : missing);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the exercises in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The exercises folder: the nearest {@code exercises/} at or above the notebook's folder {@code from}, else the
     * one in the toolkit's folder {@code home} (the {@code dl} script gives the kernel {@code -Ddl.home}).
     */
    static Path exercisesFolder(Path from, String home) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals("exercises")) {
                return dir;
            }
            if (Files.isDirectory(dir.resolve("exercises"))) {
                return dir.resolve("exercises");
            }
        }
        if (home != null && Files.isDirectory(Path.of(home, "exercises"))) {
            return Path.of(home, "exercises");
        }
        throw new IllegalStateException("cannot find the exercises folder above " + from
                + ": open the notebook from the toolkit's exercises/ folder (./dl notebook exercises)");
    }
}
