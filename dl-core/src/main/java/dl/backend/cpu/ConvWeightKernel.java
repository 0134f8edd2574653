package dl.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product behind a convolution's weight gradient, {@code dW[F, K] += dy[F, P] col[K, P]^T}: every entry is
 * the dot product of two contiguous rows,
 * <pre>
 *   dW[f, r] += sum over q of dy[f, q] * col[r, q]
 * </pre>
 * so no operand needs transposing or packing (a general matrix multiply would have to copy {@code col^T}, one
 * float at a time). Entries are computed four at a time, two rows of {@code dy} against two rows of {@code col},
 * so that each SIMD load feeds two fused multiply-adds.
 */
final class ConvWeightKernel {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    /** Columns summed per pass: a block of {@code b} with a few hundred rows stays in the L2 cache. */
    static final int BLOCK = 256;

    private ConvWeightKernel() {
    }

    /**
     * {@code c[m, n] += a[m, k] b[n, k]^T}, all three dense and row-major, starting at the given offsets. The
     * sums run over {@link #BLOCK} columns at a time, so that the block of {@code b} being read stays in cache.
     */
    static void addProductWithTransposed(int m, int n, int k, float[] a, int aOff, float[] b, int bOff,
                                         float[] c, int cOff) {
        for (int p = 0; p < k; p += BLOCK) {
            addBlock(m, n, Math.min(BLOCK, k - p), k, a, aOff + p, b, bOff + p, c, cOff);
        }
    }

    /** The sums over {@code length} columns: row {@code i} of {@code a} starts at {@code aOff + i * k}. */
    private static void addBlock(int m, int n, int length, int k, float[] a, int aOff, float[] b, int bOff,
                                 float[] c, int cOff) {
        int evenM = m & ~1, evenN = n & ~1;
        for (int i = 0; i < evenM; i += 2) {
            for (int j = 0; j < evenN; j += 2) {
                tile(length, k, a, aOff + i * k, b, bOff + j * k, c, cOff + i * n + j, n);
            }
        }
        for (int i = 0; i < m; i++) {   // the odd row and the odd column left over, one dot product at a time
            for (int j = (i < evenM ? evenN : 0); j < n; j++) {
                c[cOff + i * n + j] += dot(length, a, aOff + i * k, b, bOff + j * k);
            }
        }
    }

    /** The 2 x 2 entries {@code c[0..1, 0..1] += a[0..1, :] . b[0..1, :]}: four dot products sharing their loads. */
    private static void tile(int length, int k, float[] a, int a0, float[] b, int b0, float[] c, int c0, int ldc) {
        int a1 = a0 + k, b1 = b0 + k, p = 0;
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s10 = s00, s11 = s00;
        for (int end = S.loopBound(length); p < end; p += S.length()) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p), x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p), y1 = FloatVector.fromArray(S, b, b1 + p);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
        }
        float t00 = sum(s00), t01 = sum(s01), t10 = sum(s10), t11 = sum(s11);
        for (; p < length; p++) {
            t00 += a[a0 + p] * b[b0 + p];
            t01 += a[a0 + p] * b[b1 + p];
            t10 += a[a1 + p] * b[b0 + p];
            t11 += a[a1 + p] * b[b1 + p];
        }
        c[c0] += t00;
        c[c0 + 1] += t01;
        c[c0 + ldc] += t10;
        c[c0 + ldc + 1] += t11;
    }

    /**
     * The lanes of {@code v} added in order. ({@code reduceLanes(ADD)} may add them in another order once the JIT
     * has compiled it, and the last bit would then depend on timing: a seed must repeat a run exactly.)
     */
    private static float sum(FloatVector v) {
        float total = 0;
        for (int lane = 0; lane < S.length(); lane++) {
            total += v.lane(lane);
        }
        return total;
    }

    /** {@code sum over p of a[aOff + p] * b[bOff + p]}, {@code p < k}. */
    private static float dot(int k, float[] a, int aOff, float[] b, int bOff) {
        FloatVector s = FloatVector.zero(S);
        int p = 0;
        for (int end = S.loopBound(k); p < end; p += S.length()) {
            s = FloatVector.fromArray(S, a, aOff + p).fma(FloatVector.fromArray(S, b, bOff + p), s);
        }
        float t = sum(s);
        for (; p < k; p++) {
            t += a[aOff + p] * b[bOff + p];
        }
        return t;
    }
}
