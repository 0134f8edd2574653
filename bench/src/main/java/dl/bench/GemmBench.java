package dl.bench;

import dl.backend.cpu.Gemm;
import java.util.Random;

/**
 * {@code ./dl bench gemm}: single-precision matrix multiply of two random square matrices, 1024^3 (30 runs) and
 * 4096^3 (5 runs), on all cores, after a warm-up. One JSON line per size, with the fields of
 * {@code torch_peer.py --gemm}; GFLOP/s counts {@code 2 n^3} operations.
 */
public final class GemmBench {

    private GemmBench() {
    }

    public static void main(String[] args) {
        measure(1024, 30);
        measure(4096, 5);
    }

    private static void measure(int size, int reps) {
        Random rng = new Random(0);
        float[] a = new float[size * size], b = new float[size * size], c = new float[size * size];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();
            b[i] = (float) rng.nextGaussian();
        }
        Runnable multiply = () -> Gemm.sgemm(false, false, size, size, size, a, 0, size, b, 0, size, c, 0, size, false);
        Stats.time(size <= 1024 ? 20 : 2, multiply);   // warm-up: the JIT compiles the kernel
        double[] ms = Stats.time(reps, multiply);
        double flop = 2.0 * size * size * size;
        System.out.println(new Json().put("bench", "gemm_fp32").put("m", size).put("n", size).put("k", size)
                .put("reps", reps).put("best_ms", Stats.min(ms)).put("median_ms", Stats.median(ms))
                .put("gflops_best", flop / Stats.min(ms) / 1e6).put("gflops_median", flop / Stats.median(ms) / 1e6)
                .withEnvironment());
    }
}
