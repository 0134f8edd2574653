package dl.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Jupyter the kernel tests talk to: Debian's packages, the kernel registered under {@code target/jupyter}
 * (by the same {@link KernelMain#writeSpec} that {@code ./dl kernel install} runs) and found through JUPYTER_PATH.
 */
final class Jupyter {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path TARGET = ROOT.resolve("notebook-kernel/target");
    static final Path PATH = TARGET.resolve("jupyter");
    static final String PYTHON = "/usr/bin/python3";

    private Jupyter() {
    }

    /** Registers the kernel under target/jupyter once; skips the test when Debian's Jupyter is not installed. */
    static synchronized void requireKernel(String... tools) {
        for (String tool : tools) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is missing: .ci/run installs it with apt-get");
        }
        Path spec = PATH.resolve("kernels/" + KernelMain.NAME);
        if (!Files.exists(spec.resolve("kernel.json"))) {
            System.setProperty("dl.sources", ROOT.resolve("dl-core/src/main/java").toString());
            try {
                KernelMain.writeSpec(spec);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A process with JUPYTER_PATH pointing at our kernel, its output in {@code log}. */
    static Process start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(log.toFile()).redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        pb.environment().put("JUPYTER_PATH", PATH.toString());
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return pb.start();
    }

    /** Runs {@code command} to the end and returns its standard output; fails with its error output if it fails. */
    static String run(List<String> command, Path log, long timeoutSeconds) throws Exception {
        Process p = start(command, log);
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
