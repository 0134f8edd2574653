package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook in notebooks/ run top to bottom, headless, by the installed kernel through Jupyter's own
 * {@code jupyter nbconvert --execute}, in the quick mode ({@code DL_QUICK=1}): no cell may fail or write to
 * stderr, every cell tagged {@code figure} shows a picture, and the facts listed for the notebook in
 * {@code src/test/resources/notebook-facts/NAME.txt} (one a line: a parameter total, a row of a worked grid) are
 * among what it prints, white space aside. The notebooks that {@link BrowserTest} runs in Chromium are checked the
 * same way there, on what Chromium ran, rather than run twice. Notebooks are stored without outputs.
 */
class NotebooksTest {

    static Stream<Path> notebooks() throws Exception {
        try (Stream<Path> files = Files.list(Jupyter.ROOT.resolve("notebooks"))) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList().stream();
        }
    }

    /** The notebooks run here: all but those {@link BrowserTest} runs, when this machine has what it needs. */
    static Stream<Path> notebooksNotRunInChromium() throws Exception {
        return notebooks().filter(notebook -> !BrowserTest.runs(notebook));
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void isStoredWithoutOutputs(Path notebook) throws Exception {
        for (JsonObject cell : codeCells(notebook)) {
            assertEquals(0, cell.getAsJsonArray("outputs").size(), notebook + ": " + cell.get("source"));
            assertTrue(cell.get("execution_count").isJsonNull(), notebook + ": " + cell.get("source"));
        }
    }

    @ParameterizedTest
    @MethodSource("notebooksNotRunInChromium")
    void runsTopToBottomShowingItsFiguresAndFacts(Path notebook) throws Exception {
        Jupyter.requireKernel("/usr/bin/jupyter-nbconvert", "/usr/bin/jupyter-kernelspec");
        Path out = Jupyter.TARGET.resolve("executed");
        long start = System.nanoTime();
        Jupyter.run(List.of("/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KernelMain.NAME, "--ExecutePreprocessor.timeout=600",
                "--output-dir", out.toString(), notebook.toString()),
                out.resolve(notebook.getFileName() + ".log"), 900);
        System.out.printf("%s ran in %.1f s (DL_QUICK=1)%n", notebook.getFileName(), (System.nanoTime() - start) / 1e9);
        assertShowsItsFiguresAndFacts(out.resolve(notebook.getFileName()));
    }

    /**
     * A notebook as its run saved it, under its own file name: every code cell ran, none failed or wrote to stderr,
     * every figure cell shows a picture, and the notebook's facts are among what it printed.
     */
    static void assertShowsItsFiguresAndFacts(Path executed) throws Exception {
        Path notebook = executed.getFileName();
        List<String> mimeTypes = new ArrayList<>();
        StringBuilder printed = new StringBuilder();
        for (JsonObject c : codeCells(executed)) {
            List<String> cellTypes = new ArrayList<>();
            for (JsonElement output : c.getAsJsonArray("outputs")) {
                JsonObject o = output.getAsJsonObject();
                assertTrue(!o.get("output_type").getAsString().equals("error"), notebook + ": " + o);
                assertTrue(!(o.has("name") && o.get("name").getAsString().equals("stderr")), notebook + ": " + o);
                if (o.has("text")) {
                    printed.append(text(o.get("text"))).append('\n');
                }
                if (o.has("data")) {
                    cellTypes.addAll(o.getAsJsonObject("data").keySet());
                    if (o.getAsJsonObject("data").has("text/plain")) {
                        printed.append(text(o.getAsJsonObject("data").get("text/plain"))).append('\n');
                    }
                }
            }
            assertTrue(c.get("execution_count").isJsonPrimitive(), "every code cell ran: " + c.get("source"));
            if (tags(c).contains("figure")) {
                assertTrue(cellTypes.contains("image/png") || cellTypes.contains("image/svg+xml"),
                        notebook + ": a figure cell shows no picture: " + c.get("source") + " " + cellTypes);
            }
            mimeTypes.addAll(cellTypes);
        }
        String shown = printed.toString().replaceAll("\\s+", " ");
        for (String fact : facts(notebook)) {
            assertTrue(shown.contains(fact), notebook + " does not print the fact '" + fact + "'");
        }
        if (notebook.getFileName().toString().equals("welcome.ipynb")) {
            assertTrue(mimeTypes.stream().filter("image/png"::equals).count() >= 3,
                    "the samples, the live loss curve and the history plot: " + mimeTypes);
            assertTrue(mimeTypes.contains("text/html"), "the summary table: " + mimeTypes);
        }
    }

    /** The facts a notebook must print, white space folded to one space; none when it has no facts file. */
    private static List<String> facts(Path notebook) throws Exception {
        String name = notebook.getFileName().toString().replaceAll("\\.ipynb$", ".txt");
        Path file = Jupyter.ROOT.resolve("notebook-kernel/src/test/resources/notebook-facts").resolve(name);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replaceAll("\\s+", " ")).toList();
    }

    static List<JsonObject> codeCells(Path notebook) throws Exception {
        JsonObject nb = new Gson().fromJson(Files.readString(notebook), JsonObject.class);
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                cells.add(cell.getAsJsonObject());
            }
        }
        return cells;
    }

    private static List<String> tags(JsonObject cell) {
        List<String> tags = new ArrayList<>();
        if (cell.has("metadata") && cell.getAsJsonObject("metadata").has("tags")) {
            cell.getAsJsonObject("metadata").getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
        }
        return tags;
    }

    /** A notebook's text: a string, or a list of lines. */
    static String text(JsonElement e) {
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        StringBuilder s = new StringBuilder();
        e.getAsJsonArray().forEach(line -> s.append(line.getAsString()));
        return s.toString();
    }
}
