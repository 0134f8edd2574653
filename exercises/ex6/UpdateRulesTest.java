package ex6;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import org.junit.jupiter.api.Test;

/**
 * What students can run themselves, with check("ex6") in the notebook. Each test takes two steps on f(w) = w² from
 * w = 1, whose gradient is g = 2w, with η = 0.1, and compares w after each step with the value worked out by hand.
 */
class UpdateRulesTest {

    @Test
    @Points(0.75)
    @Hint("step 0: η^0 = 0.1, g = 2, w = 1 − 0.2 = 0.8; step 1: η^1 = 0.1 / 2 = 0.05, g = 1.6, w = 0.8 − 0.08 = 0.72")
    void sgdWithDecay() {
        double[] w = {1};
        double[] after = new double[2];
        for (int t = 0; t < 2; t++) {
            UpdateRules.sgd(w, gradient(w), t, 0.1);
            after[t] = w[0];
        }
        expect("w after steps 0 and 1 of SGD with 1/t decay", after).closeTo(new double[] {0.8, 0.72}, 1e-9);
    }

    @Test
    @Points(0.75)
    @Hint("step 0: v = 0.1 · 2 = 0.2, w = 0.8; step 1: v = 0.9 · 0.2 + 0.1 · 1.6 = 0.34, w = 0.8 − 0.34 = 0.46")
    void momentum() {
        double[] w = {1};
        double[] v = new double[1];
        double[] after = new double[2];
        for (int t = 0; t < 2; t++) {
            UpdateRules.momentum(w, gradient(w), v, 0.1, 0.9);
            after[t] = w[0];
        }
        expect("w after two momentum steps (μ = 0.9)", after).closeTo(new double[] {0.8, 0.46}, 1e-9);
    }

    @Test
    @Points(0.75)
    @Hint("step 0: v = 0.2, w = 1 − (0.9 · 0.2 + 0.1 · 2) = 0.62; step 1: g = 1.24, v = 0.18 + 0.124 = 0.304,"
        + " w = 0.62 − (0.9 · 0.304 + 0.124) = 0.2224")
    void nesterov() {
        double[] w = {1};
        double[] v = new double[1];
        double[] after = new double[2];
        for (int t = 0; t < 2; t++) {
            UpdateRules.nesterov(w, gradient(w), v, 0.1, 0.9);
            after[t] = w[0];
        }
        expect("w after two Nesterov steps (μ = 0.9)", after).closeTo(new double[] {0.62, 0.2224}, 1e-9);
    }

    @Test
    @Points(0.75)
    @Hint("step 0: s = 4, w = 1 − 0.1 / √4 · 2 = 0.9; step 1: g = 1.8, s = 4 + 3.24 = 7.24,"
        + " w = 0.9 − 0.1 / √7.24 · 1.8")
    void adagrad() {
        double[] w = {1};
        double[] s = new double[1];
        double[] after = new double[2];
        for (int t = 0; t < 2; t++) {
            UpdateRules.adagrad(w, gradient(w), s, 0.1);
            after[t] = w[0];
        }
        expect("w after two Adagrad steps", after).closeTo(new double[] {0.9, 0.83310353}, 1e-6);
    }

    @Test
    @Points(0.75)
    @Hint("step 0: σ² = g² = 4, w = 1 − 0.1 / 2 · 2 = 0.9; step 1: σ² = 0.9 · 4 + 0.1 · 1.8² = 3.924,"
        + " w = 0.9 − 0.1 / √3.924 · 1.8")
    void rmsprop() {
        double[] w = {1};
        double[] sigma2 = new double[1];
        double[] after = new double[2];
        for (int t = 0; t < 2; t++) {
            UpdateRules.rmsprop(w, gradient(w), sigma2, t, 0.1, 0.9);
            after[t] = w[0];
        }
        expect("w after two RMSprop steps (α = 0.9)", after).closeTo(new double[] {0.9, 0.80913262}, 1e-6);
    }

    @Test
    @Points(0.75)
    @Hint("step 0: m = 0.2, v = 0.004, m̂ = 0.2 / 0.1 = 2, v̂ = 0.004 / 0.001 = 4, w = 1 − 0.1 · 2 / √4 = 0.9;"
        + " step 1 divides by 1 − 0.9² and 1 − 0.999²")
    void adam() {
        double[] w = {1};
        double[] m = new double[1];
        double[] v = new double[1];
        double[] after = new double[2];
        for (int t = 0; t < 2; t++) {
            UpdateRules.adam(w, gradient(w), m, v, t, 0.1, 0.9, 0.999);
            after[t] = w[0];
        }
        expect("w after two Adam steps (β1 = 0.9, β2 = 0.999)", after).closeTo(new double[] {0.9, 0.80041223}, 1e-6);
    }

    /** g = f'(w) = 2w for f(w) = w². */
    private static double[] gradient(double[] w) {
        return new double[] {2 * w[0]};
    }
}
