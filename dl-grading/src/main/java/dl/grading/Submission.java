package dl.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A student's work: a folder or a .zip holding their copies of the files of {@code exercises/} at the same paths
 * ({@code ex2/Sigmoid.java}, {@code ex2/ex2-sigmoid.ipynb}). A zip is unpacked into the grader's working folder,
 * refusing paths that leave it and more than {@link #MAX_BYTES}. A zip of the exercises folder itself (one folder
 * around everything) is read the same.
 */
public final class Submission {

    static final long MAX_BYTES = 50L << 20;
    static final int MAX_FILES = 2000;

    private final Path root;

    private Submission(Path root) {
        this.root = root;
    }

    /** The submission at {@code path}; a zip is unpacked under {@code workDir}. */
    public static Submission open(Path path, Path workDir) throws IOException {
        if (Files.isDirectory(path)) {
            return new Submission(innerRoot(path));
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Path folder = Files.createDirectories(workDir.resolve("submission"));
            unzip(path, folder);
            return new Submission(innerRoot(folder));
        }
        throw new GradingException(path + " is not a folder or a .zip file: give the student's copy of exercises/");
    }

    /**
     * The Java files to grade for one exercise (path in {@code exercises/} → source), or why there are none.
     *
     * @param files   the sources to compile, empty when {@code missing} says why
     * @param graded  what was graded, when it needs saying (a notebook; or Java files though the notebook was changed
     *                too), or empty
     * @param missing what is not in the submission, or empty
     */
    record Sources(Map<String, String> files, String graded, String missing) {
        static Sources missing(String why) {
            return new Sources(Map.of(), "", why);
        }
    }

    /**
     * What to grade of one exercise: its Java files, or its notebook's classes when the submission holds the notebook
     * and not the Java files, or both but only the notebook differs from the one handed out ({@code exercises}).
     */
    Sources sources(AnswerKey.Exercise exercise, Path exercises) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        boolean handedOut = true;
        for (String name : exercise.javaFiles()) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                handedOut &= sameFile(file, exercises.resolve(name));
            }
        }
        boolean allJava = files.size() == exercise.javaFiles().size();
        Path notebook = exercise.notebook().isEmpty() ? null : root.resolve(exercise.notebook());
        boolean hasNotebook = notebook != null && Files.isRegularFile(notebook);
        if (hasNotebook && (!allJava || handedOut && !sameFile(notebook, exercises.resolve(exercise.notebook())))) {
            return fromNotebook(exercise, notebook, exercises);
        }
        if (!allJava) {
            String name = exercise.javaFiles().stream().filter(n -> !files.containsKey(n)).findFirst().orElseThrow();
            return Sources.missing(name + " is not in the submission");
        }
        boolean notebookChanged = hasNotebook && !sameFile(notebook, exercises.resolve(exercise.notebook()));
        return new Sources(files, notebookChanged ? String.join(", ", exercise.javaFiles()) + " (the notebook was"
            + " changed too, but the Java files count)" : "", "");
    }

    private static Sources fromNotebook(AnswerKey.Exercise exercise, Path notebook, Path exercises) throws IOException {
        Map<String, String> classes;
        try {
            classes = Notebooks.javaSources(notebook, exercises.resolve(exercise.id()));
        } catch (RuntimeException e) {
            return Sources.missing(exercise.notebook() + " cannot be read as a notebook: " + e.getMessage());
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : exercise.javaFiles()) {
            String source = classes.get(name.substring(name.lastIndexOf('/') + 1));
            if (source == null) {
                String type = name.substring(name.lastIndexOf('/') + 1).replace(".java", "");
                return Sources.missing(exercise.notebook() + " has no cell that declares " + type);
            }
            files.put(name, source);
        }
        return new Sources(files, "the notebook " + exercise.notebook(), "");
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        return Files.isRegularFile(b) && Files.mismatch(a, b) == -1;
    }

    /** The folder holding the exercises: the submission's own, or the one folder it wraps everything in. */
    private static Path innerRoot(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> all = entries.filter(p -> !p.getFileName().toString().startsWith(".")
                && !p.getFileName().toString().equals("__MACOSX")).toList();
            boolean hasExercise = all.stream().anyMatch(p -> p.getFileName().toString().matches("ex\\d+"));
            return !hasExercise && all.size() == 1 && Files.isDirectory(all.get(0)) ? all.get(0) : folder;
        }
    }

    /** Unpacks a zip whole or refuses it: no path outside the folder, no more than the size limits. */
    static void unzip(Path zip, Path folder) throws IOException {
        long total = 0;
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder) || entry.getName().startsWith("/") || entry.getName().contains("\\")) {
                    throw new GradingException(zip.getFileName() + " holds a path outside its folder ("
                        + entry.getName() + "): refused");
                }
                if (++count > MAX_FILES) {
                    throw new GradingException(zip.getFileName() + " holds more than " + MAX_FILES + " files: refused");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    total += copy(in, out, MAX_BYTES - total);
                }
                if (total > MAX_BYTES) {
                    throw new GradingException(zip.getFileName() + " unpacks to more than " + (MAX_BYTES >> 20)
                        + " MB: refused");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new GradingException(zip.getFileName() + " is not a readable zip file: " + e.getMessage());
        }
    }

    /** Copies up to {@code room} bytes and one more, so the caller sees the limit was passed. */
    private static long copy(InputStream in, OutputStream out, long room) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        for (int n; copied <= room && (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }
}
