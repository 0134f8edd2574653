package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exercise notebooks run as a student runs them, through Jupyter's {@code nbconvert --execute} and the tests'
 * kernel ({@code DL_QUICK=1}): each solution notebook top to bottom with no error, its {@code check("exN")} cell
 * showing every visible test passed; and a student's notebook as handed out, whose check says what is not written
 * yet.
 */
class ExerciseNotebooksTest {

    private static final Pattern CHECK_CELL = Pattern.compile("check\\(\"ex\\d+\"\\)");
    private static final Pattern PASSED = Pattern.compile("(\\d+) of (\\d+) visible tests pass");

    static Stream<Path> solutionNotebooks() throws Exception {
        try (Stream<Path> files = Files.walk(Jupyter.ROOT.resolve("solutions"), 2)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("solutionNotebooks")
    void theSolutionRunsAndPassesItsCheck(Path notebook) throws Exception {
        String check = checkCellText(execute(notebook, false));
        Matcher passed = PASSED.matcher(check);
        assertTrue(passed.find(), notebook + ": the check cell shows no count of passed tests:\n" + check);
        assertEquals(passed.group(2), passed.group(1), notebook + ": not every visible test passes:\n" + check);
        assertTrue(!check.contains("✘"), check);
    }

    @Test
    void theExerciseAsHandedOutSaysWhatIsNotWrittenYet() throws Exception {
        String check = checkCellText(execute(Jupyter.ROOT.resolve("exercises/ex2/ex2-sigmoid.ipynb"), true));
        assertTrue(check.contains("check(\"ex2\"): 0 of 3 visible tests pass"), check);
        assertTrue(check.contains("not written yet: ex2: write σ'(x) = σ(x) · (1 − σ(x)) with value(x)"), check);
        assertTrue(check.contains(CheckResult.HIDDEN), check);
    }

    /** Runs {@code notebook} and returns its code cells with their outputs; no cell may fail unless {@code errorsAllowed}. */
    private static List<JsonObject> execute(Path notebook, boolean errorsAllowed) throws Exception {
        Jupyter.requireKernel("/usr/bin/jupyter-nbconvert", "/usr/bin/jupyter-kernelspec");
        Path out = Jupyter.TARGET.resolve("executed-exercises").resolve(notebook.getParent().getParent().getFileName()
                + "-" + notebook.getParent().getFileName());
        List<String> command = new ArrayList<>(List.of("/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KernelMain.NAME, "--ExecutePreprocessor.timeout=300",
                "--output-dir", out.toString(), notebook.toString()));
        if (errorsAllowed) {
            command.add("--allow-errors");
        }
        long start = System.nanoTime();
        Jupyter.run(command, out.resolve(notebook.getFileName() + ".log"), 600);
        System.out.printf("%s ran in %.1f s (DL_QUICK=1)%n", notebook, (System.nanoTime() - start) / 1e9);
        List<JsonObject> cells = NotebooksTest.codeCells(out.resolve(notebook.getFileName()));
        if (!errorsAllowed) {
            for (JsonObject cell : cells) {
                for (JsonElement output : cell.getAsJsonArray("outputs")) {
                    assertTrue(!output.getAsJsonObject().get("output_type").getAsString().equals("error"),
                            notebook + ": " + output);
                }
            }
        }
        return cells;
    }

    /** What the notebook's {@code check("exN")} cell showed, as text. */
    private static String checkCellText(List<JsonObject> cells) {
        JsonObject cell = cells.stream().filter(c -> CHECK_CELL.matcher(NotebooksTest.text(c.get("source"))).find())
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("the notebook has no check(\"exN\") cell"));
        StringBuilder shown = new StringBuilder();
        for (JsonElement output : cell.getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            if (o.has("data") && o.getAsJsonObject("data").has("text/plain")) {
                shown.append(NotebooksTest.text(o.getAsJsonObject("data").get("text/plain")));
            }
            if (o.has("text")) {
                shown.append(NotebooksTest.text(o.get("text")));
            }
            if (o.has("evalue")) {
                shown.append(o.get("evalue").getAsString());
            }
        }
        return shown.toString();
    }
}
