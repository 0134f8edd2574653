package dl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.loss.Losses;
import dl.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Checkpoints, schedules inside steps, and a regression that every optimizer fits. */
class OptimizerResumeTest {

    private static final List<Supplier<Optimizer>> ALL = List.of(() -> Optimizers.sgd(0.05),
            () -> Optimizers.momentum(0.05), () -> Optimizers.nesterov(0.05), () -> Optimizers.adagrad(0.3),
            () -> Optimizers.rmsprop(0.05), () -> Optimizers.adam(0.1));

    /** {@code steps} steps on L = sum(w^2) + sum(w^3)/10 (curved enough that the memory matters). */
    private static void run(Optimizer optimizer, Tensor w, int steps) {
        for (int i = 0; i < steps; i++) {
            w.mul(w).sum().add(w.pow(3).sum().div(10)).backward();
            optimizer.step();
            optimizer.zeroGrad();
        }
    }

    @Test
    void stoppingAndResumingFromTheStateChangesNothing() {
        for (Supplier<Optimizer> make : ALL) {
            Tensor straight = Tensor.of(new float[] {1, -2}).requiresGrad();
            run(make.get().bind(List.of(straight)), straight, 5);

            Tensor w = Tensor.of(new float[] {1, -2}).requiresGrad();
            Optimizer first = make.get().bind(List.of(w));
            run(first, w, 3);
            Map<String, float[]> saved = first.state();
            Tensor reloaded = Tensor.of(w.toFloatArray()).requiresGrad();
            Optimizer second = make.get().bind(List.of(reloaded));
            second.loadState(saved);
            run(second, reloaded, 2);

            assertArrayEquals(straight.toFloatArray(), reloaded.toFloatArray(), 1e-6f,
                    make.get().getClass().getSimpleName());
        }
    }

    /** {@code steps} steps on L = sum(a^2) + sum(b^2), where b has a gradient only from step {@code bJoins} on. */
    private static void runWithALateParameter(Optimizer optimizer, Tensor a, Tensor b, int steps, int bJoins) {
        for (int step = 0; step < steps; step++) {
            Tensor loss = a.mul(a).sum();
            (step < bJoins ? loss : loss.add(b.mul(b).sum())).backward();
            optimizer.step();
            optimizer.zeroGrad();
        }
    }

    @Test
    void aParameterThatJoinsLateKeepsItsOwnStepCountThroughACheckpoint() {
        for (Supplier<Optimizer> make : ALL) {
            Tensor a = Tensor.of(new float[] {1}).requiresGrad();
            Tensor b = Tensor.of(new float[] {-2}).requiresGrad();
            runWithALateParameter(make.get().bind(List.of(a, b)), a, b, 5, 2);

            Tensor a1 = Tensor.of(new float[] {1}).requiresGrad();
            Tensor b1 = Tensor.of(new float[] {-2}).requiresGrad();
            Optimizer first = make.get().bind(List.of(a1, b1));
            runWithALateParameter(first, a1, b1, 3, 2);
            Optimizer second = make.get().bind(List.of(a1, b1));
            second.loadState(first.state());
            runWithALateParameter(second, a1, b1, 2, 0);

            String name = make.get().getClass().getSimpleName();
            assertArrayEquals(new float[] {a.item(), b.item()}, new float[] {a1.item(), b1.item()}, 1e-6f, name);
        }
    }

    @Test
    void aStateSavedWithOnlyTheOptimizersStepCountStillResumes() {
        // checkpoints written before the counts were kept per parameter have "t" and the slots alone
        Tensor straight = Tensor.of(new float[] {1, -2}).requiresGrad();
        run(Optimizers.adam(0.1).bind(List.of(straight)), straight, 5);

        Tensor w = Tensor.of(new float[] {1, -2}).requiresGrad();
        Optimizer first = Optimizers.adam(0.1).bind(List.of(w));
        run(first, w, 3);
        Map<String, float[]> old = new java.util.LinkedHashMap<>(first.state());
        old.remove("t.0");
        Optimizer second = Optimizers.adam(0.1).bind(List.of(w));
        second.loadState(old);
        run(second, w, 2);
        assertArrayEquals(straight.toFloatArray(), w.toFloatArray(), 1e-6f);
    }

    @Test
    void theSlidesOneOverTDecayInsideSteps() {
        // eta_t = eta / (t + 1) with eta = 0.5, on L = w^2 / 2 (so g = w), from w = 4:
        // t = 0: eta = 0.5, w = 4 - 0.5 * 4 = 2; t = 1: eta = 0.25, w = 2 - 0.25 * 2 = 1.5
        Tensor w = Tensor.of(new float[] {4}).requiresGrad();
        Optimizer sgd = Optimizers.sgd(0.5).schedule(LearningRate.inverseTime(0.5f, 1)).bind(List.of(w));
        for (int i = 0; i < 2; i++) {
            w.mul(w).sum().div(2).backward();
            sgd.step();
            sgd.zeroGrad();
        }
        assertEquals(1.5f, w.item(), 1e-6f);
        assertEquals(0.5f / 3, sgd.learningRate(), 1e-7f);
    }

    @Test
    void scheduleValues() {
        assertEquals(0.01f, LearningRate.fixed(0.01f).at(1000));
        assertEquals(0.1f / (1 + 0.5f * 4), LearningRate.inverseTime(0.1f, 0.5f).at(4), 1e-9f);
        LearningRate halve = LearningRate.stepDecay(0.1f, 0.5f, 100);
        assertEquals(0.1f, halve.at(99), 1e-9f);
        assertEquals(0.05f, halve.at(100), 1e-9f);
        assertEquals(0.025f, halve.at(250), 1e-9f);
    }

    @Test
    void weightDecayWithMomentumGoesIntoTheVelocity() {
        // g = 2w + lambda w = [2.5, -5]; v = 0.1 g = [0.25, -0.5]; w = [0.75, -1.5]
        Tensor w = Tensor.of(new float[] {1, -2}).requiresGrad();
        Optimizer momentum = Optimizers.momentum(0.1, 0.9).weightDecay(0.5).bind(List.of(w));
        w.mul(w).sum().backward();
        momentum.step();
        assertArrayEquals(new float[] {0.75f, -1.5f}, w.toFloatArray(), 1e-6f);
    }

    @Test
    void parametersWithoutAGradientStayPut() {
        Tensor used = Tensor.of(new float[] {1}).requiresGrad();
        Tensor unused = Tensor.of(new float[] {3}).requiresGrad();
        Optimizer sgd = Optimizers.sgd(0.1).bind(List.of(used, unused));
        used.mul(used).sum().backward();
        sgd.step();
        assertEquals(0.8f, used.item(), 1e-6f);
        assertEquals(3f, unused.item());
        assertNull(unused.grad());
    }

    @Test
    void anUnboundOptimizerSaysWhatToDo() {
        var e = assertThrows(IllegalStateException.class, () -> Optimizers.adam(1e-3).step());
        assertTrue(e.getMessage().startsWith("Adam: not bound to any parameters"), e.getMessage());
    }

    @Test
    void everyOptimizerFitsALinearRegression() {
        // y = x . [2, -1] + 0.5 + noise; L = mean squared error of x W + b
        Random rng = new Random(4);
        Tensor x = Tensor.randn(rng, 64, 2);
        Tensor y = x.matmul(Tensor.of(new float[] {2, -1}, 2, 1)).add(0.5f).add(Tensor.randn(rng, 64, 1).mul(0.01f));
        for (Supplier<Optimizer> make : ALL) {
            Tensor weight = Tensor.zeros(2, 1).requiresGrad();
            Tensor bias = Tensor.zeros(1).requiresGrad();
            Optimizer optimizer = make.get().bind(List.of(weight, bias));
            float first = 0;
            float last = 0;
            for (int step = 0; step < 200; step++) {
                Tensor loss = Losses.mse().apply(x.matmul(weight).add(bias), y);
                last = loss.item();
                first = step == 0 ? last : first;
                loss.backward();
                optimizer.step();
                optimizer.zeroGrad();
            }
            String name = make.get().getClass().getSimpleName();
            assertTrue(last < 0.02 * first, name + ": loss from " + first + " to " + last);
        }
    }
}
