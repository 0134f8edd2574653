package ex6;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import dl.optim.Adagrad;
import dl.optim.Adam;
import dl.optim.LearningRate;
import dl.optim.Momentum;
import dl.optim.Nesterov;
import dl.optim.Optimizer;
import dl.optim.RmsProp;
import dl.optim.Sgd;
import dl.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Kept with the solutions. Each rule takes 5 steps on vectors of 6 numbers: on random gradients, judged against the
 * reference solution, and on f(w) = Σ_i (w_i − c_i)², against the library's optimizer (dl.optim) with the same
 * settings.
 */
@Hidden
class UpdateRulesHiddenTest {

    private static final int SIZE = 6;
    private static final int STEPS = 5;

    /** One step of an update rule, with its memory already bound: {@code (w, g, t) -> ...}. */
    interface Rule {
        void step(double[] w, double[] g, int t);
    }

    @Test
    @Points(0.75)
    @Hint("η^t = η / (t + 1) uses the step number t, which starts at 0")
    void sgdWithDecay() {
        judge("SGD with 1/t decay", () -> (w, g, t) -> UpdateRules.sgd(w, g, t, 0.1),
            new Sgd(0.1).schedule(LearningRate.inverseTime(0.1, 1)));
    }

    @Test
    @Points(0.75)
    @Hint("update every component of v before using it: v_i ← μ v_i + η g_i, then w_i ← w_i − v_i")
    void momentum() {
        judge("momentum", () -> {
            double[] v = new double[SIZE];
            return (w, g, t) -> UpdateRules.momentum(w, g, v, 0.1, 0.9);
        }, new Momentum(0.1, 0.9));
    }

    @Test
    @Points(0.75)
    @Hint("Nesterov's step uses the new v: w_i ← w_i − (μ v_i + η g_i) after v_i ← μ v_i + η g_i")
    void nesterov() {
        judge("Nesterov", () -> {
            double[] v = new double[SIZE];
            return (w, g, t) -> UpdateRules.nesterov(w, g, v, 0.1, 0.9);
        }, new Nesterov(0.1, 0.9));
    }

    @Test
    @Points(0.75)
    @Hint("s keeps the sum of every past g², component by component; divide by √s + ε, not by s")
    void adagrad() {
        judge("Adagrad", () -> {
            double[] s = new double[SIZE];
            return (w, g, t) -> UpdateRules.adagrad(w, g, s, 0.1);
        }, new Adagrad(0.1, UpdateRules.EPSILON));
    }

    @Test
    @Points(0.75)
    @Hint("σ² starts as g² at t = 0, then σ² ← α σ² + (1 − α) g²: each component keeps its own σ²")
    void rmsprop() {
        judge("RMSprop", () -> {
            double[] sigma2 = new double[SIZE];
            return (w, g, t) -> UpdateRules.rmsprop(w, g, sigma2, t, 0.01, 0.9);
        }, new RmsProp(0.01, 0.9, UpdateRules.EPSILON));
    }

    @Test
    @Points(0.75)
    @Hint("the corrections divide by 1 − β1^(t+1) and 1 − β2^(t+1): at t = 0 that is 1 − β, not 1")
    void adam() {
        judge("Adam", () -> {
            double[] m = new double[SIZE];
            double[] v = new double[SIZE];
            return (w, g, t) -> UpdateRules.adam(w, g, m, v, t, 0.05, 0.9, 0.999);
        }, new Adam(0.05, 0.9, 0.999, UpdateRules.EPSILON));
    }

    /** A fresh rule (zero memory) on random gradients, then on f(w) = Σ (w − c)², beside the library's optimizer. */
    private static void judge(String name, Supplier<Rule> fresh, Optimizer library) {
        Random rng = new Random(61);
        double[] w = floats(rng);
        Rule rule = fresh.get();
        for (int t = 0; t < STEPS; t++) {
            rule.step(w, floats(rng), t);
        }
        expect("w after " + STEPS + " steps of " + name + " on random gradients", w).sameAsReference(1e-9);

        double[] start = floats(rng);
        double[] c = floats(rng);
        double[] ours = start.clone();
        rule = fresh.get();
        for (int t = 0; t < STEPS; t++) {
            double[] g = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                g[i] = 2 * (ours[i] - c[i]);
            }
            rule.step(ours, g, t);
        }
        expect("w after " + STEPS + " steps of " + name + " on f(w) = Σ (w − c)², against dl.optim's", ours)
            .closeTo(library(library, start, c), 1e-4);   // the library computes in float32
    }

    /** The library's optimizer on f(w) = Σ (w − c)², its gradients from autograd. */
    private static double[] library(Optimizer optimizer, double[] start, double[] c) {
        Tensor w = Tensor.of(start).requiresGrad();
        Tensor target = Tensor.of(c);
        optimizer.bind(List.of(w));
        for (int t = 0; t < STEPS; t++) {
            w.sub(target).pow(2).sum().backward();
            optimizer.step();
            optimizer.zeroGrad();
        }
        float[] values = w.toFloatArray();
        double[] result = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Random numbers that float32 holds exactly, so that the library starts from the same ones. */
    private static double[] floats(Random rng) {
        double[] v = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
