package dl.backend.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product behind a convolution's weight gradient, {@code dW[F, K] = sum over images of dy[F, P] col[K, P]^T}:
 * every entry is a sum of dot products of two contiguous rows,
 * <pre>
 *   dW[f, r] = sum over images, sum over q of dy[f, q] * col[r, q]
 * </pre>
 * so no operand needs transposing or packing. The sums are kept in SIMD lanes, in an {@link Accumulator}, across
 * all the images of a batch, and each entry's lanes are added up once at the end: adding up 16 lanes costs as much
 * as a few dozen multiply-adds, and a LeNet layer has only 100 positions per image to sum over. Entries are
 * computed four at a time, two rows of {@code dy} against two rows of {@code col}, so that each SIMD load feeds two
 * fused multiply-adds.
 */
final class ConvWeightKernel {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    /** Per entry, {@code L} running sums, one per lane. */
    private static final int L = S.length();
    /** Columns summed per pass: a block of {@code b} with a few hundred rows stays in the L2 cache. */
    static final int BLOCK = 256;

    /** The calling thread's accumulator, kept between batches: a training step needs one per layer and core. */
    private static final ThreadLocal<Accumulator> OWN = new ThreadLocal<>();

    private ConvWeightKernel() {
    }

    /** This thread's accumulator for an {@code m x n} matrix, all sums zero. */
    static Accumulator accumulator(int m, int n) {
        Accumulator a = OWN.get();
        if (a == null || a.m != m || a.n != n) {
            a = new Accumulator(m, n);
            OWN.set(a);
        }
        return a;
    }

    /** Running sums of an {@code m x n} matrix, lane by lane, until {@link #addTo} adds them up. */
    static final class Accumulator {

        private final int m;
        private final int n;
        private final float[] sums;

        Accumulator(int m, int n) {
            this.m = m;
            this.n = n;
            this.sums = new float[m * n * L];
        }

        /** {@code this[m, n] += a[m, k] b[n, k]^T}, both dense and row-major from the given offsets. */
        void addProductWithTransposed(int k, float[] a, int aOff, float[] b, int bOff) {
            for (int p = 0; p < k; p += BLOCK) {
                addBlock(Math.min(BLOCK, k - p), k, a, aOff + p, b, bOff + p);
            }
        }

        /**
         * {@code c[cOff + i * n + j] = (or +=) the sum of entry (i, j)}: its lanes added in order
         * ({@code reduceLanes} may add them in another order once the JIT has compiled it, and the last bit would
         * then depend on timing: a seed must repeat a run exactly). Clears the sums for the next batch.
         */
        void addTo(float[] c, int cOff, boolean overwrite) {
            for (int e = 0; e < m * n; e++) {
                float total = 0;
                for (int lane = 0; lane < L; lane++) {
                    total += sums[e * L + lane];
                }
                c[cOff + e] = overwrite ? total : c[cOff + e] + total;
            }
            Arrays.fill(sums, 0f);
        }

        /** The sums over {@code length} columns: row {@code i} of {@code a} starts at {@code aOff + i * k}. */
        private void addBlock(int length, int k, float[] a, int aOff, float[] b, int bOff) {
            int evenM = m & ~1, evenN = n & ~1;
            for (int i = 0; i < evenM; i += 2) {
                for (int j = 0; j < evenN; j += 2) {
                    tile(length, k, a, aOff + i * k, b, bOff + j * k, (i * n + j) * L);
                }
            }
            for (int i = 0; i < m; i++) {   // the odd row and the odd column left over, one dot product at a time
                for (int j = (i < evenM ? evenN : 0); j < n; j++) {
                    dot(length, a, aOff + i * k, b, bOff + j * k, (i * n + j) * L);
                }
            }
        }

        /** Entries (0..1, 0..1) from {@code e00}: four dot products sharing their loads. */
        private void tile(int length, int k, float[] a, int a0, float[] b, int b0, int e00) {
            int a1 = a0 + k, b1 = b0 + k, e01 = e00 + L, e10 = e00 + n * L, e11 = e10 + L, p = 0;
            FloatVector s00 = FloatVector.fromArray(S, sums, e00), s01 = FloatVector.fromArray(S, sums, e01);
            FloatVector s10 = FloatVector.fromArray(S, sums, e10), s11 = FloatVector.fromArray(S, sums, e11);
            for (int end = S.loopBound(length); p < end; p += L) {
                FloatVector x0 = FloatVector.fromArray(S, a, a0 + p), x1 = FloatVector.fromArray(S, a, a1 + p);
                FloatVector y0 = FloatVector.fromArray(S, b, b0 + p), y1 = FloatVector.fromArray(S, b, b1 + p);
                s00 = x0.fma(y0, s00);
                s01 = x0.fma(y1, s01);
                s10 = x1.fma(y0, s10);
                s11 = x1.fma(y1, s11);
            }
            if (p < length) {   // the last few columns: one masked step, lanes past the end read as zeros
                VectorMask<Float> m = S.indexInRange(p, length);
                FloatVector x0 = FloatVector.fromArray(S, a, a0 + p, m), x1 = FloatVector.fromArray(S, a, a1 + p, m);
                FloatVector y0 = FloatVector.fromArray(S, b, b0 + p, m), y1 = FloatVector.fromArray(S, b, b1 + p, m);
                s00 = x0.fma(y0, s00);
                s01 = x0.fma(y1, s01);
                s10 = x1.fma(y0, s10);
                s11 = x1.fma(y1, s11);
            }
            s00.intoArray(sums, e00);
            s01.intoArray(sums, e01);
            s10.intoArray(sums, e10);
            s11.intoArray(sums, e11);
        }

        /** Entry {@code e}: {@code += sum over p of a[aOff + p] * b[bOff + p]}, {@code p < length}. */
        private void dot(int length, float[] a, int aOff, float[] b, int bOff, int e) {
            FloatVector s = FloatVector.fromArray(S, sums, e);
            int p = 0;
            for (int end = S.loopBound(length); p < end; p += L) {
                s = FloatVector.fromArray(S, a, aOff + p).fma(FloatVector.fromArray(S, b, bOff + p), s);
            }
            if (p < length) {
                VectorMask<Float> m = S.indexInRange(p, length);
                s = FloatVector.fromArray(S, a, aOff + p, m).fma(FloatVector.fromArray(S, b, bOff + p, m), s);
            }
            s.intoArray(sums, e);
        }
    }
}
