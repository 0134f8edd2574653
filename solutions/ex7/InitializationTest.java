package ex7;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex7") in the notebook. */
class InitializationTest {

    @Test
    @Points(1)
    @Hint("W has one row per unit of the layer (fanOut rows) and one column per input (fanIn columns)")
    void xavierHasOneRowPerUnit() {
        double[][] w = Initialization.xavier(3, 5, new Random(1));
        expect("rows and columns of xavier(3, 5, rng)", new double[] {w.length, w[0].length})
            .closeTo(new double[] {5, 3}, 0);
    }

    @Test
    @Points(1)
    @Hint("σ is the square root of the variance: σ = sqrt(2 / (N_in + N_out)), then W = σ · rng.nextGaussian()")
    void xavierVarianceMatchesTheRule() {
        double[][] w = Initialization.xavier(300, 200, new Random(2));
        expect("var(W) / (2 / (300 + 200)) for xavier(300, 200)", variance(w) / (2.0 / (300 + 200)))
            .closeTo(1, 0.05);
    }

    @Test
    @Points(1)
    @Hint("He's variance counts the inputs only: σ = sqrt(2 / N_in)")
    void heVarianceMatchesTheRule() {
        double[][] w = Initialization.he(400, 150, new Random(3));
        expect("var(W) / (2 / 400) for he(400, 150)", variance(w) / (2.0 / 400)).closeTo(1, 0.05);
    }

    @Test
    @Points(1)
    @Hint("rng.nextGaussian() has mean 0; multiply it by σ, add nothing")
    void weightsHaveMeanZero() {
        double[][] w = Initialization.he(400, 150, new Random(4));
        expect("mean(W) / σ for he(400, 150)", mean(w) / Math.sqrt(2.0 / 400)).closeTo(0, 0.05);
    }

    static double mean(double[][] w) {
        double sum = 0;
        for (double[] row : w) {
            for (double x : row) {
                sum += x;
            }
        }
        return sum / (w.length * w[0].length);
    }

    /** The variance of all the numbers of {@code w}: the mean of (x − mean)². */
    static double variance(double[][] w) {
        double m = mean(w), sum = 0;
        for (double[] row : w) {
            for (double x : row) {
                sum += (x - m) * (x - m);
            }
        }
        return sum / (w.length * w[0].length);
    }
}
