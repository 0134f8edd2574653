package dl.bench;

import dl.backend.cpu.Gemm;
import dl.demo.CommandLine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * {@code ./dl bench gemm}: single-precision matrix multiply of two random square matrices, 1024^3 (30 runs) and
 * 4096^3 (5 runs), on all cores, after a warm-up. One JSON line per size, with the fields of
 * {@code torch_peer.py --gemm}; GFLOP/s counts {@code 2 n^3} operations.
 *
 * <p>Like the peer, it first waits (up to two minutes) for the other jobs on the machine to finish, and reports in
 * {@code other_load} how many cores the rest of the machine used while it measured: a run with
 * {@code other_load} near 1 shared a core and is not to be compared.
 */
public final class GemmBench {

    private static final long QUIET_WAIT_MS = 120_000;

    private GemmBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine.noArgumentsOrExit(args, "./dl bench gemm");
        measure(1024, 30);
        measure(4096, 5);
    }

    private static void measure(int size, int reps) throws InterruptedException {
        Random rng = new Random(0);
        float[] a = new float[size * size], b = new float[size * size], c = new float[size * size];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();
            b[i] = (float) rng.nextGaussian();
        }
        Runnable multiply = () -> Gemm.sgemm(false, false, size, size, size, a, 0, size, b, 0, size, c, 0, size, false);
        Stats.time(size <= 1024 ? 50 : 2, multiply);   // warm-up: the JIT compiles the kernel
        waitForQuiet();
        double busy0 = otherCoreSeconds();
        long t0 = System.nanoTime();
        double[] ms = Stats.time(reps, multiply);
        double otherLoad = (otherCoreSeconds() - busy0) / ((System.nanoTime() - t0) / 1e9);
        double flop = 2.0 * size * size * size;
        System.out.println(new Json().put("bench", "gemm_fp32").put("m", size).put("n", size).put("k", size)
                .put("reps", reps).put("best_ms", Stats.min(ms)).put("median_ms", Stats.median(ms))
                .put("gflops_best", flop / Stats.min(ms) / 1e6).put("gflops_median", flop / Stats.median(ms) / 1e6)
                .put("other_load", Math.max(0, Math.round(otherLoad * 100) / 100.0))
                .withEnvironment());
    }

    /** Waits until the rest of the machine has used less than a tenth of a core for a second, or gives up. */
    private static void waitForQuiet() throws InterruptedException {
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < QUIET_WAIT_MS) {
            double before = otherCoreSeconds();
            Thread.sleep(1000);
            if (otherCoreSeconds() - before < 0.1) {
                return;
            }
        }
    }

    /**
     * CPU seconds the whole machine has been busy ({@code /proc/stat}, 100 ticks a second) minus those of this
     * process; 0 where there is no {@code /proc}.
     */
    private static double otherCoreSeconds() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8; i++) {   // user nice system idle iowait irq softirq steal
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(ticks[i]);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return busy / 100.0 - os.getProcessCpuTime() / 1e9;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
