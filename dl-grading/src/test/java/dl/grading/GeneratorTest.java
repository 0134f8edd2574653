package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** solutions/ → exercises/: the stubs compile and say what is left; hidden tests stay behind. */
class GeneratorTest {


    @TempDir
    Path temp;

    @Test
    void theStubOfASolutionCompilesAndThrowsWhatIsLeftToWrite() throws Exception {
        Map<String, byte[]> files = Generator.generate(Course.FOLDERS.solutions());
        Path source = temp.resolve("src/ex2/Sigmoid.java");
        Files.createDirectories(source.getParent());
        Files.write(source, files.get("ex2/Sigmoid.java"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(temp.resolve("classes"));
        int status = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
            classes.toString(), source.toString());
        assertEquals(0, status, "the stub compiles");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method derivative = loader.loadClass("ex2.Sigmoid").getDeclaredMethod("derivative", double.class);
            derivative.setAccessible(true);
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> derivative.invoke(null, 0.0));
            assertInstanceOf(TodoException.class, thrown.getCause());
            assertEquals("not written yet: ex2: write σ'(x) = σ(x) · (1 − σ(x)) with value(x)",
                thrown.getCause().getMessage());
        }
    }

    @Test
    void visibleTestsAreCopiedAndHiddenOnesLeftOut() throws Exception {
        Map<String, byte[]> files = Generator.generate(Course.FOLDERS.solutions());
        assertEquals(Files.readString(Course.FOLDERS.solutions().resolve("ex2/SigmoidTest.java")),
            new String(files.get("ex2/SigmoidTest.java"), StandardCharsets.UTF_8));
        assertFalse(files.containsKey("ex2/SigmoidHiddenTest.java"));
        assertTrue(files.keySet().stream().noneMatch(f -> f.contains("Hidden")), files.keySet().toString());
    }

    @Test
    void theNotebookIsStubbedWithItsOutputsCleared() {
        JsonObject notebook = NotebookJson.parse("""
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["// BEGIN SOLUTION: stays in a text cell"]},
              {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [{"output_type": "stream"}],
               "source": ["int twice(int x) {\\n", "    // BEGIN SOLUTION: return 2x\\n", "    return 2 * x;\\n",
                          "    // END SOLUTION\\n", "}"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "test.ipynb");
        JsonObject stubbed = NotebookJson.parse(Generator.stubNotebook("ex1", notebook, "test.ipynb"), "stubbed");
        List<JsonObject> cells = NotebookJson.cells(stubbed);
        assertEquals("// BEGIN SOLUTION: stays in a text cell", NotebookJson.source(cells.get(0)));
        assertEquals("int twice(int x) {\n    throw new TodoException(\"ex1: return 2x\");\n}",
            NotebookJson.source(cells.get(1)));
        assertEquals(0, cells.get(1).getAsJsonArray("outputs").size());
        assertTrue(cells.get(1).get("execution_count").isJsonNull());
    }

    @Test
    void aMarkerErrorInANotebookNamesTheCell() {
        JsonObject notebook = NotebookJson.parse("""
            {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "x();\\n// END SOLUTION"}]}""",
            "ex1.ipynb");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Generator.stubNotebook("ex1", notebook, "ex1.ipynb"));
        assertEquals("ex1.ipynb (cell 1):2: END SOLUTION without a BEGIN SOLUTION before it", e.getMessage());
    }

    @Test
    void aSolutionWithoutTheImportOfTodoExceptionIsRefused() throws Exception {
        Path solutions = temp.resolve("solutions");
        Files.createDirectories(solutions.resolve("ex1"));
        Files.writeString(solutions.resolve("ex1/A.java"),
            "package ex1;\n\nclass A {\n    int a() {\n        // BEGIN SOLUTION: return 1\n        return 1;\n"
                + "        // END SOLUTION\n    }\n}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generator.generate(solutions));
        assertEquals(solutions.resolve("ex1/A.java") + ": its stubs throw TodoException: add "
            + "'import dl.grading.TodoException;' to its imports", e.getMessage());
    }

    @Test
    void aTestClassMarkedHiddenIsLeftOutAndAHiddenMethodInAVisibleOneRefused() throws Exception {
        Path solutions = temp.resolve("solutions");
        Files.createDirectories(solutions.resolve("ex1"));
        Files.writeString(solutions.resolve("ex1/SecretTest.java"), "package ex1;\n\n@Hidden\nclass SecretTest {\n}\n");
        assertEquals(List.of(), List.copyOf(Generator.generate(solutions).keySet()));

        Files.writeString(solutions.resolve("ex1/ATest.java"),
            "package ex1;\n\nclass ATest {\n    @Test\n    @Hidden\n    void secret() {\n    }\n}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generator.generate(solutions));
        assertTrue(e.getMessage().startsWith(solutions.resolve("ex1/ATest.java") + ": @Hidden on a method"),
            e.getMessage());
    }

    @Test
    void hiddenFilesSuchAsJupytersCheckpointsAreLeftOut() throws Exception {
        Path solutions = temp.resolve("solutions");
        Files.createDirectories(solutions.resolve("ex1/.ipynb_checkpoints"));
        Files.writeString(solutions.resolve("ex1/.ipynb_checkpoints/ex1-checkpoint.ipynb"), "{}");
        Files.writeString(solutions.resolve("ex1/data.csv"), "x,y\n");
        assertEquals(List.of("ex1/data.csv"), List.copyOf(Generator.generate(solutions).keySet()));
    }

    @Test
    void writingDeletesTheFilesWhoseSourceIsGoneAndKeepsTheReadme() throws Exception {
        Path exercises = temp.resolve("exercises");
        Files.createDirectories(exercises.resolve("ex7"));
        Files.writeString(exercises.resolve("README.md"), "for students");
        Files.writeString(exercises.resolve("ex7/Old.java"), "class Old {}");
        Files.createDirectories(exercises.resolve("ex1"));
        Files.writeString(exercises.resolve("ex1/Gone.java"), "class Gone {}");

        List<String> changed = Generator.write(Map.of("ex1/A.java", "class A {}".getBytes(StandardCharsets.UTF_8)),
            exercises);

        assertEquals(List.of("written: ex1/A.java", "deleted: ex1/Gone.java", "deleted: ex7/Old.java"), changed);
        assertEquals("class A {}", Files.readString(exercises.resolve("ex1/A.java")));
        assertTrue(Files.exists(exercises.resolve("README.md")));
        assertFalse(Files.exists(exercises.resolve("ex7")), "an exercise folder left empty goes");
        assertEquals(List.of(), Generator.write(Map.of("ex1/A.java", "class A {}".getBytes(StandardCharsets.UTF_8)),
            exercises), "nothing to do the second time");
    }
}
