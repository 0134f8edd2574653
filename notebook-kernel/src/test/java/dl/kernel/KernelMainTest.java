package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel.json that {@code ./dl kernel install} registers, and the one the kernel's tests start. */
class KernelMainTest {

    private static final String DL = Jupyter.ROOT.resolve("dl").toString();

    @Test
    void theInstalledKernelStartsThroughDlAndNamesNoBuildFolder(@TempDir Path dir) throws Exception {
        KernelMain.main(new String[] {"spec", dir.toString(), DL, "kernel", "run"});   // as ./dl kernel install does
        List<String> argv = argv(dir);
        assertEquals(List.of(DL, "kernel", "run", "{connection_file}"), argv);
        assertTrue(argv.stream().noneMatch(a -> a.contains("target")), "mvn clean would break it: " + argv);
    }

    @Test
    void dlHasTheVerbTheInstalledKernelRuns() throws Exception {
        Process p = new ProcessBuilder(DL, "kernel", "run").redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), out);
        assertEquals("usage: ./dl kernel run CONNECTION-FILE", out.strip());
    }

    @Test
    void theTestsKernelStartsThisJvmOnItsClassPath(@TempDir Path dir) throws Exception {
        KernelMain.writeSpec(dir, KernelMain.thisJvm());
        List<String> argv = argv(dir);
        assertTrue(argv.get(0).endsWith("/bin/java"), argv.toString());
        assertEquals(List.of("-cp", System.getProperty("java.class.path"), KernelMain.class.getName(),
                "{connection_file}"), argv.subList(argv.size() - 4, argv.size()));
    }

    private static List<String> argv(Path dir) throws Exception {
        JsonObject spec = new Gson().fromJson(Files.readString(dir.resolve("kernel.json")), JsonObject.class);
        return spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    }
}
