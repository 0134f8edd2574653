package dl.backend.reference;

import static org.junit.jupiter.api.Assertions.fail;

import dl.backend.Backend;
import dl.backend.Storage;
import dl.backend.cpu.CpuBackend;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Runs one kernel on the CPU backend and on the reference backend from the same numbers, and compares what they
 * write: each number within {@code 1e-5} of the largest output plus {@code 1e-4} of itself (float sums in another
 * order differ in their last bits), NaN where the other is NaN.
 */
final class Agreement {

    static final Backend CPU = CpuBackend.INSTANCE, REFERENCE = ReferenceBackend.INSTANCE;

    private Agreement() {
    }

    /** The numbers {@code kernel} leaves in the storage it returns, on {@code backend}. */
    static float[] on(Backend backend, Function<Backend, Storage> kernel) {
        return backend.download(kernel.apply(backend));
    }

    /** Fails, naming the kernel, the case and the first number that differs, unless both backends agree. */
    static void agree(String what, Function<Backend, Storage> kernel) {
        assertClose(what, on(REFERENCE, kernel), on(CPU, kernel));
    }

    static void assertClose(String what, float[] reference, float[] cpu) {
        if (reference.length != cpu.length) {
            fail(what + ": " + cpu.length + " numbers on the cpu, " + reference.length + " on the reference");
        }
        double largest = 0;
        for (float r : reference) {
            largest = Double.isFinite(r) ? Math.max(largest, Math.abs(r)) : largest;
        }
        for (int i = 0; i < reference.length; i++) {
            float r = reference[i], c = cpu[i];
            boolean same = Float.isNaN(r) ? Float.isNaN(c)
                    : Float.isInfinite(r) ? r == c : Math.abs(r - c) <= 1e-5 * largest + 1e-4 * Math.abs(r);
            if (!same) {
                fail(what + ": number " + i + " is " + c + " on the cpu, " + r + " on the reference");
            }
        }
    }

    /** {@code n} numbers uniform in {@code [-1, 1)}. */
    static float[] uniform(Random rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextFloat() * 2 - 1;
        }
        return x;
    }

    /** {@code n} small integers from -2 to 2, so that comparisons and maxima tie. */
    static float[] ties(Random rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(5) - 2;
        }
        return x;
    }

    static int product(int[] shape) {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }
}
