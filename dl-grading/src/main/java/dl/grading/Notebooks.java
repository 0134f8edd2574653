package dl.grading;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a student's exercise notebook into Java files the grader compiles. The cell that declares an exercise's
 * class (say {@code class Sigmoid}, with its Javadoc) becomes {@code Sigmoid.java}:
 * <pre>
 * package ex2;
 *
 * import java.util.*;            // what every cell sees: the kernel's start-up imports,
 * import static dl.Dsl.*;        // ...
 * import dl.grading.*;           // TodoException,
 * import dl.grading.TodoException;   // and the imports of exercises/ex2/Sigmoid.java
 *
 * class Sigmoid { ... }          // the cell's declaration
 * </pre>
 * A class declared in two cells is taken from the later one, as JShell would run them top to bottom.
 */
public final class Notebooks {

    private Notebooks() {
    }

    /**
     * The Java files of exercise {@code exerciseFolder} (exercises/ex2) that {@code notebook} declares: file name
     * ({@code "Sigmoid.java"}) to source. A class the notebook does not declare is not in the map.
     */
    public static Map<String, String> javaSources(Path notebook, Path exerciseFolder) throws IOException {
        List<String> names = typeNames(exerciseFolder);
        Map<String, String> declarations = new LinkedHashMap<>();
        for (JsonObject cell : NotebookJson.cells(NotebookJson.read(notebook))) {
            if (NotebookJson.isCode(cell)) {
                TypeDeclarations.in(NotebookJson.source(cell)).forEach((name, text) -> {
                    if (names.contains(name)) {
                        declarations.put(name, text);
                    }
                });
            }
        }
        return javaSources(exerciseFolder, declarations::get);
    }

    /**
     * The Java files of exercise {@code exerciseFolder} whose types {@code declarationOf} gives (type name → its
     * declaration as a cell holds it, or null when none declares it), assembled as {@link #assemble} does: the
     * grader's way with a handed-in notebook, and {@code check()}'s with the kernel's cells.
     */
    public static Map<String, String> javaSources(Path exerciseFolder, Function<String, String> declarationOf)
            throws IOException {
        String exercise = exerciseFolder.getFileName().toString();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String type : typeNames(exerciseFolder)) {
            String declaration = declarationOf.apply(type);
            if (declaration != null) {
                String original = Files.readString(exerciseFolder.resolve(type + ".java"), StandardCharsets.UTF_8);
                sources.put(type + ".java", assemble(exercise, declaration, original));
            }
        }
        return sources;
    }

    /** The names of an exercise's own types: its Java files that are not tests ({@code Sigmoid}, not SigmoidTest). */
    public static List<String> typeNames(Path exerciseFolder) throws IOException {
        try (Stream<Path> files = Files.list(exerciseFolder)) {
            return files.map(f -> f.getFileName().toString())
                .filter(f -> f.endsWith(".java") && !f.endsWith("Test.java"))
                .map(f -> f.substring(0, f.length() - ".java".length())).sorted().toList();
        }
    }

    /**
     * A compilable file for exercise {@code exercise} from a type's {@code declaration} as a cell holds it:
     * {@code package}, the imports every cell sees, and those of {@code exerciseFile}, the exercise's own version.
     */
    public static String assemble(String exercise, String declaration, String exerciseFile) {
        StringBuilder file = new StringBuilder("package ").append(exercise).append(";\n\n");
        kernelImports().forEach(line -> file.append(line).append('\n'));
        file.append("import dl.grading.*;\n");
        exerciseFile.lines().filter(line -> line.startsWith("import ")).forEach(line -> file.append(line).append('\n'));
        return file.append('\n').append(declaration.strip()).append('\n').toString();
    }

    /** What a notebook's cell holds of a Java file: the file without its package and import lines, trimmed. */
    public static String cellText(String javaFile) {
        return javaFile.lines().filter(line -> !line.startsWith("package ") && !line.startsWith("import "))
            .collect(Collectors.joining("\n")).strip();
    }

    /** The imports of the kernel's start-up script (dl-core's dl/startup.jsh), which every cell sees. */
    static List<String> kernelImports() {
        try (InputStream in = Notebooks.class.getResourceAsStream("/dl/startup.jsh")) {
            if (in == null) {
                throw new IllegalStateException("dl/startup.jsh is not on the class path: is dl-core?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("import ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
