package dl.kernel;

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
 * {@code jupyter nbconvert --execute}: no cell may fail, and the outputs carry the MIME types a reader sees.
 */
class NotebooksTest {

    static Stream<Path> notebooks() throws Exception {
        try (Stream<Path> files = Files.list(Jupyter.ROOT.resolve("notebooks"))) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void runsTopToBottomWithoutAnError(Path notebook) throws Exception {
        Jupyter.requireKernel("/usr/bin/jupyter-nbconvert", "/usr/bin/jupyter-kernelspec");
        Path out = Jupyter.TARGET.resolve("executed");
        Jupyter.run(List.of("/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KernelMain.NAME, "--ExecutePreprocessor.timeout=600",
                "--output-dir", out.toString(), notebook.toString()),
                out.resolve(notebook.getFileName() + ".log"), 900);
        JsonObject executed = new Gson().fromJson(Files.readString(out.resolve(notebook.getFileName())), JsonObject.class);
        List<String> mimeTypes = new ArrayList<>();
        for (JsonElement cell : executed.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (!c.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            for (JsonElement output : c.getAsJsonArray("outputs")) {
                JsonObject o = output.getAsJsonObject();
                assertTrue(!o.get("output_type").getAsString().equals("error"), notebook + ": " + o);
                assertTrue(!(o.has("name") && o.get("name").getAsString().equals("stderr")), notebook + ": " + o);
                if (o.has("data")) {
                    mimeTypes.addAll(o.getAsJsonObject("data").keySet());
                }
            }
            assertTrue(c.get("execution_count").isJsonPrimitive(), "every code cell ran: " + c.get("source"));
        }
        if (notebook.getFileName().toString().equals("welcome.ipynb")) {
            assertTrue(mimeTypes.stream().filter("image/png"::equals).count() >= 3,
                    "the samples, the live loss curve and the history plot: " + mimeTypes);
            assertTrue(mimeTypes.contains("text/html"), "the summary table: " + mimeTypes);
        }
    }
}
