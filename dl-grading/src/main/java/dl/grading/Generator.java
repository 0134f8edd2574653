package dl.grading;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code exercises/} from {@code solutions/}: what students get, with the solutions cut out. For each
 * exercise folder {@code solutions/exN/}:
 * <ul>
 *   <li>a Java file that is not a test: copied with each solution region replaced by its stub
 *       ({@link SolutionMarkers});</li>
 *   <li>a visible test ({@code *Test.java}): copied as it is; a hidden one ({@code *HiddenTest.java}, or marked
 *       {@code @Hidden}): left out;</li>
 *   <li>a notebook: its code cells stubbed the same way, their outputs cleared;</li>
 *   <li>any other file: copied as it is.</li>
 * </ul>
 * Files of {@code exercises/exN/} whose source is gone are deleted; {@code exercises/README.md} stays. Everything is
 * checked before anything is written. Run it with {@code ./dl exercises}; a test fails when the two disagree.
 */
public final class Generator {

    private static final Pattern EXERCISE = Pattern.compile("ex\\d+");
    private static final Pattern HIDDEN = Pattern.compile("(?m)^\\s*@Hidden\\b");
    /** {@code @Hidden} on the class, with perhaps other annotations and modifiers between. */
    private static final Pattern HIDDEN_CLASS = Pattern.compile(
        "(?m)^\\s*@Hidden\\s+(@\\w+(\\([^)]*\\))?\\s+)*((public|final|abstract)\\s+)*class\\b");

    private Generator() {
    }

    /** {@code Generator [SOLUTIONS EXERCISES]}: by default solutions/ and exercises/ in the folder {@code dl.home}. */
    public static void main(String[] args) throws IOException {
        Path home = Path.of(System.getProperty("dl.home", "."));
        if (args.length != 0 && args.length != 2) {
            System.err.println("usage: Generator [SOLUTIONS-FOLDER EXERCISES-FOLDER]");
            System.exit(2);
        }
        Path solutions = args.length == 2 ? Path.of(args[0]) : home.resolve("solutions");
        Path exercises = args.length == 2 ? Path.of(args[1]) : home.resolve("exercises");
        try {
            List<String> changed = write(generate(solutions), exercises);
            System.out.println(changed.isEmpty() ? exercises + " is up to date"
                : String.join("\n", changed) + "\n" + changed.size() + " file(s) of " + exercises + " changed");
        } catch (IllegalArgumentException e) {
            System.err.println("exercises not generated: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * What {@code exercises/} holds for {@code solutions}: each file's path relative to it ({@code ex2/Sigmoid.java})
     * and its bytes, in order.
     *
     * @throws IllegalArgumentException naming the file and line of a marker that is wrong
     */
    public static Map<String, byte[]> generate(Path solutions) throws IOException {
        if (!Files.isDirectory(solutions)) {
            throw new IllegalArgumentException(solutions + " is not a folder: give the folder of the solutions");
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Path folder : exerciseFolders(solutions)) {
            String exercise = folder.getFileName().toString();
            for (Path file : filesIn(folder)) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                byte[] content = exerciseVersion(exercise, file);
                if (content != null) {
                    files.put(exercise + "/" + name, content);
                }
            }
        }
        return files;
    }

    /** The student's version of one solution file, or null for a file students do not get (a hidden test). */
    private static byte[] exerciseVersion(String exercise, Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".java")) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            if (name.endsWith("Test.java")) {
                return name.endsWith("HiddenTest.java") || isHiddenClass(file, source) ? null : bytes(source);
            }
            if (SolutionMarkers.hasRegions(source) && !source.contains("import dl.grading.TodoException;")
                && !source.contains("import dl.grading.*;")) {
                throw new IllegalArgumentException(file + ": its stubs throw TodoException: add "
                    + "'import dl.grading.TodoException;' to its imports");
            }
            return bytes(SolutionMarkers.stub(exercise, file.toString(), source));
        }
        if (name.endsWith(".ipynb")) {
            return bytes(stubNotebook(exercise, NotebookJson.read(file), file.toString()));
        }
        return Files.readAllBytes(file);
    }

    /**
     * Whether a test class is marked {@code @Hidden}. A hidden method in a visible class is refused: students would
     * get its code, expected values included.
     */
    private static boolean isHiddenClass(Path file, String source) {
        if (HIDDEN_CLASS.matcher(source).find()) {
            return true;
        }
        if (HIDDEN.matcher(source).find()) {
            throw new IllegalArgumentException(file + ": @Hidden on a method of a visible test class, whose code "
                + "students get; move the hidden tests to their own class, marked @Hidden (SigmoidHiddenTest)");
        }
        return false;
    }

    /** The notebook with each code cell stubbed and its outputs cleared. */
    static String stubNotebook(String exercise, JsonObject notebook, String place) {
        List<JsonObject> cells = NotebookJson.cells(notebook);
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i);
            if (NotebookJson.isCode(cell)) {
                String where = place + " (cell " + (i + 1) + ")";
                NotebookJson.setSource(cell, SolutionMarkers.stub(exercise, where, NotebookJson.source(cell)));
                NotebookJson.clearOutputs(cell);
            }
        }
        return NotebookJson.write(notebook);
    }

    /**
     * Makes {@code exercises} hold {@code files}: writes each file that differs (whole, through a temporary file),
     * and deletes the files of its exercise folders that are not among them.
     *
     * @return the paths written or deleted, relative to {@code exercises}, with what happened to each
     */
    public static List<String> write(Map<String, byte[]> files, Path exercises) throws IOException {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            Path target = exercises.resolve(entry.getKey());
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), entry.getValue())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".generating", ".partial");
            try {
                Files.write(temp, entry.getValue());
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            changed.add("written: " + entry.getKey());
        }
        if (Files.isDirectory(exercises)) {
            for (Path folder : exerciseFolders(exercises)) {
                for (Path file : filesIn(folder)) {
                    String name = exercises.relativize(file).toString().replace('\\', '/');
                    if (!files.containsKey(name)) {
                        Files.delete(file);
                        changed.add("deleted: " + name);
                    }
                }
                deleteIfEmpty(folder);
            }
        }
        return changed;
    }

    /** The exercise folders {@code ex1}, {@code ex2}, ..., {@code ex11} of {@code root}, in the order of their numbers. */
    public static List<Path> exerciseFolders(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                .filter(f -> EXERCISE.matcher(f.getFileName().toString()).matches())
                .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().substring(2))))
                .toList();
        }
    }

    /** The files under {@code folder}, in order, leaving out hidden ones (Jupyter's .ipynb_checkpoints, say). */
    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).filter(f -> !isHidden(folder.relativize(f))).sorted().toList();
        }
    }

    /** Whether a part of the path starts with a dot. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
