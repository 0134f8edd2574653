package dl.backend.cpu;

/**
 * Single-precision matrix multiply, row-major: {@code C[m, n] = op(A)[m, k] * op(B)[k, n]} (plus the old C when
 * {@code accumulate}). {@code op(A)} is A, or A transposed when {@code transA} (then A is stored {@code [k, m]}).
 * {@code lda}, {@code ldb}, {@code ldc} are the row lengths of the stored matrices.
 */
public final class Gemm {

    private Gemm() {
    }

    /** The product on every core. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, boolean accumulate) {
        Parallel.forEach(m, i -> row(transA, transB, i, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
    }

    /** The product on the calling thread alone, for callers that already spread their work over the cores. */
    public static void sgemmSingleThread(boolean transA, boolean transB, int m, int n, int k,
                                         float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                         float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            row(transA, transB, i, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        }
    }

    // Reference implementation: one row of C at a time. To be replaced by a blocked SIMD kernel.
    private static void row(boolean transA, boolean transB, int i, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, boolean accumulate) {
        for (int j = 0; j < n; j++) {
            float sum = 0;
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                float bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                sum += aip * bpj;
            }
            int ci = cOff + i * ldc + j;
            c[ci] = accumulate ? c[ci] + sum : sum;
        }
    }
}
