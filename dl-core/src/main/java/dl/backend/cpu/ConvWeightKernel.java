package dl.backend.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
 * computed eight at a time, two rows of {@code dy} against four rows of {@code col}, so that six SIMD loads feed
 * eight fused multiply-adds.
 */
final class ConvWeightKernel {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    /** Per entry, {@code L} running sums, one per lane. */
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    /** 0, 1, 2, ...: lane numbers, to pick the lanes of a vector. */
    private static final FloatVector IOTA = FloatVector.fromArray(S, lanes(), 0);
    /** Columns summed per pass: a block of {@code b} with a few hundred rows stays in the L2 cache. */
    static final int BLOCK = 256;

    /** The calling thread's last accumulator, reused when the next one has the same shape. */
    private static final ThreadLocal<Accumulator> OWN = new ThreadLocal<>();

    private ConvWeightKernel() {
    }

    private static float[] lanes() {
        float[] lanes = new float[L];
        for (int i = 0; i < L; i++) {
            lanes[i] = i;
        }
        return lanes;
    }

    /** An accumulator for an {@code m x n} matrix, all sums zero, for this thread alone. */
    static Accumulator accumulator(int m, int n) {
        Accumulator a = OWN.get();
        if (a == null || a.m != m || a.n != n) {
            a = new Accumulator(m, n);
            OWN.set(a);
        }
        return a;
    }

    /** Running sums of an {@code m x n} matrix, lane by lane, until {@link #writeTo} adds them up. */
    static final class Accumulator {

        private final int m;
        private final int n;
        private final float[] sums;

        Accumulator(int m, int n) {
            this.m = m;
            this.n = n;
            this.sums = new float[m * n * L];
        }

        /**
         * {@code this[m, n] += a[m, length] b[n, length]^T}: row {@code i} of {@code a} starts at
         * {@code aOff + i * aStride}, row {@code j} of {@code b} at {@code bOff + bRows[j]}.
         */
        void addProduct(int length, float[] a, int aOff, int aStride, float[] b, int bOff, int[] bRows) {
            for (int p = 0; p < length; p += BLOCK) {
                addBlock(Math.min(BLOCK, length - p), a, aOff + p, aStride, b, bOff + p, bRows);
            }
        }

        /**
         * {@code c[cOff + i * n + j] = the sum of entry (i, j)}: its lanes added in order ({@code reduceLanes} may
         * add them in another order once the JIT has compiled it, and the last bit would then depend on timing: a
         * seed must repeat a run exactly). Clears the sums for the next batch.
         */
        void writeTo(float[] c, int cOff) {
            for (int e = 0; e < m * n; e++) {
                float total = 0;
                for (int lane = 0; lane < L; lane++) {
                    total += sums[e * L + lane];
                }
                c[cOff + e] = total;
            }
            Arrays.fill(sums, 0f);
        }

        /** The sums over {@code length} columns, rows found as in {@link #addProduct}. */
        private void addBlock(int length, float[] a, int aOff, int aStride, float[] b, int bOff, int[] bRows) {
            int evenM = m & ~1, quadN = n & ~3;
            for (int j = 0; j < quadN; j += 4) {   // four rows of b stay in L1 while every row of a passes them
                int b0 = bOff + bRows[j], b1 = bOff + bRows[j + 1], b2 = bOff + bRows[j + 2], b3 = bOff + bRows[j + 3];
                for (int i = 0; i < evenM; i += 2) {
                    int a0 = aOff + i * aStride;
                    tile(length, a, a0, a0 + aStride, b, b0, b1, b2, b3, (i * n + j) * L);
                }
            }
            for (int i = 0; i < m; i++) {   // the odd row and the last columns, one dot product at a time
                for (int j = (i < evenM ? quadN : 0); j < n; j++) {
                    dot(length, a, aOff + i * aStride, b, bOff + bRows[j], (i * n + j) * L);
                }
            }
        }

        /** Entries (0..1, 0..3) from {@code e00}: eight dot products, six loads for eight multiply-adds. */
        private void tile(int length, float[] a, int a0, int a1, float[] b, int b0, int b1, int b2, int b3,
                          int e00) {
            int e10 = e00 + n * L, p = 0;
            FloatVector s00 = FloatVector.fromArray(S, sums, e00), s01 = FloatVector.fromArray(S, sums, e00 + L);
            FloatVector s02 = FloatVector.fromArray(S, sums, e00 + 2 * L);
            FloatVector s03 = FloatVector.fromArray(S, sums, e00 + 3 * L);
            FloatVector s10 = FloatVector.fromArray(S, sums, e10), s11 = FloatVector.fromArray(S, sums, e10 + L);
            FloatVector s12 = FloatVector.fromArray(S, sums, e10 + 2 * L);
            FloatVector s13 = FloatVector.fromArray(S, sums, e10 + 3 * L);
            for (int end = S.loopBound(length); p < end; p += L) {
                FloatVector x0 = FloatVector.fromArray(S, a, a0 + p), x1 = FloatVector.fromArray(S, a, a1 + p);
                FloatVector y = FloatVector.fromArray(S, b, b0 + p);
                s00 = x0.fma(y, s00);
                s10 = x1.fma(y, s10);
                y = FloatVector.fromArray(S, b, b1 + p);
                s01 = x0.fma(y, s01);
                s11 = x1.fma(y, s11);
                y = FloatVector.fromArray(S, b, b2 + p);
                s02 = x0.fma(y, s02);
                s12 = x1.fma(y, s12);
                y = FloatVector.fromArray(S, b, b3 + p);
                s03 = x0.fma(y, s03);
                s13 = x1.fma(y, s13);
            }
            if (p < length && length >= L) {
                // The last few columns: the last whole vector of each row, its lanes already summed zeroed in x.
                // (Masked loads would read only the new lanes, but they can fall off the JIT's fast path and
                // slow a whole training run down.)
                int q = length - L;
                VectorMask<Float> fresh = IOTA.compare(VectorOperators.GE, p - q);
                FloatVector x0 = ZERO.blend(FloatVector.fromArray(S, a, a0 + q), fresh);
                FloatVector x1 = ZERO.blend(FloatVector.fromArray(S, a, a1 + q), fresh);
                FloatVector y = FloatVector.fromArray(S, b, b0 + q);
                s00 = x0.fma(y, s00);
                s10 = x1.fma(y, s10);
                y = FloatVector.fromArray(S, b, b1 + q);
                s01 = x0.fma(y, s01);
                s11 = x1.fma(y, s11);
                y = FloatVector.fromArray(S, b, b2 + q);
                s02 = x0.fma(y, s02);
                s12 = x1.fma(y, s12);
                y = FloatVector.fromArray(S, b, b3 + q);
                s03 = x0.fma(y, s03);
                s13 = x1.fma(y, s13);
                p = length;
            }
            s00.intoArray(sums, e00);
            s01.intoArray(sums, e00 + L);
            s02.intoArray(sums, e00 + 2 * L);
            s03.intoArray(sums, e00 + 3 * L);
            s10.intoArray(sums, e10);
            s11.intoArray(sums, e10 + L);
            s12.intoArray(sums, e10 + 2 * L);
            s13.intoArray(sums, e10 + 3 * L);
            for (; p < length; p++) {   // rows shorter than a vector: one column at a time, into lane 0
                float x0 = a[a0 + p], x1 = a[a1 + p];
                sums[e00] += x0 * b[b0 + p];
                sums[e00 + L] += x0 * b[b1 + p];
                sums[e00 + 2 * L] += x0 * b[b2 + p];
                sums[e00 + 3 * L] += x0 * b[b3 + p];
                sums[e10] += x1 * b[b0 + p];
                sums[e10 + L] += x1 * b[b1 + p];
                sums[e10 + 2 * L] += x1 * b[b2 + p];
                sums[e10 + 3 * L] += x1 * b[b3 + p];
            }
        }

        /** Entry {@code e}: {@code += sum over p of a[aOff + p] * b[bOff + p]}, {@code p < length}. */
        private void dot(int length, float[] a, int aOff, float[] b, int bOff, int e) {
            FloatVector s = FloatVector.fromArray(S, sums, e);
            int p = 0;
            for (int end = S.loopBound(length); p < end; p += L) {
                s = FloatVector.fromArray(S, a, aOff + p).fma(FloatVector.fromArray(S, b, bOff + p), s);
            }
            if (p < length && length >= L) {   // as in tile: the last whole vector, its old lanes zeroed
                int q = length - L;
                FloatVector x = ZERO.blend(FloatVector.fromArray(S, a, aOff + q), IOTA.compare(VectorOperators.GE, p - q));
                s = x.fma(FloatVector.fromArray(S, b, bOff + q), s);
                p = length;
            }
            s.intoArray(sums, e);
            for (; p < length; p++) {
                sums[e] += a[aOff + p] * b[bOff + p];
            }
        }
    }
}
