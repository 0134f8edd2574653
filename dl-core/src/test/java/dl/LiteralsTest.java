package dl;

import static dl.Dsl.*;
import static dl.nn.loss.Losses.*;
import static dl.optim.Optimizers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.nn.init.Initializers;
import dl.optim.LearningRate;
import dl.optim.Optimizer;
import dl.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers written as a student types them: {@code 0.5}, not {@code 0.5f}. Compiling this file is half the test. */
class LiteralsTest {

    @Test
    void tensorArithmeticTakesDoubles() {
        Tensor t = Tensor.of(new double[] {1, 2, 3});
        assertArrayEquals(new float[] {0.5f, 1, 1.5f}, t.mul(0.5).toFloatArray());
        assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, t.add(1.5).toFloatArray());
        assertArrayEquals(new float[] {0.75f, 1.75f, 2.75f}, t.sub(0.25).toFloatArray());
        assertArrayEquals(new float[] {4, 8, 12}, t.div(0.25).toFloatArray());
        assertArrayEquals(new float[] {1, 4, 9}, t.pow(2.0).toFloatArray());
        assertArrayEquals(new float[] {1.5f, 2, 2.5f}, t.clamp(1.5, 2.5).toFloatArray());
        assertArrayEquals(new float[] {-0.01f, 0, 2}, Tensor.of(new double[] {-1, 0, 2}).leakyRelu(0.01).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 0.5f}, Tensor.full(0.5, 2).toFloatArray());
        assertEquals(0.5f, Tensor.scalar(0.5).item());
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f}, Tensor.arange(0.0, 1.0, 0.25).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 1, 2, 3}, Tensor.of(new double[][] {{0.5, 1}, {2, 3}}).toFloatArray());
    }

    @Test
    void dropoutTakesADoubleProbability() {
        Tensor kept = Tensor.ones(1000).dropout(0.5, new Random(0));
        float[] values = kept.toFloatArray();
        for (float v : values) {
            assertEquals(v == 0 ? 0 : 2, v, "survivors are scaled by 1 / (1 - 0.5)");
        }
    }

    @Test
    void inPlaceUpdatesTakeDoubles() {
        Tensor w = Tensor.of(new double[] {1, 2});
        w.mulInPlace(0.5).addInPlace(-0.1, Tensor.of(new double[] {10, 10}));
        assertArrayEquals(new float[] {-0.5f, 0}, w.toFloatArray(), 1e-6f);
    }

    @Test
    void optimizersAndSchedulesTakeDoubles() {
        assertEquals(0.1f, sgd(0.1).learningRate());
        assertEquals(0.01f, momentum(0.01, 0.9).learningRate());
        assertEquals(1e-3f, adam(1e-3).learningRate());
        assertEquals(0.05f, LearningRate.inverseTime(0.1, 1).at(1));
        assertEquals(0.05f, LearningRate.stepDecay(0.1, 0.5, 10).at(10));
        assertEquals(0.01f, sgd(0.5).schedule(LearningRate.fixed(0.01)).learningRate());
    }

    @Test
    void momentumWithDoublesStepsAsItsFormulaSays() {
        // L = w^2, g = 2w. From w = 1: v = 0.01 * 2 = 0.02, w = 0.98; then g = 1.96, v = 0.9 * 0.02 + 0.0196
        // = 0.0376, w = 0.9424.
        Tensor w = Tensor.of(new double[] {1}).requiresGrad();
        Optimizer opt = momentum(0.01, 0.9).bind(List.of(w));
        for (int step = 0; step < 2; step++) {
            w.mul(w).sum().backward();
            opt.step();
            opt.zeroGrad();
        }
        assertEquals(0.9424f, w.item(), 1e-6f);
    }

    @Test
    void layersTakeDoubles() {
        var model = net(input(4)).init(Initializers.constant(0.5)).dense(2).leakyRelu(0.01).dropout(0.5).dense(1);
        model.eval();
        Tensor x = Tensor.of(new double[] {1, -1, 1, -1, -1, -1, -1, -1}, 2, 4);
        // Row 1: 0.5 (1 - 1 + 1 - 1) = 0 per unit; row 2: 0.5 * -4 = -2, leaky: -0.02 per unit, then 0.5 * 2 * -0.02.
        assertArrayEquals(new float[] {0, -0.02f}, model.outputs(x).toFloatArray(), 1e-6f);
    }

    @Test
    void attacksTakeADoubleEpsilon() {
        var model = net(input(2)).seed(1).dense(2);
        Tensor images = Tensor.of(new double[][] {{0.5, 0.5}, {0.2, 0.8}});
        var attack = dl.attack.Attacks.fgsm(model, images, new int[] {0, 1}, 0.1);
        assertEquals(0.1f, attack.perturbation().abs().max().item(), 1e-6f, "one step of epsilon = 0.1 per pixel");
    }
}
