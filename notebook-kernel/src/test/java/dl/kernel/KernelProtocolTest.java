package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The installed kernel driven by a client no one here wrote: Jupyter's own {@code jupyter_client} (Debian's
 * python3-jupyter-client) starts it, sends one conversation (src/test/python/drive_kernel.py) and hands back
 * every reply and every IOPub message, which the tests below read. The kernel runs on a student's JVM here, and on
 * Maven's in {@link KernelProtocolOnThisJvmTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelProtocolTest {

    private static final List<Map<String, Object>> STEPS = new ArrayList<>();
    private JsonArray results;

    private static int step(Map<String, Object> step) {
        STEPS.add(step);
        return STEPS.size();   // results[0] is the start-up time
    }

    private static final int VALUE = step(Map.of("execute", "1 + 1"));
    private static final int DISPLAY = step(Map.of("execute",
            "System.out.println(\"hello\");\ndisplay(Tensor.arange(3));\nint x = 41;"));
    private static final int SUMMARY = step(Map.of("execute",
            "var model = net(input(1, 28, 28)).conv(5, 6).relu().pool(2).flatten().dense(10);\nmodel.summary()"));
    private static final int CHART = step(Map.of("execute", "FunctionCharts.activations()"));
    private static final int SHAPE_ERROR = step(Map.of("execute", "Tensor.zeros(64, 784).matmul(Tensor.zeros(50, 10))"));
    private static final int AFTER_SHAPE_ERROR = step(Map.of("execute", "x + 1"));
    private static final int COMPILE_ERROR = step(Map.of("execute", "int y = x + undefinedThing;"));
    private static final int AFTER_COMPILE_ERROR = step(Map.of("execute", "x + 2"));
    private static final int HUGE = step(Map.of("execute", "float[] huge = new float[Integer.MAX_VALUE - 8];"));
    private static final int AFTER_HUGE = step(Map.of("execute", "x + 3"));
    private static final int LOOP = step(Map.of("execute", "while (true) { x = x + 0; }", "interrupt_after", 2));
    private static final int AFTER_LOOP = step(Map.of("execute", "x + 4"));
    private static final int TRAINING = step(Map.of("execute", """
            var data = CourseData.standIn(2000).reshaped(1, 48, 48);
            var small = net(input(1, 48, 48)).conv(3, 8).relu().pool(2).flatten().dense(2);
            var history = small.fit(data, epochs(200).batch(50));""", "interrupt_after_updates", 3));
    private static final int AFTER_TRAINING = step(Map.of("execute",
            "history.epochs().size() + \" \" + history.stoppedBecause() + \" \" + small.parameters().size()"));
    private static final int NULL_POINTER = step(Map.of("execute",
            "String[] names = new String[2];\nint total = 0;\nfor (int i = 0; i < names.length; i++) {\n"
                    + "    total += names[i].length();\n}"));
    private static final int COMPLETE = step(Map.of("complete", "model.con", "cursor", 9));
    private static final int COMPLETE_AFTER_DOT = step(Map.of("complete", "model.", "cursor", 6));
    private static final int INSPECT = step(Map.of("inspect", "model.conv(3, 8)", "cursor", 8));
    // last, before the shutdown (on the control socket): a kernel that stops reading its shell leaves no reply here
    private static final int FORGED = step(Map.of("forged", "x = 1000;"));
    private static final int AFTER_FORGED = step(Map.of("execute", "x + 5", "timeout", 60));
    private static final int SHUTDOWN = step(Map.of("shutdown", true));

    /** Registers the kernel under test and says where: the student's kernel. */
    Path registerKernel() {
        Jupyter.requireKernel(Jupyter.PYTHON, "/usr/bin/jupyter-kernelspec");
        return Jupyter.PATH;
    }

    @BeforeAll
    void converse() throws Exception {
        Path jupyterPath = registerKernel();
        Path steps = Jupyter.TARGET.resolve("protocol/" + getClass().getSimpleName() + "/steps.json");
        Files.createDirectories(steps.getParent());
        Files.writeString(steps, new Gson().toJson(STEPS));
        String out = Jupyter.run(List.of(Jupyter.PYTHON, Jupyter.ROOT.resolve(
                "notebook-kernel/src/test/python/drive_kernel.py").toString(), steps.toString()),
                steps.resolveSibling("results.json"), 600, jupyterPath);
        results = new Gson().fromJson(out, JsonArray.class);
        System.out.printf("kernel start to first result: %.2f s%n",
                results.get(0).getAsJsonObject().get("startup_seconds").getAsDouble()
                        + results.get(VALUE).getAsJsonObject().get("seconds").getAsDouble());
    }

    private JsonObject reply(int step) {
        return results.get(step).getAsJsonObject().getAsJsonObject("reply");
    }

    private List<JsonObject> iopub(int step, String type) {
        return StreamSupport.stream(results.get(step).getAsJsonObject().getAsJsonArray("iopub").spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(m -> m.get("msg_type").getAsString().equals(type))
                .map(m -> m.getAsJsonObject("content")).toList();
    }

    private String result(int step) {
        List<JsonObject> r = iopub(step, "execute_result");
        assertEquals(1, r.size(), "one execute_result for step " + step + ": " + results.get(step));
        return r.get(0).getAsJsonObject("data").get("text/plain").getAsString();
    }

    private String traceback(int step) {
        List<JsonObject> errors = iopub(step, "error");
        assertEquals(1, errors.size(), results.get(step).toString());
        return String.join("\n", StreamSupport.stream(errors.get(0).getAsJsonArray("traceback").spliterator(), false)
                .map(JsonElement::getAsString).toList()).replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void anExpressionIsTheCellsResult() {
        assertEquals("ok", reply(VALUE).get("status").getAsString());
        assertEquals("2", result(VALUE));
    }

    @Test
    void printingAndDisplayMidCell() {
        assertEquals("hello\n", iopub(DISPLAY, "stream").get(0).get("text").getAsString());
        JsonObject shown = iopub(DISPLAY, "display_data").get(0).getAsJsonObject("data");
        assertTrue(shown.get("text/plain").getAsString().startsWith("Tensor[3]"), shown.toString());
        assertTrue(iopub(DISPLAY, "execute_result").isEmpty(), "a declaration shows nothing");
    }

    @Test
    void aSummaryIsAnHtmlTableWithTextBeside() {
        JsonObject data = iopub(SUMMARY, "execute_result").get(0).getAsJsonObject("data");
        String html = data.get("text/html").getAsString();
        assertTrue(html.contains("<table") && html.contains("Conv(5x5, 1 -&gt; 6)") && html.contains("Total parameters: 8,806"),
                html);
        assertTrue(data.get("text/plain").getAsString().contains("8,806"), data.toString());
        assertTrue(html.contains(">8,650</td>"), "the dense layer's count, as the text table writes it: " + html);
    }

    @Test
    void aChartIsAPng() {
        JsonObject data = iopub(CHART, "execute_result").get(0).getAsJsonObject("data");
        assertTrue(data.get("image/png").getAsString().startsWith("iVBORw0KGgo"), "base64 of a PNG signature");
    }

    @Test
    void aShapeErrorReadsAsWrittenAndTheKernelGoesOn() {
        assertEquals("error", reply(SHAPE_ERROR).get("status").getAsString());
        assertEquals("IllegalArgumentException", reply(SHAPE_ERROR).get("ename").getAsString());
        String trace = traceback(SHAPE_ERROR);
        assertTrue(trace.startsWith("IllegalArgumentException: matmul: [64, 784] x [50, 10]: inner dimensions 784 and 50 differ"),
                trace);
        assertTrue(trace.contains("at line 1 of the cell: Tensor.zeros(64, 784).matmul(Tensor.zeros(50, 10))")
                && !trace.contains("jdk.jshell"), trace);
        assertEquals("42", result(AFTER_SHAPE_ERROR));
    }

    @Test
    void aCompileErrorPointsAtTheCode() {
        String trace = traceback(COMPILE_ERROR);
        assertTrue(trace.startsWith("The cell does not compile: cannot find symbol"), trace);
        assertTrue(trace.contains("line 1: int y = x + undefinedThing;\n                    ^^^^^^^^^^^^^^"), trace);
        assertEquals("43", result(AFTER_COMPILE_ERROR));
    }

    @Test
    void anAllocationTooLargeForTheHeapLeavesTheKernelRunning() {
        String trace = traceback(HUGE);
        assertTrue(trace.startsWith("OutOfMemoryError: Java heap space"), trace);
        assertEquals("44", result(AFTER_HUGE));
    }

    @Test
    void interruptStopsAnInfiniteLoop() {
        assertEquals("Interrupted", reply(LOOP).get("ename").getAsString());
        assertEquals("45", result(AFTER_LOOP));
    }

    @Test
    void interruptStopsTrainingAtTheNextBatchAndKeepsTheModelAndItsHistory() {
        assertEquals("ok", reply(TRAINING).get("status").getAsString(), results.get(TRAINING).toString());
        assertTrue(iopub(TRAINING, "stream").stream().anyMatch(s -> s.get("text").getAsString().contains("Interrupted")));
        List<JsonObject> updates = iopub(TRAINING, "update_display_data");
        assertTrue(updates.size() >= 3, "the progress line updates in place: " + updates.size() + " updates");
        String last = updates.stream().map(u -> u.getAsJsonObject("data").get("text/plain").getAsString())
                .filter(t -> t.startsWith("epoch") || t.contains("interrupted")).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("interrupted at batch"), last);
        String[] after = result(AFTER_TRAINING).replace("\"", "").split(" ");
        assertTrue(Integer.parseInt(after[0]) < 200, "History shorter than asked: " + after[0] + " epochs");
        assertEquals("interrupted", after[1]);
        assertEquals("4", after[2]);
    }

    @Test
    void aNullPointerNamesTheVariableAndTheLineOfTheCell() {
        String trace = traceback(NULL_POINTER);
        assertEquals("NullPointerException: Cannot invoke \"String.length()\" because \"names[i]\" is null\n"
                + "    at line 4 of the cell: total += names[i].length();", trace);
    }

    @Test
    void aMessageWithAWrongSignatureIsDroppedAndTheKernelGoesOn() {
        assertFalse(results.get(AFTER_FORGED).getAsJsonObject().get("reply").isJsonNull(),
                "no reply to the cell after a forged message: the kernel stopped reading its shell socket");
        assertEquals("46", result(AFTER_FORGED), "the forged cell (x = 1000) did not run");
    }

    @Test
    void completionListsTheDslsMethods() {
        JsonObject r = reply(COMPLETE);
        assertEquals(6, r.get("cursor_start").getAsInt());
        assertTrue(r.getAsJsonArray("matches").toString().contains("conv("), r.toString());
    }

    @Test
    void tabAfterTheDotListsTheDslsWordsWithoutObjectsMethods() {
        String matches = reply(COMPLETE_AFTER_DOT).getAsJsonArray("matches").toString();
        assertTrue(matches.contains("\"fit(\"") && matches.contains("\"summary()\""), matches);
        assertFalse(matches.contains("\"wait(\"") || matches.contains("\"hashCode()\""), matches);
    }

    @Test
    void inspectionShowsTheSignatureAndTheJavadoc() {
        JsonObject r = reply(INSPECT);
        assertTrue(r.get("found").getAsBoolean(), r.toString());
        String text = r.getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(text.contains("Net.conv(int kernel, int filters)"), text);
        assertTrue(text.contains("filters convolutions of kernel x kernel"), text);
    }

    @Test
    void shutdownEndsTheKernel() {
        JsonObject last = results.get(SHUTDOWN).getAsJsonObject();
        assertFalse(last.getAsJsonObject("reply").get("restart").getAsBoolean());
        assertFalse(last.get("alive").getAsBoolean(), "the kernel's process has ended");
    }
}
