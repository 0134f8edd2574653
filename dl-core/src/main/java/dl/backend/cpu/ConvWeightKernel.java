package dl.backend.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The weight gradient of a convolution with few taps per filter (a first layer, on one channel: 9 or 25), as dot
 * products of rows: {@code dy} spread on the padded width against the padded image shifted to each tap,
 * <pre>
 *   dW[f, t] = sum over images, sum over q of dy[f, q] * xpad[c, q + offset of tap t]
 * </pre>
 * (see {@link ShiftedConvolution}; with many taps a GEMM-like kernel wins). No operand needs transposing or
 * packing. The sums are kept in SIMD lanes, in an {@link Accumulator}, across all the images of a batch, and each
 * entry's lanes are added up once at the end. Entries are computed eight at a time, two rows of {@code dy} against
 * four taps, so that six SIMD loads feed eight fused multiply-adds.
 */
final class ConvWeightKernel {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    /** Per entry, {@code L} running sums, one per lane. */
    private static final int L = S.length();
    /** Columns summed per pass: a block of {@code b} with a few hundred rows stays in the L2 cache. */
    static final int BLOCK = 256;

    /** The calling thread's last accumulator, reused when the next one has the same shape. */
    private static final ThreadLocal<Accumulator> OWN = new ThreadLocal<>();

    private ConvWeightKernel() {
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
            this.sums = new float[rows() * columns() * L];
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
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int e = (i * columns() + j) * L;
                    float total = 0;
                    for (int lane = 0; lane < L; lane++) {
                        total += sums[e + lane];
                    }
                    c[cOff + i * n + j] = total;
                }
            }
            Arrays.fill(sums, 0f);
        }

        /** Rows summed, {@code m} made even: a last, odd row is computed twice (the copy is never written out). */
        private int rows() {
            return (m + 1) & ~1;
        }

        /** Columns summed, {@code n} made a multiple of 4, the same way. */
        private int columns() {
            return (n + 3) & ~3;
        }

        /**
         * The sums over {@code length} columns, rows found as in {@link #addProduct}. Every entry goes through the
         * one 2 x 4 {@link #tile} (a second kernel for the odd entries, inlined into the same compiled loop, could
         * push the JIT past its inlining budget and off its SIMD intrinsics).
         */
        private void addBlock(int length, float[] a, int aOff, int aStride, float[] b, int bOff, int[] bRows) {
            for (int j = 0; j < n; j += 4) {   // four rows of b stay in L1 while every row of a passes them
                int b0 = bOff + bRows[j], b1 = bOff + bRows[Math.min(j + 1, n - 1)];
                int b2 = bOff + bRows[Math.min(j + 2, n - 1)], b3 = bOff + bRows[Math.min(j + 3, n - 1)];
                for (int i = 0; i < m; i += 2) {
                    int a0 = aOff + i * aStride, a1 = aOff + Math.min(i + 1, m - 1) * aStride;
                    tile(length, a, a0, a1, b, b0, b1, b2, b3, (i * columns() + j) * L);
                }
            }
        }

        /**
         * Entries (0..1, 0..3) from {@code e00}: eight dot products, six loads for eight multiply-adds. The loop
         * starts from zero and its sums are added to the running ones afterwards (as in {@link GemmKernel}): some
         * JVMs compile a loop that starts from sums loaded from memory without its SIMD intrinsics; and the sums are
         * added right here, not in a helper method, whose call the JIT may leave out of line with each sum put on the
         * heap. Columns past the last whole vector are left to {@link #tail}.
         */
        private void tile(int length, float[] a, int a0, int a1, float[] b, int b0, int b1, int b2, int b3,
                          int e00) {
            int e10 = e00 + columns() * L;
            FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00;
            FloatVector s13 = s00;
            for (int p = 0, end = S.loopBound(length); p < end; p += L) {
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
            s00.add(FloatVector.fromArray(S, sums, e00)).intoArray(sums, e00);
            s01.add(FloatVector.fromArray(S, sums, e00 + L)).intoArray(sums, e00 + L);
            s02.add(FloatVector.fromArray(S, sums, e00 + 2 * L)).intoArray(sums, e00 + 2 * L);
            s03.add(FloatVector.fromArray(S, sums, e00 + 3 * L)).intoArray(sums, e00 + 3 * L);
            s10.add(FloatVector.fromArray(S, sums, e10)).intoArray(sums, e10);
            s11.add(FloatVector.fromArray(S, sums, e10 + L)).intoArray(sums, e10 + L);
            s12.add(FloatVector.fromArray(S, sums, e10 + 2 * L)).intoArray(sums, e10 + 2 * L);
            s13.add(FloatVector.fromArray(S, sums, e10 + 3 * L)).intoArray(sums, e10 + 3 * L);
            if (length % L != 0) {
                tail(length, a, a0, a1, b, new int[] {b0, b1, b2, b3}, e00, e10);
            }
        }

        /** The columns of {@link #tile} past its last whole vector, one at a time, into lane 0 of each sum. */
        private void tail(int length, float[] a, int a0, int a1, float[] b, int[] bRows, int e00, int e10) {
            for (int p = length - length % L; p < length; p++) {
                for (int j = 0; j < 4; j++) {
                    float y = b[bRows[j] + p];
                    sums[e00 + j * L] += a[a0 + p] * y;
                    sums[e10 + j * L] += a[a1 + p] * y;
                }
            }
        }
    }
}
