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
 * <p>
 * Under {@code ./dl test} that kernel runs on the JVM a student's kernel runs on: the java and flags that
 * {@code ./dl kernel run} uses (the newest JDK installed, the JIT's thresholds), which {@code ./dl test} passes in
 * DL_KERNEL_JAVA and DL_KERNEL_FLAGS; only the start-up cache is left out, since it records classes from jars.
 * A second kernel, under {@code target/jupyter-this-jvm}, runs on this JVM (Maven's java, the oldest JDK the
 * README promises in CI), for the tests that must hold on every JDK.
 */
final class Jupyter {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path TARGET = ROOT.resolve("notebook-kernel/target");
    static final Path PATH = TARGET.resolve("jupyter");
    static final Path THIS_JVM_PATH = TARGET.resolve("jupyter-this-jvm");
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

    /** Whether this JVM has registered the student's kernel, and the kernel on this JVM. */
    private static boolean registered;
    private static boolean registeredOnThisJvm;

    /**
     * Registers the kernel that runs as a student's does under target/jupyter, once per test run (an earlier run's
     * kernel.json may name another class path); skips the test when one of Debian's {@code tools} is missing (fails
     * it in CI, see {@link #require}).
     */
    static synchronized void requireKernel(String... tools) {
        requireTools(tools);
        if (!registered) {
            register(PATH, studentsJvm());
            registered = true;
        }
    }

    /** {@link #requireKernel} for the kernel on this JVM, under {@link #THIS_JVM_PATH}. */
    static synchronized void requireKernelOnThisJvm(String... tools) {
        requireTools(tools);
        if (!registeredOnThisJvm) {
            register(THIS_JVM_PATH, kernelOnThisJvm());
            registeredOnThisJvm = true;
        }
    }

    /**
     * A student's kernel on this JVM's class path: the java in DL_KERNEL_JAVA with the flags in DL_KERNEL_FLAGS
     * (both set by {@code ./dl test}), or, when Maven runs the tests without {@code ./dl}, the kernel on this JVM.
     */
    private static List<String> studentsJvm() {
        String java = System.getenv("DL_KERNEL_JAVA");
        if (java == null || java.isBlank()) {
            return kernelOnThisJvm();
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(System.getenv().getOrDefault("DL_KERNEL_FLAGS", "").trim().split(" +")));
        command.add("-Ddl.sources=" + System.getProperty("dl.sources"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelMain.class.getName()));
        return command;
    }

    private static List<String> kernelOnThisJvm() {
        List<String> command = new ArrayList<>(KernelMain.thisJvm());
        command.add(1, "-Xmx2g");   // the heap ./dl kernel run gives the kernel: a notebook must fit in it
        return command;
    }

    private static void register(Path jupyterPath, List<String> command) {
        try {
            KernelMain.writeSpec(jupyterPath.resolve("kernels/" + KernelMain.NAME), command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each of Debian's {@code tools}, or a skip (a failure in CI); and where Shift-Tab finds the DSL's Javadoc. */
    private static void requireTools(String... tools) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        for (String tool : tools) {
            require(Path.of(tool), PACKAGES.get(tool), ci);
        }
        System.setProperty("dl.sources", ROOT.resolve("dl-core/src/main/java").toString());
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
