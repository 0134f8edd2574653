package dl.kernel;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Jupyter the kernel tests talk to: Debian's packages, the kernel registered under {@code target/jupyter}
 * and found through JUPYTER_PATH. Its kernel.json is written by {@link KernelMain#writeSpec}, as
 * {@code ./dl kernel install} does, but starts this JVM's class path: the classes under test, with no build.
 */
final class Jupyter {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path TARGET = ROOT.resolve("notebook-kernel/target");
    static final Path PATH = TARGET.resolve("jupyter");
    static final String PYTHON = "/usr/bin/python3";

    /** The Debian package that installs each tool the kernel's tests run. */
    private static final Map<String, String> PACKAGES = Map.of(
            PYTHON, "python3-jupyter-client",
            "/usr/bin/jupyter-kernelspec", "jupyter-client",
            "/usr/bin/jupyter-nbconvert", "jupyter-nbconvert",
            "/usr/bin/jupyter-notebook", "jupyter-notebook",
            "/usr/bin/chromium", "chromium",
            "/usr/bin/chromedriver", "chromium-driver");

    private Jupyter() {
    }

    /** Whether this JVM has registered the kernel. */
    private static boolean registered;

    /**
     * Registers the kernel under target/jupyter, once per test run (an earlier run's kernel.json may name another
     * class path); skips the test when one of Debian's {@code tools} is missing (fails it in CI, see {@link #require}).
     */
    static synchronized void requireKernel(String... tools) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        for (String tool : tools) {
            require(Path.of(tool), PACKAGES.get(tool), ci);
        }
        Path spec = PATH.resolve("kernels/" + KernelMain.NAME);
        if (!registered) {
            System.setProperty("dl.sources", ROOT.resolve("dl-core/src/main/java").toString());
            try {
                List<String> command = new ArrayList<>(KernelMain.thisJvm());
                command.add(1, "-Xmx2g");   // the heap ./dl kernel run gives the kernel: a notebook must fit in it
                KernelMain.writeSpec(spec, command);
                registered = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Skips the test when {@code tool} is missing, so that a checkout without Jupyter still builds and tests the
     * rest; in CI ({@code ci}: the environment variable CI=true) fails it instead, since a skipped test there would
     * let the build pass without the kernel ever being tried.
     */
    static void require(Path tool, String debianPackage, boolean ci) {
        if (Files.isExecutable(tool)) {
            return;
        }
        String missing = tool + " is missing: install it with 'sudo apt-get install " + debianPackage + "'";
        if (ci) {
            fail(missing + " (CI=true: a test that cannot run fails the build rather than being skipped)");
        }
        abort(missing + " (skipped; ./dl test installs it when run as root)");
    }

    /**
     * A process with JUPYTER_PATH pointing at our kernel, its output in {@code log}; the kernels it starts run the
     * notebooks in their quick mode ({@code DL_QUICK=1}: less data, fewer epochs, the same facts).
     */
    static Process start(List<String> command, Path log) throws IOException {
        return start(command, log, PATH);
    }

    /** {@link #start(List, Path)} with the kernels registered under {@code jupyterPath}. */
    static Process start(List<String> command, Path log, Path jupyterPath) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(log.toFile()).redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        pb.environment().put("DL_QUICK", "1");
        return pb.start();
    }

    /** Runs {@code command} to the end and returns its standard output; fails with its error output if it fails. */
    static String run(List<String> command, Path log, long timeoutSeconds) throws Exception {
        return run(command, log, timeoutSeconds, PATH);
    }

    /** {@link #run(List, Path, long)} with the kernels registered under {@code jupyterPath}. */
    static String run(List<String> command, Path log, long timeoutSeconds, Path jupyterPath) throws Exception {
        Process p = start(command, log, jupyterPath);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " took longer than " + timeoutSeconds + " s; see " + log);
        }
        String err = Files.readString(log.resolveSibling(log.getFileName() + ".err"));
        if (p.exitValue() != 0) {
            throw new AssertionError(command + " failed (exit " + p.exitValue() + "):\n" + err);
        }
        return Files.readString(log);
    }
}
