package dl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Each optimizer's first steps against its formula worked by hand, and every one of them descending. */
class OptimizersTest {

    /** L = sum(w^2), so g = dL/dw = 2w. Returns w after {@code steps} steps from w = [1, -2]. */
    private static float[] steps(Optimizer optimizer, int steps) {
        Tensor w = Tensor.of(new float[] {1, -2}).requiresGrad();
        optimizer.bind(List.of(w));
        for (int i = 0; i < steps; i++) {
            w.mul(w).sum().backward();
            optimizer.step();
            optimizer.zeroGrad();
        }
        return w.toFloatArray();
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        // w = [1, -2], g = [2, -4]; w <- w - 0.1 g = [0.8, -1.6]; then g = [1.6, -3.2]: [0.64, -1.28]
        assertArrayEquals(new float[] {0.64f, -1.28f}, steps(Optimizers.sgd(0.1f), 2), 1e-6f);
    }

    @Test
    void momentumAddsAFractionOfTheLastUpdate() {
        // v = 0.1 g = [0.2, -0.4]; w = [0.8, -1.6]; v = 0.9 v + 0.1 [1.6, -3.2] = [0.34, -0.68]; w = [0.46, -0.92]
        assertArrayEquals(new float[] {0.46f, -0.92f}, steps(Optimizers.momentum(0.1f, 0.9f), 2), 1e-6f);
    }

    @Test
    void nesterovLooksAhead() {
        // v = [0.2, -0.4]; w = w - (0.9 v + 0.1 g) = [1 - 0.38, -2 + 0.76] = [0.62, -1.24]
        assertArrayEquals(new float[] {0.62f, -1.24f}, steps(Optimizers.nesterov(0.1f, 0.9f), 1), 1e-6f);
    }

    @Test
    void adagradDividesByTheRootOfSummedSquares() {
        // s = g^2 = [4, 16]; w = w - 0.1 g / sqrt(s) = w - 0.1 sign(g) = [0.9, -1.9]
        // g = [1.8, -3.8]; s = [4 + 3.24, 16 + 14.44]; w = 0.9 - 0.1 * 1.8 / sqrt(7.24), ...
        float[] w = steps(Optimizers.adagrad(0.1f), 2);
        assertEquals(0.9 - 0.18 / Math.sqrt(7.24), w[0], 1e-6);
        assertEquals(-1.9 + 0.38 / Math.sqrt(30.44), w[1], 1e-6);
    }

    @Test
    void rmspropStartsWithTheFirstSquaredGradient() {
        // sigma^2 = g^2 at the first step: w = w - 0.1 sign(g) = [0.9, -1.9]
        // then sigma^2 = 0.9 [4, 16] + 0.1 [3.24, 14.44]
        float[] w = steps(Optimizers.rmsprop(0.1f), 2);
        assertEquals(0.9 - 0.1 * 1.8 / Math.sqrt(0.9 * 4 + 0.1 * 3.24), w[0], 1e-5);
        assertEquals(-1.9 + 0.1 * 3.8 / Math.sqrt(0.9 * 16 + 0.1 * 14.44), w[1], 1e-5);
    }

    @Test
    void adamsFirstStepIsTheLearningRateTimesTheSign() {
        // m^ = g, v^ = g^2 after bias correction: w = w - eta g / |g| = w - 0.1 sign(g)
        assertArrayEquals(new float[] {0.9f, -1.9f}, steps(Optimizers.adam(0.1f), 1), 1e-6f);
        // second step by the formula
        double m0 = 0.1 * 2, v0 = 0.001 * 4, g = 1.8;
        double m = 0.9 * m0 + 0.1 * g, v = 0.999 * v0 + 0.001 * g * g;
        double expected = 0.9 - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertEquals(expected, steps(Optimizers.adam(0.1f), 2)[0], 1e-5);
    }

    @Test
    void adamCountsTheStepsOfEachParameterAsTorchDoes() {
        // b has no gradient at the first two steps; at the third its own t is 1, so it moves by eta sign(g)
        Tensor a = Tensor.of(new float[] {1}).requiresGrad();
        Tensor b = Tensor.of(new float[] {3}).requiresGrad();
        Optimizer adam = Optimizers.adam(0.1f).bind(List.of(a, b));
        for (int step = 0; step < 3; step++) {
            Tensor loss = a.mul(a).sum();
            (step < 2 ? loss : loss.add(b.mul(b).sum())).backward();
            adam.step();
            adam.zeroGrad();
        }
        assertEquals(3 - 0.1f, b.item(), 1e-6f);
        assertEquals(1f, adam.state().get("t.1")[0], "b's own step count");
        assertEquals(3f, adam.state().get("t")[0], "the optimizer's step count, which schedules follow");
    }

    @Test
    void weightDecayShrinksTheWeights() {
        // w <- w - eta dL/dw - eta lambda w, with L = sum(w^2): 1 - 0.1 * 2 - 0.1 * 0.5 = 0.75
        assertEquals(0.75f, steps(Optimizers.sgd(0.1f).weightDecay(0.5f), 1)[0], 1e-6f);
    }

    @Test
    void schedulesChangeTheLearningRate() {
        assertEquals(0.5f, LearningRate.inverseTime(1, 1).at(1));
        assertEquals(0.25f, LearningRate.inverseTime(1, 1).at(3));
        assertEquals(0.25f, LearningRate.stepDecay(1, 0.5f, 10).at(25));
        Optimizer sgd = Optimizers.sgd(1).schedule(LearningRate.inverseTime(1, 1));
        steps(sgd, 2);
        assertEquals(1 / 3f, sgd.learningRate(), 1e-7f);
    }

    @Test
    void everyOptimizerDescendsTheBowl() {
        List<Supplier<Optimizer>> all = List.of(() -> Optimizers.sgd(0.05f), () -> Optimizers.momentum(0.05f),
                () -> Optimizers.nesterov(0.05f), () -> Optimizers.adagrad(0.3f), () -> Optimizers.rmsprop(0.05f),
                () -> Optimizers.adam(0.1f));
        for (Supplier<Optimizer> make : all) {
            float[] w = steps(make.get(), 60);
            double distance = Math.hypot(w[0], w[1]);
            assertTrue(distance < 0.5, make.get().getClass().getSimpleName() + " ended at distance " + distance);
        }
    }

    @Test
    void stateRoundTrips() {
        Optimizer adam = Optimizers.adam(0.1f);
        steps(adam, 3);
        Map<String, float[]> saved = adam.state();
        assertEquals(3f, saved.get("t")[0]);
        Tensor w = Tensor.of(new float[] {1, -2}).requiresGrad();
        Optimizer restored = Optimizers.adam(0.1f).bind(List.of(w));
        restored.loadState(saved);
        assertArrayEquals(saved.get("m.0"), restored.state().get("m.0"));
    }
}
