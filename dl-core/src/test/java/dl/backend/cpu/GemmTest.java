package dl.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemmTest {

    private final Random rng = new Random(0);

    private float[] random(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextFloat() * 2 - 1;
        }
        return v;
    }

    /** C = op(A) op(B) (+ C), in double, the slow obvious way. */
    private static double[] reference(boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                                      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean acc) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = acc ? c[cOff + i * ldc + j] : 0;
                for (int p = 0; p < k; p++) {
                    s += (double) (ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p])
                            * (tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                }
                out[i * n + j] = s;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} accumulate={5} threads={6}")
    @CsvSource({
        "1, 1, 1, false, false, false, true",
        "3, 17, 5, false, false, false, false",
        "6, 784, 25, false, false, false, false",
        "17, 33, 65, true, false, true, true",
        "65, 129, 33, false, true, false, true",
        "129, 65, 300, true, true, true, true",
        "64, 120, 400, false, false, false, true",
        "200, 300, 513, false, false, true, true",
        "7, 1000, 3, false, true, false, true",
        "1000, 7, 40, true, false, false, true",
    })
    void matchesTheDefinition(int m, int n, int k, boolean ta, boolean tb, boolean acc, boolean allCores) {
        // stored with offsets and rows longer than needed, as sub-matrices of bigger arrays
        int lda = (ta ? m : k) + 3, ldb = (tb ? k : n) + 5, ldc = n + 2;
        int aOff = 7, bOff = 11, cOff = 13;
        float[] a = random(aOff + (ta ? k : m) * lda), b = random(bOff + (tb ? n : k) * ldb);
        float[] c = random(cOff + m * ldc);
        double[] expected = reference(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc);
        float[] before = c.clone();
        if (allCores) {
            Gemm.sgemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc);
        } else {
            Gemm.sgemmSingleThread(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = expected[i * n + j];
                assertEquals(want, c[cOff + i * ldc + j], 1e-4 * (1 + Math.sqrt(k)), "C[" + i + ", " + j + "]");
            }
            for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertEquals(before[cOff + i * ldc + j], c[cOff + i * ldc + j], "outside C is left alone");
            }
        }
        assertEquals(before[cOff - 1], c[cOff - 1], "before C is left alone");
    }
}
