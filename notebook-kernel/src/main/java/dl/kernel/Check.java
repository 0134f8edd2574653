package dl.kernel;

import dl.grading.Grader;
import dl.grading.Notebooks;
import dl.grading.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
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
        DlKernel kernel = (DlKernel) BaseKernel.notebookKernel();
        return check(exercise, exercisesFolder(Path.of("").toAbsolutePath(), System.getProperty("dl.home")),
                kernel::typeSource);
    }

    /**
     * Checks {@code exercise} of the exercises in {@code root}, with each class's source from {@code declared}
     * (null for a class no cell has declared yet).
     */
    static CheckResult check(String exercise, Path root, Function<String, String> declared) {
        List<String> exercises = exerciseIds(root);
        if (!exercises.contains(exercise)) {
            throw new IllegalArgumentException("there is no exercise \"" + exercise + "\" in " + root
                    + "; the exercises are " + String.join(", ", exercises));
        }
        Path folder = root.resolve(exercise);
        Map<String, String> sources = new LinkedHashMap<>();
        List<TestResult> missing = new ArrayList<>();
        for (String type : typeNames(folder)) {
            String declaration = declared.apply(type);
            if (declaration == null) {
                missing.add(new TestResult(exercise, "class " + type, 0, 0, false, false, type
                        + " is not defined yet: run the cell that declares it (class " + type + " ...), then check again",
                        ""));
            } else {
                sources.put(type + ".java", Notebooks.assemble(exercise, declaration, read(folder.resolve(type + ".java"))));
            }
        }
        if (!missing.isEmpty()) {
            return new CheckResult(exercise, missing);
        }
        return new CheckResult(exercise, Grader.checkVisible(root, exercise, sources));
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

    /** ex1, ex2, ..., ex11, in the course's order. */
    private static List<String> exerciseIds(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.matches("ex\\d+"))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the exercises folder " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<String> typeNames(Path folder) {
        try {
            return Notebooks.typeNames(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
