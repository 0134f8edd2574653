package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook's class cells, as the grader compiles them. */
class NotebooksTest {

    private static final Path EX2 = Course.FOLDERS.root().resolve("exercises/ex2");

    @TempDir
    Path temp;

    @Test
    void theClassCellBecomesACompilableFile() throws Exception {
        Map<String, String> sources = Notebooks.javaSources(Course.FOLDERS.root().resolve("solutions/ex2/ex2-sigmoid.ipynb"),
            EX2);
        assertEquals(List.of("Sigmoid.java"), List.copyOf(sources.keySet()));
        String file = sources.get("Sigmoid.java");
        assertTrue(file.startsWith("package ex2;\n\nimport java.util.*;\nimport dl.tensor.*;\n"), file);
        assertTrue(file.contains("import static dl.Dsl.*;\n"), "the kernel's imports: " + file);
        assertTrue(file.contains("import dl.grading.*;\nimport dl.grading.TodoException;\n\n/**\n"), file);
        assertTrue(file.endsWith("        return s * (1 - s);\n        // END SOLUTION\n    }\n}\n"), file);

        Path java = Files.createDirectories(temp.resolve("ex2")).resolve("Sigmoid.java");
        Files.writeString(java, file);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp",
            System.getProperty("java.class.path"), "-d", temp.resolve("classes").toString(), java.toString()));
    }

    @Test
    void theLastDefinitionWinsAndWhatFollowsItInTheCellIsLeftOut() throws Exception {
        Path notebook = notebook(
            "class Sigmoid { static double derivative(double x) { return 0; } }",
            "/** Mine. */\n@SuppressWarnings(\"unused\")\nfinal class Sigmoid {\n"
                + "    static String brace() { return \"}\" + '}'; } // }\n}\n\nSigmoid.derivative(0)",
            "class Helper {}");
        Map<String, String> sources = Notebooks.javaSources(notebook, EX2);
        assertEquals(List.of("Sigmoid.java"), List.copyOf(sources.keySet()), "Helper is not a class of ex2");
        assertTrue(sources.get("Sigmoid.java").endsWith("\n\n/** Mine. */\n@SuppressWarnings(\"unused\")\nfinal class "
            + "Sigmoid {\n    static String brace() { return \"}\" + '}'; } // }\n}\n"), sources.get("Sigmoid.java"));
    }

    @Test
    void aNotebookWithoutTheClassGivesNoFile() throws Exception {
        assertEquals(Map.of(), Notebooks.javaSources(notebook("1 + 1", "Sigmoid.derivative(0)"), EX2));
    }

    @Test
    void aCellsTextIsTheJavaFileWithoutItsPackageAndImports() {
        assertEquals("/** A. */\nclass A {\n}",
            Notebooks.cellText("package ex1;\n\nimport java.util.List;\n\n/** A. */\nclass A {\n}\n"));
    }

    /** A notebook whose code cells are {@code cells}. */
    private Path notebook(String... cells) throws Exception {
        StringBuilder json = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            json.append(i > 0 ? ", " : "").append("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": ")
                .append(new com.google.gson.Gson().toJson(cells[i])).append('}');
        }
        Path file = temp.resolve("test.ipynb");
        Files.writeString(file, json.append("]}").toString());
        return file;
    }
}
