package ex9;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex9") in the notebook. */
class InvertedDropoutTest {

    @Test
    @Points(1)
    @Hint("in evaluation (training = false) dropout changes nothing: return a copy of x")
    void evaluationChangesNothing() {
        double[] x = {0.5, -1, 2, 0, 3.25};
        expect("dropout(x, 0.5, false, rng)", InvertedDropout.dropout(x, 0.5, false, new Random(1))).closeTo(x, 0);
    }

    @Test
    @Points(1)
    @Hint("drop unit i when rng.nextDouble() < p: that happens with probability p")
    void dropsAboutPOfTheUnits() {
        double[] y = InvertedDropout.dropout(ones(10_000), 0.3, true, new Random(2));
        long zeros = Arrays.stream(y).filter(v -> v == 0).count();
        expect("share of the 10,000 units dropout(x, 0.3, true) set to 0", zeros / 10_000.0).closeTo(0.3, 0.02);
    }

    @Test
    @Points(1)
    @Hint("a kept unit is divided by 1 − p: with p = 0.25, 1 becomes 1 / 0.75 = 4/3")
    void keptUnitsAreScaled() {
        double[] y = InvertedDropout.dropout(ones(1000), 0.25, true, new Random(3));
        double[] kept = Arrays.stream(y).filter(v -> v != 0).toArray();
        expect("smallest and largest kept unit of dropout(ones, 0.25, true)",
            new double[] {Arrays.stream(kept).min().orElse(0), Arrays.stream(kept).max().orElse(0)})
            .closeTo(new double[] {4.0 / 3, 4.0 / 3}, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("E[y_i] = (1 − p) · x_i / (1 − p) = x_i: the mean of many passes comes back to x")
    void keepsTheExpectation() {
        double[] x = {1, -2, 3, 0.5};
        double[] mean = new double[x.length];
        Random rng = new Random(4);
        int passes = 20_000;
        for (int pass = 0; pass < passes; pass++) {
            double[] y = InvertedDropout.dropout(x, 0.5, true, rng);
            for (int i = 0; i < x.length; i++) {
                mean[i] += y[i] / passes;
            }
        }
        expect("mean of 20,000 passes of dropout(x, 0.5, true)", mean).closeTo(x, 0.05);
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1);
        return x;
    }
}
