package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a student sees: Debian's Chromium, driven by Selenium, opens a notebook in a running Jupyter Notebook 6
 * server, runs all cells on the Java kernel (in the quick mode, {@code DL_QUICK=1}), and finds no error, every
 * formula typeset by MathJax and every picture decoded. The whole notebook is left as a screenshot at
 * {@code notebook-kernel/target/NAME-in-chromium.png}: look at it. The notebook is then saved from the page and
 * checked as {@link NotebooksTest} checks the others (no stderr, its figures and its facts), so that it runs once. One
 * server and one browser serve the notebooks in turn, each on a kernel of its own.
 */
class BrowserTest {

    /** The notebooks run here: the first one a student opens, a CNN trained live, and the one with most formulas. */
    static final List<String> NOTEBOOKS = List.of("welcome.ipynb", "07-nn4-cnn.ipynb", "11-architectures.ipynb");

    private static final String[] TOOLS = {"/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/jupyter-notebook"};

    private static final String ALL_CELLS_RAN = "return Jupyter.notebook.get_cells()"
            + ".filter(c => c.cell_type === 'code').every(c => typeof c.input_prompt_number === 'number')";

    /**
     * MathJax 2 (the version Notebook 6 loads) leaves each formula's TeX in a {@code script type="math/tex"} and
     * puts the typeset formula just before it, in a {@code span.MathJax} ({@code div.MathJax_Display} around it for
     * $$...$$) whose id ends in "-Frame". A formula MathJax could not typeset shows as {@code .MathJax_Error}.
     */
    private static final String FORMULAS = "var cells = document.querySelectorAll('.text_cell_render');"
            + "var tex = 0, typeset = 0, visible = 0, errors = 0, raw = [];"
            + "cells.forEach(c => {"
            + "  tex += c.querySelectorAll('script[type^=\"math/tex\"]').length;"
            + "  c.querySelectorAll('.MathJax[id$=\"-Frame\"]').forEach(f => { typeset++;"
            + "    if (f.getBoundingClientRect().width > 0) visible++; });"
            + "  errors += c.querySelectorAll('.MathJax_Error, merror').length;"
            + "  if (/\\$\\$|\\\\frac|\\\\cdot/.test(c.innerText)) raw.push(c.innerText.slice(0, 80)); });"
            + "return {tex: tex, typeset: typeset, visible: visible, errors: errors, raw: raw.join(' | ')};";

    /** Per figure-tagged code cell, how many of its output pictures decoded (naturalWidth > 0), and how many it has. */
    private static final String FIGURES = "return Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code'"
            + " && (c.metadata.tags || []).includes('figure')).map(c => {"
            + "  var imgs = Array.from(c.element[0].querySelectorAll('.output_area img'));"
            + "  return imgs.length + '/' + imgs.filter(i => i.complete && i.naturalWidth > 0).length; });";

    /** Saves the notebook with its outputs, then ends its session and so its kernel. */
    private static final String SAVE_AND_SHUT_DOWN = "var done = arguments[arguments.length - 1];"
            + "Jupyter.notebook.save_notebook().then(() => Jupyter.notebook.session.delete("
            + "  () => done('shut down'), (xhr, status, error) => done('not shut down: ' + error)),"
            + "  error => done('not saved: ' + error));";

    private static final Path DIR = Jupyter.TARGET.resolve("browser");
    private static Process server;
    private static String base;
    private static String token;
    private static ChromeDriver browser;

    /** Whether this test runs {@code notebook}: it is one of {@link #NOTEBOOKS} and Chromium is installed. */
    static boolean runs(Path notebook) {
        return NOTEBOOKS.contains(notebook.getFileName().toString())
                && Stream.of(TOOLS).allMatch(tool -> Files.isExecutable(Path.of(tool)));
    }

    static Stream<String> notebooks() {
        return NOTEBOOKS.stream();
    }

    @BeforeAll
    static void startJupyterAndChromium() throws Exception {
        Jupyter.requireKernel(TOOLS);
        Files.createDirectories(DIR);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        token = UUID.randomUUID().toString();
        base = "http://127.0.0.1:" + port;
        server = Jupyter.start(List.of("/usr/bin/jupyter-notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--NotebookApp.token=" + token,
                "--notebook-dir=" + DIR), DIR.resolve("server.log"));
        waitForServer(base + "/api/status?token=" + token);
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1300,3600",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterAll
    static void stopChromiumAndJupyter() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void runsInChromiumWithFormulasTypesetAndPicturesDecoded(String notebook) throws Exception {
        Path source = Jupyter.ROOT.resolve("notebooks").resolve(notebook);
        assertTrue(Files.exists(source), "no notebook " + source);
        Files.copy(source, DIR.resolve(notebook), StandardCopyOption.REPLACE_EXISTING);
        long start = System.nanoTime();
        browser.manage().window().setSize(new Dimension(1300, 3600));
        browser.get(base + "/notebooks/" + notebook + "?token=" + token);
        JavascriptExecutor js = browser;
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(b -> Boolean.TRUE.equals(js.executeScript(
                "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                        + " && Jupyter.notebook.kernel.is_connected())")));
        js.executeScript("Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells();");
        new WebDriverWait(browser, Duration.ofSeconds(600), Duration.ofMillis(500))
                .until(b -> Boolean.TRUE.equals(js.executeScript(ALL_CELLS_RAN)));
        System.out.printf("%s ran in Chromium in %.1f s (DL_QUICK=1)%n", notebook, (System.nanoTime() - start) / 1e9);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeAsyncScript("var done = arguments[arguments.length - 1]; MathJax.Hub.Queue(() => done(true));");
        screenshot(browser, js, Jupyter.TARGET.resolve(notebook.replaceAll("\\.ipynb$", "") + "-in-chromium.png"));

        assertEquals(List.of(), browser.findElements(By.cssSelector(".output_error")).stream()
                .map(WebElement::getText).toList(), notebook + ": no cell failed");
        @SuppressWarnings("unchecked")
        Map<String, Object> formulas = (Map<String, Object>) js.executeScript(FORMULAS);
        long tex = (Long) formulas.get("tex");
        assertTrue(tex > 0, notebook + ": its Markdown has formulas for MathJax: " + formulas);
        assertEquals(tex, formulas.get("typeset"), notebook + ": MathJax typeset every formula: " + formulas);
        assertEquals(tex, formulas.get("visible"), notebook + ": every typeset formula has a width: " + formulas);
        assertEquals(0L, formulas.get("errors"), notebook + ": no formula failed: " + formulas);
        assertEquals("", formulas.get("raw"), notebook + ": no TeX left as text: " + formulas);

        @SuppressWarnings("unchecked")
        List<String> figures = (List<String>) js.executeScript(FIGURES);
        assertTrue(!figures.isEmpty(), notebook + ": it has figure cells");
        for (String decoded : figures) {
            String[] n = decoded.split("/");
            assertTrue(Integer.parseInt(n[0]) > 0 && n[0].equals(n[1]),
                    notebook + ": every figure cell shows pictures and each decoded (shown/decoded): " + figures);
        }
        assertTrue(browser.findElements(By.cssSelector(".output_area img")).stream().allMatch(img ->
                ((Number) js.executeScript("return arguments[0].naturalWidth", img)).intValue() > 0),
                notebook + ": every picture decoded");
        if (notebook.equals("welcome.ipynb")) {
            List<WebElement> tables = browser.findElements(By.cssSelector(".output_html table.dl-table"));
            assertTrue(tables.stream().anyMatch(t -> t.getText().contains("Conv(5x5, 1 -> 6, pad 2)")),
                    "the summary table is rendered");
            assertTrue(browser.findElements(By.cssSelector(".output_html .dl-progress")).stream()
                    .anyMatch(p -> p.getText().contains("epoch 3:")), "the progress block shows the last epoch");
        }
        assertEquals("shut down", js.executeAsyncScript(SAVE_AND_SHUT_DOWN), notebook);
        NotebooksTest.assertShowsItsFiguresAndFacts(DIR.resolve(notebook));
    }

    /** The whole notebook in one picture: the window is made as tall as the notebook (Chromium allows 16,384 px). */
    private static void screenshot(ChromeDriver browser, JavascriptExecutor js, Path file) throws Exception {
        long height = (Long) js.executeScript("return document.getElementById('notebook-container').scrollHeight"
                + " + document.getElementById('header').offsetHeight + 60");
        browser.manage().window().setSize(new Dimension(1300, (int) Math.min(height, 16_000)));
        js.executeScript("document.getElementById('site').scrollTop = 0;");
        Thread.sleep(1500);   // let the resized page lay out and the last outputs paint
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void waitForServer(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Jupyter Notebook did not start at " + url, notYet);
                }
            }
            Thread.sleep(200);
        }
    }
}
