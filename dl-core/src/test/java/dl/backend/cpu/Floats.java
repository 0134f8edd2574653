package dl.backend.cpu;

import java.util.Arrays;
import java.util.Random;

/** Arrays for the kernel tests: random inputs, outputs that must be overwritten, and dot products. */
final class Floats {

    private Floats() {
    }

    /** {@code length} numbers uniform in [-1, 1). */
    static float[] random(Random rng, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextFloat() * 2 - 1;
        }
        return v;
    }

    /** An output array full of NaN, to check that a kernel overwrites every element. */
    static float[] garbage(int length) {
        float[] v = new float[length];
        Arrays.fill(v, Float.NaN);
        return v;
    }

    /** {@code sum a_i b_i} in double: both sides of an adjoint check. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
