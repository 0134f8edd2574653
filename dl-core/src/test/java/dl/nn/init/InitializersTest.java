package dl.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.WeightInit;
import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each initializer's statistics on a large weight, as its formula says. */
class InitializersTest {

    /** A dense weight [in = 400, out = 600]: N_in = 400, N_out = 600. */
    private static Tensor draw(WeightInit init) {
        return init.weight(new Random(7), new int[] {400, 600}, 400, 600);
    }

    private static void assertStatistics(Tensor w, double mean, double variance) {
        assertEquals(mean, w.mean().item(), 0.02 * Math.sqrt(variance) + 1e-7, "mean");
        assertEquals(variance, w.var().item(), 0.02 * variance + 1e-9, "variance");
    }

    @Test
    void zerosAndConstant() {
        assertArrayEquals(new float[6], Initializers.zeros().weight(new Random(1), new int[] {2, 3}, 2, 3)
                .toFloatArray());
        assertArrayEquals(new float[] {0.5f, 0.5f}, Initializers.constant(0.5).weight(new Random(1), new int[] {2},
                1, 2).toFloatArray());
    }

    @Test
    void uniformHasVarianceBSquaredOverThree() {
        Tensor w = draw(Initializers.uniform(0.3));
        assertStatistics(w, 0, 0.3 * 0.3 / 3);
        assertTrue(w.abs().max().item() <= 0.3f);
    }

    @Test
    void normalHasTheGivenStandardDeviation() {
        assertStatistics(draw(Initializers.normal(0.01)), 0, 1e-4);
    }

    @Test
    void truncatedNormalStaysWithinTwoSigma() {
        Tensor w = draw(Initializers.truncatedNormal());
        assertTrue(w.abs().max().item() <= 0.2f);
        // a normal cut at 2 sigma keeps 0.774 of its variance: 1 - 4 phi(2) / (2 Phi(2) - 1)
        assertStatistics(w, 0, 0.01 * 0.7737);
    }

    @Test
    void standardXavierAndHeScaleWithTheFans() {
        assertStatistics(draw(Initializers.standard()), 0, 1.0 / 400);           // 1 / N_in
        assertStatistics(draw(Initializers.xavier()), 0, 2.0 / (400 + 600));     // 2 / (N_in + N_out)
        assertStatistics(draw(Initializers.he()), 0, 2.0 / 400);                 // 2 / N_in
    }

    @Test
    void convFansComeFromChannelsAndKernel() {
        // a conv weight [F = 64, C = 32, 3, 3]: N_in = 32*3*3 = 288
        Tensor w = Initializers.standard().weight(new Random(3), new int[] {64, 32, 3, 3}, 32 * 3 * 3, 64 * 3 * 3);
        assertStatistics(w, 0, 1.0 / 288);
    }

    @Test
    void biasesStartAtZero() {
        assertArrayEquals(new float[3], Initializers.xavier().bias(new Random(1), new int[] {3}, 5).toFloatArray());
    }

    @Test
    void orthogonalRowsOrColumnsAreOrthonormal() {
        Tensor wide = Initializers.orthogonal().weight(new Random(5), new int[] {20, 50}, 20, 50);
        assertIdentity(wide.matmul(wide.t()), 20);                               // W W^T = I
        Tensor tall = Initializers.orthogonal().weight(new Random(5), new int[] {50, 20}, 50, 20);
        assertIdentity(tall.t().matmul(tall), 20);                               // W^T W = I
        Tensor conv = Initializers.orthogonal().weight(new Random(5), new int[] {8, 2, 3, 3}, 18, 72);
        Tensor rows = conv.reshape(8, 18);
        assertIdentity(rows.matmul(rows.t()), 8);
    }

    private static void assertIdentity(Tensor m, int n) {
        assertArrayEquals(new int[] {n, n}, m.shape());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1 : 0, m.get(i, j), 1e-5, "at " + i + ", " + j);
            }
        }
    }

    @Test
    void sameSeedSameWeights() {
        assertArrayEquals(draw(Initializers.xavier()).toFloatArray(), draw(Initializers.xavier()).toFloatArray());
    }

    @Test
    void namesReadAsWritten() {
        assertEquals("xavier()", Initializers.xavier().toString());
        assertEquals("normal(0.01)", Initializers.normal(0.01).toString());
    }
}
