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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a student sees: Debian's Chromium, driven by Selenium, opens welcome.ipynb in a running Jupyter Notebook
 * server, runs all cells on the Java kernel, and finds the pictures and the summary table rendered and no error.
 * The screenshot is left at {@code notebook-kernel/target/welcome-in-chromium.png}.
 */
class BrowserTest {

    private static final String ALL_CELLS_RAN = "return Jupyter.notebook.get_cells()"
            + ".filter(c => c.cell_type === 'code').every(c => typeof c.input_prompt_number === 'number')";

    @Test
    void welcomeRunsInChromium() throws Exception {
        Jupyter.requireKernel("/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/jupyter-notebook");
        Path dir = Jupyter.TARGET.resolve("browser");
        Files.createDirectories(dir);
        Files.copy(Jupyter.ROOT.resolve("notebooks/welcome.ipynb"), dir.resolve("welcome.ipynb"),
                StandardCopyOption.REPLACE_EXISTING);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String token = UUID.randomUUID().toString();
        String base = "http://127.0.0.1:" + port;
        Process server = Jupyter.start(List.of("/usr/bin/jupyter-notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--NotebookApp.token=" + token,
                "--notebook-dir=" + dir), dir.resolve("server.log"));
        ChromeDriver browser = null;
        try {
            waitForServer(base + "/api/status?token=" + token);
            ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1300,3600",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium"));
            browser = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
            browser.get(base + "/notebooks/welcome.ipynb?token=" + token);
            JavascriptExecutor js = browser;
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(b -> Boolean.TRUE.equals(js.executeScript(
                    "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                            + " && Jupyter.notebook.kernel.is_connected())")));
            js.executeScript("Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells();");
            new WebDriverWait(browser, Duration.ofSeconds(600), Duration.ofMillis(500))
                    .until(b -> Boolean.TRUE.equals(js.executeScript(ALL_CELLS_RAN)));
            Thread.sleep(1000);   // let the last outputs paint
            Files.write(Jupyter.TARGET.resolve("welcome-in-chromium.png"), browser.getScreenshotAs(OutputType.BYTES));

            assertEquals(List.of(), browser.findElements(By.cssSelector(".output_error")).stream()
                    .map(WebElement::getText).toList(), "no cell failed");
            List<WebElement> pictures = browser.findElements(By.cssSelector(".output_area img"));
            assertTrue(pictures.size() >= 3, "samples, loss curve, history plot: " + pictures.size() + " images");
            assertTrue(pictures.stream().allMatch(img -> ((Number) js.executeScript(
                    "return arguments[0].naturalWidth", img)).intValue() > 100), "every picture decoded");
            List<WebElement> tables = browser.findElements(By.cssSelector(".output_html table.dl-table"));
            assertTrue(tables.stream().anyMatch(t -> t.getText().contains("Conv(5x5, 1 -> 6, pad 2)")),
                    "the summary table is rendered");
            assertTrue(browser.findElements(By.cssSelector(".output_html .dl-progress")).stream()
                    .anyMatch(p -> p.getText().contains("epoch 3:")), "the progress block shows the last epoch");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            server.destroy();
        }
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
