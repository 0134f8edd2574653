package dl.backend.cpu;

import static dl.backend.cpu.Floats.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GemmTest {

    private final Random rng = new Random(0);

    @Test
    void multipliesASmallExample() {
        float[] a = {1, 2, 3,
                     4, 5, 6};          // A[2, 3]
        float[] b = {1, 0,
                     0, 1,
                     1, 1};             // B[3, 2]
        float[] c = new float[4];       // C[2, 2] = A B
        Gemm.sgemm(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2, false);
        assertArrayEquals(new float[] {4, 5, 10, 11}, c);

        float[] bT = {1, 0, 1,
                      0, 1, 1};         // B stored transposed, [2, 3]
        Gemm.sgemm(false, true, 2, 2, 3, a, 0, 3, bT, 0, 3, c, 0, 2, true);   // C += A B again
        assertArrayEquals(new float[] {8, 10, 20, 22}, c);
    }

    /**
     * A transposed A packs into panels of MR rows, column after column, with zeros for the rows past its end: with a
     * last panel of 3 rows, and with whole panels to the end of the packed array and of A.
     */
    @ParameterizedTest(name = "rows {0}")
    @ValueSource(ints = {3, 0})
    void aTransposedAPacksIntoPanelsOfColumns(int lastRows) {
        int lda = 100, mc = 4 * Gemm.MR + lastRows, kc = 60, ic = 5, pc = 2;
        float[] a = random(rng, 3 + 61 * lda + ic + mc);
        float[] packed = new float[Gemm.roundUp(mc, Gemm.MR) * kc];
        java.util.Arrays.fill(packed, Float.NaN);   // every number must be written
        GemmPacking.packA(true, a, 3, lda, ic, mc, pc, kc, packed);
        for (int i = 0; i < Gemm.roundUp(mc, Gemm.MR); i++) {
            for (int p = 0; p < kc; p++) {
                float expected = i < mc ? a[3 + (pc + p) * lda + ic + i] : 0f;   // op(A)[ic + i, pc + p]
                assertEquals(expected, packed[i / Gemm.MR * Gemm.MR * kc + p * Gemm.MR + i % Gemm.MR],
                        "row " + i + ", column " + p);
            }
        }
    }

    /**
     * Sizes chosen to reach every path: tiny products (plain loops), few rows (B read in place), a dense layer's
     * products (X W, and X^T dY: whole panels of a transposed A packed a column in one vector), ragged edges
     * (sizes that are not multiples of the tile or the vector), several blocks of k, of rows and of columns
     * ({@code k > KC}, {@code m > MC}, {@code n > NC}), and the split over the cores by columns and by rows.
     */
    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} accumulate={5} allCores={6}")
    @CsvSource({
        "1, 1, 1, false, false, false, true",
        "3, 17, 5, false, false, false, false",
        "6, 784, 25, false, false, false, false",
        "5, 100, 33, false, false, true, false",
        "17, 33, 65, true, false, true, true",
        "65, 129, 33, false, true, false, true",
        "129, 65, 300, true, true, true, true",
        "64, 120, 400, false, false, false, true",
        "200, 300, 513, false, false, true, true",
        "7, 1000, 3, false, true, false, true",
        "1000, 7, 40, true, false, false, true",
        "133, 70, 1100, false, false, false, true",
        "130, 71, 1030, true, true, true, false",
        "13, 2100, 20, false, true, true, true",
        "30, 2060, 9, false, false, false, false",
        "20, 2070, 30, false, false, true, false",
        "64, 50, 784, false, false, false, true",
        "70, 100, 50, false, false, true, false",
        "784, 50, 64, true, false, false, true",
        "150, 37, 1030, true, false, true, false",
        "21, 32, 40, true, true, false, false",
        "6, 90, 600, false, false, true, false",
        "140, 2050, 300, false, false, true, true",
    })
    void matchesTheDefinition(int m, int n, int k, boolean transA, boolean transB, boolean accumulate,
                              boolean allCores) {
        // stored as parts of bigger arrays: with offsets, and rows longer than needed
        int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 5, ldc = n + 2;
        int aOff = 7, bOff = 11, cOff = 13;
        float[] a = random(rng, aOff + (transA ? k : m) * lda), b = random(rng, bOff + (transB ? n : k) * ldb);
        float[] c = random(rng, cOff + m * ldc);
        float[] before = c.clone();
        double[] expected = reference(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        if (allCores) {
            Gemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        } else {
            Gemm.sgemmSingleThread(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = expected[i * n + j];
                double tolerance = 1e-5 * Math.sqrt(k) * (1 + Math.abs(want));   // float rounding grows with k
                assertEquals(want, c[cOff + i * ldc + j], tolerance, "C[" + i + ", " + j + "]");
            }
            for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertEquals(before[cOff + i * ldc + j], c[cOff + i * ldc + j], "outside C is left alone");
            }
        }
        assertEquals(before[cOff - 1], c[cOff - 1], "before C is left alone");
    }

    /**
     * Whether a product is shared among the cores depends on its size and on whether the JIT compiler is still at
     * work, so it must not change a single bit: each number of C is the same sum in the same order either way. Sizes
     * above 4M multiply-adds, which are always shared on a machine of several cores, split by columns and by rows.
     */
    @ParameterizedTest(name = "{0}x{1}x{2} transA={3}")
    @CsvSource({"150, 171, 200, false", "171, 150, 200, true", "300, 75, 1030, false"})
    void theCoresTogetherGiveTheSameBitsAsOne(int m, int n, int k, boolean transA) {
        float[] a = random(rng, m * k), b = random(rng, k * n);
        float[] shared = new float[m * n], alone = new float[m * n];
        int lda = transA ? m : k;
        Gemm.sgemm(transA, false, m, n, k, a, 0, lda, b, 0, n, shared, 0, n, false);
        Gemm.sgemmSingleThread(transA, false, m, n, k, a, 0, lda, b, 0, n, alone, 0, n, false);
        assertArrayEquals(alone, shared);
    }

    /** {@code C = op(A) op(B) (+ C)} in double precision, the slow obvious way. */
    private static double[] reference(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff,
                                      int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                                      boolean accumulate) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = accumulate ? c[cOff + i * ldc + j] : 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += aip * bpj;
                }
                out[i * n + j] = sum;
            }
        }
        return out;
    }

}
