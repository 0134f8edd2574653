package dl.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A convolution's bias gradient, {@code db[f] = sum over the batch and the positions of dy[n, f, ., .]}, summed
 * image by image while the weight gradient has the image's {@code dy} in cache: each plane in SIMD lanes, the lanes
 * added in order, into one running total per filter in double for each core; the cores' totals are added at the
 * end, always in the same order.
 */
final class PlaneSums {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;

    private PlaneSums() {
    }

    /** {@code into[p] += the sum of plane p}, for the {@code planes} planes of {@code size} numbers at {@code off}. */
    static void add(float[] dy, int off, int planes, int size, double[] into) {
        for (int p = 0; p < planes; p++) {
            int start = off + p * size, i = 0;
            FloatVector lanes = FloatVector.zero(S);
            for (int end = S.loopBound(size); i < end; i += S.length()) {
                lanes = lanes.add(FloatVector.fromArray(S, dy, start + i));
            }
            float total = 0;
            for (int lane = 0; lane < S.length(); lane++) {
                total += lanes.lane(lane);
            }
            for (; i < size; i++) {
                total += dy[start + i];
            }
            into[p] += total;
        }
    }

    /** {@code db[p] = the sum of the cores' totals}; nothing when {@code db} is null. */
    static void write(double[][] shares, float[] db) {
        if (db == null) {
            return;
        }
        for (int p = 0; p < db.length; p++) {
            double total = 0;
            for (double[] share : shares) {
                total += share[p];
            }
            db[p] = (float) total;
        }
    }
}
