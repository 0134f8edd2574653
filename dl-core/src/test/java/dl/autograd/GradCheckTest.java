package dl.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every op's backward, checked against central differences. */
class GradCheckTest {

    private static final double TOLERANCE = 1e-2;
    private final Random rng = new Random(0);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, shape);
    }

    /** Values in [lo, hi): away from kinks and from where a function is undefined. */
    private Tensor uniform(float lo, float hi, int... shape) {
        return Tensor.rand(rng, shape).mul(hi - lo).add(lo);
    }

    private static void assertGradientsMatch(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result result = GradCheck.check(f, inputs);
        assertTrue(result.passed(TOLERANCE), result.toString());
    }

    @Test
    void arithmeticWithBroadcasting() {
        Tensor a = randn(3, 4), row = uniform(0.5f, 2, 4), column = uniform(0.5f, 2, 3, 1);
        assertGradientsMatch(x -> x[0].add(x[1]), a, row);
        assertGradientsMatch(x -> x[0].sub(x[1]), a, column);
        assertGradientsMatch(x -> x[0].mul(x[1]), a, row);
        assertGradientsMatch(x -> x[0].div(x[1]), a, column);
        assertGradientsMatch(x -> x[0].mul(3f).add(2f).div(4f).sub(1f).neg(), a);
    }

    @Test
    void elementWiseFunctions() {
        Tensor positive = uniform(0.5f, 3, 2, 5), anywhere = randn(2, 5);
        Tensor awayFromZero = uniform(0.2f, 2, 2, 5).mul(Tensor.bernoulli(rng, 0.5f, 2, 5).mul(2).sub(1));
        assertGradientsMatch(x -> x[0].pow(3), anywhere);
        assertGradientsMatch(x -> x[0].exp(), anywhere);
        assertGradientsMatch(x -> x[0].log(), positive);
        assertGradientsMatch(x -> x[0].sqrt(), positive);
        assertGradientsMatch(x -> x[0].abs(), awayFromZero);
        assertGradientsMatch(x -> x[0].clamp(-0.1f, 0.1f), awayFromZero);
        assertGradientsMatch(x -> x[0].relu(), awayFromZero);
        assertGradientsMatch(x -> x[0].leakyRelu(0.1f), awayFromZero);
        assertGradientsMatch(x -> x[0].sigmoid(), anywhere);
        assertGradientsMatch(x -> x[0].tanh(), anywhere);
    }

    @Test
    void reductions() {
        Tensor a = randn(3, 4, 2);
        assertGradientsMatch(x -> x[0].sum(), a);
        assertGradientsMatch(x -> x[0].sum(1), a);
        assertGradientsMatch(x -> x[0].mean(0, true), a);
        assertGradientsMatch(x -> x[0].max(2), a);
        assertGradientsMatch(x -> x[0].max(), a);
        assertGradientsMatch(x -> x[0].var(1), a);
    }

    @Test
    void matrixProducts() {
        assertGradientsMatch(x -> x[0].matmul(x[1]), randn(3, 4), randn(4, 5));
        assertGradientsMatch(x -> x[0].matmul(x[1]), randn(2, 3, 4), randn(4, 5));
        assertGradientsMatch(x -> x[0].matmul(x[1]), randn(2, 3, 4), randn(2, 4, 5));
        assertGradientsMatch(x -> x[0].matmul(x[1]), randn(3, 4), randn(2, 4, 5));
    }

    @Test
    void shapeOperations() {
        Tensor a = randn(2, 3, 4);
        assertGradientsMatch(x -> x[0].reshape(4, 6).mul(x[0].reshape(4, 6)), a);
        assertGradientsMatch(x -> x[0].permute(2, 0, 1).mul(Tensor.arange(24).reshape(4, 2, 3)), a);
        assertGradientsMatch(x -> x[0].t(), randn(3, 5));
        assertGradientsMatch(x -> x[0].slice(2, 1, 3), a);
        assertGradientsMatch(x -> x[0].pad(1, 2, 1), a);
        assertGradientsMatch(x -> Tensor.concat(1, x[0], x[1]), a, randn(2, 2, 4));
    }

    @Test
    void softmaxAndLogSoftmax() {
        assertGradientsMatch(x -> x[0].softmax(), randn(3, 5));
        assertGradientsMatch(x -> x[0].logSoftmax(), randn(3, 5));
    }

    @Test
    void crossEntropyOnLogitsHasGradientSoftmaxMinusOneHot() {
        Tensor logits = randn(4, 3).requiresGrad();
        Tensor target = Tensor.oneHot(new int[] {0, 2, 1, 2}, 3);
        logits.logSoftmax().mul(target).sum().neg().backward();
        float[] expected = logits.detach().softmax().sub(target).toFloatArray();
        float[] actual = logits.grad().toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6f);
        }
    }

    @Test
    void convolutionGradientsOfInputWeightsAndBias() {
        // values in [-1, 1]: each output sums many products, and float32 rounding of large sums blurs differences
        assertGradientsMatch(x -> x[0].conv2d(x[1], 1, 0), uniform(-1, 1, 2, 2, 5, 5), uniform(-1, 1, 3, 2, 3, 3));
        assertGradientsMatch(x -> x[0].conv2d(x[1], 2, 1), uniform(-1, 1, 1, 3, 6, 7), uniform(-1, 1, 2, 3, 3, 2));
        assertGradientsMatch(x -> x[0].conv2d(x[1], x[2], 1, 1), uniform(-1, 1, 2, 2, 4, 4), uniform(-1, 1, 3, 2, 3, 3),
                uniform(-1, 1, 3));
    }

    @Test
    void pooling() {
        // distinct values, so that no window has a tie for its maximum
        Tensor distinct = shuffled(2, 2, 6, 6);
        assertGradientsMatch(x -> x[0].maxPool2d(2), distinct);
        assertGradientsMatch(x -> x[0].maxPool2d(3, 2, 1), distinct);
        assertGradientsMatch(x -> x[0].avgPool2d(2), randn(2, 2, 6, 6));
        assertGradientsMatch(x -> x[0].avgPool2d(3, 1, 1), randn(1, 2, 5, 5));
    }

    /** 0, 0.1, 0.2, ... in a random order. */
    private Tensor shuffled(int... shape) {
        java.util.List<Float> values = new java.util.ArrayList<>();
        for (int i = 0; i < dl.tensor.Shapes.size(shape); i++) {
            values.add(i * 0.1f);
        }
        java.util.Collections.shuffle(values, rng);
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return Tensor.of(v, shape);
    }

    @Test
    void dropoutWithAFixedMask() {
        assertGradientsMatch(x -> x[0].dropout(0.5f, new Random(9)), randn(4, 4));
    }

    @Test
    void aWholeTwoLayerNetwork() {
        Tensor input = randn(5, 4), w1 = randn(4, 6), b1 = randn(6), w2 = randn(6, 3);
        Tensor target = Tensor.oneHot(new int[] {0, 1, 2, 1, 0}, 3);
        // the loss without its final sum: GradCheck sums the outputs itself, in double precision
        assertGradientsMatch(x -> x[0].matmul(x[1]).add(x[2]).tanh().matmul(x[3]).logSoftmax().mul(target),
                input, w1, b1, w2);
    }

    @Test
    void reportsWhereAWrongGradientIs() {
        // a deliberately wrong backward: an op that claims dy/dx = 0
        Function<Tensor[], Tensor> broken = x -> x[0].detach().mul(x[0].mul(0f).add(1f));
        GradCheck.Result result = GradCheck.check(broken, Tensor.of(new float[] {1, 2, 3}));
        assertTrue(result.maxRelativeError() > 0.9, result.toString());
        assertTrue(result.toString().startsWith("worst relative error 1.00 at input 0"), result.toString());
    }
}
