package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start-up cache that the kernel's JVM cannot use costs speed only. {@code ./dl kernel run} passes the cache's
 * flags whenever its file is there ({@code kernel_cache_flags} in {@code dl}, the same flags as {@link #flags}), and
 * that file may be damaged, made from other jars or by another JDK build, or gone by the time the JVM reads it:
 * the kernel must start, answer, and print nothing about the cache, neither on its standard output (which
 * {@code drive_kernel.py} shares, so its JSON would not parse) nor on its error output.
 */
class KernelCacheTest {

    @TempDir
    static Path dir;

    /** What {@code kernel_cache_flags} in {@code dl} passes for {@code cache} on this JVM's JDK. */
    static List<String> flags(Path cache) {
        return Runtime.version().feature() >= 25
                ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off,cds*=off")
                : List.of("-XX:SharedArchiveFile=" + cache, "-Xlog:cds*=off");
    }

    @Test
    void aDamagedCacheCostsSpeedOnly() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(1).nextBytes(noise);
        Path cache = Files.write(dir.resolve("damaged.cache"), noise);
        kernelAnswers("damaged", cache);
    }

    @Test
    void aMissingCacheCostsSpeedOnly() throws Exception {
        kernelAnswers("missing", dir.resolve("gone.cache"));
    }

    @Test
    void aCacheOfOtherJarsCostsSpeedOnly() throws Exception {
        Path cache = dir.resolve("other.cache");
        String record = Runtime.version().feature() >= 25 ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        String gson = Path.of(Gson.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process p = new ProcessBuilder(KernelMain.thisJvm().get(0), record + cache, "-cp", gson, "-version")
                .redirectErrorStream(true).redirectOutput(dir.resolve("other.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(dir.resolve("other.log")));
        assertTrue(Files.size(cache) > 0, "a cache recorded with only Gson's jar on the class path");
        kernelAnswers("other-jars", cache);
    }

    /** Starts the kernel with {@code cache}'s flags through jupyter_client and asks it for {@code 1 + 1}. */
    private static void kernelAnswers(String name, Path cache) throws Exception {
        Jupyter.requireKernel(Jupyter.PYTHON, "/usr/bin/jupyter-kernelspec");
        Path home = Jupyter.TARGET.resolve("cache-test/" + name);
        List<String> command = new ArrayList<>(KernelMain.thisJvm());
        command.addAll(1, flags(cache));
        KernelMain.writeSpec(home.resolve("kernels/" + KernelMain.NAME), command);
        Path steps = Files.writeString(home.resolve("steps.json"),
                new Gson().toJson(List.of(Map.of("execute", "1 + 1"), Map.of("shutdown", true))));
        Path log = home.resolve("results.json");
        String out = Jupyter.run(List.of(Jupyter.PYTHON, Jupyter.ROOT.resolve(
                "notebook-kernel/src/test/python/drive_kernel.py").toString(), steps.toString()), log, 300, home);
        JsonArray results = new Gson().fromJson(out, JsonArray.class);
        JsonObject value = results.get(1).getAsJsonObject();
        assertEquals("ok", value.getAsJsonObject("reply").get("status").getAsString(), out);
        assertTrue(value.toString().contains("\"text/plain\":\"2\""), out);
        String err = Files.readString(log.resolveSibling(log.getFileName() + ".err")).toLowerCase();
        for (String word : List.of("[aot", "[cds", "shared archive", "aot cache")) {
            assertFalse(err.contains(word), "the kernel printed about its cache: " + err);
        }
    }
}
