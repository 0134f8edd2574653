package dl.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.autograd.GradCheck;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Every loss through GradCheck, and the gradients the slides derive by hand. */
class LossGradientsTest {

    private final Tensor logits = Tensor.of(new float[][] {{1, 2, -1}, {0.5f, -0.3f, 0.2f}});
    private final Tensor labels = Tensor.of(new float[] {2, 0});
    private final Tensor oneHot = Tensor.oneHot(new int[] {2, 0}, 3);

    private static void assertGradient(String what, Loss loss, Tensor output, Tensor target) {
        GradCheck.Result r = GradCheck.check(x -> loss.apply(x[0], target), output);
        assertTrue(r.passed(1e-2), what + ": " + r);
    }

    @Test
    void everyLossPassesGradCheck() {
        Tensor probabilities = Tensor.of(new float[][] {{0.2f, 0.7f, 0.4f}, {0.9f, 0.1f, 0.5f}});
        Tensor bits = Tensor.of(new float[][] {{0, 1, 1}, {1, 0, 0}});
        assertGradient("sse", Losses.sumSquaredError(), logits, oneHot);
        assertGradient("mse", Losses.mse(), logits, oneHot);
        assertGradient("cross-entropy, indices", Losses.crossEntropy(), logits, labels);
        assertGradient("cross-entropy, one-hot", Losses.crossEntropy(), logits, oneHot);
        assertGradient("nll", Losses.nll(), logits.logSoftmax(), labels);
        assertGradient("bce", Losses.binaryCrossEntropy(), probabilities, bits);
        assertGradient("bce on logits", Losses.binaryCrossEntropyWithLogits(), logits, bits);
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusTargetOverN() {
        Tensor z = logits.detach().requiresGrad();
        Losses.crossEntropy().apply(z, labels).backward();
        float[] expected = z.detach().softmax().sub(oneHot).div(2).toFloatArray();
        assertArrayEquals(expected, z.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void squaredErrorGradientIsTwiceTheDifference() {
        // L = sum (y - t)^2, dL/dy = 2 (y - t); the mean divides by the 6 numbers
        Tensor y = logits.detach().requiresGrad();
        Losses.sumSquaredError().apply(y, oneHot).backward();
        assertArrayEquals(logits.sub(oneHot).mul(2).toFloatArray(), y.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void binaryCrossEntropyStaysFiniteAtZeroAndOne() {
        float loss = Losses.binaryCrossEntropy().apply(Tensor.of(new float[] {0, 1}), Tensor.of(new float[] {1, 0}))
                .item();
        assertTrue(Float.isFinite(loss) && loss > 10, "clamped to 1e-7: -log(1e-7) = 16.1, got " + loss);
        float fromLogits = Losses.binaryCrossEntropyWithLogits()
                .apply(Tensor.of(new float[] {-200, 200}), Tensor.of(new float[] {1, 0})).item();
        assertEquals(200f, fromLogits, 1e-3f);
    }

    @Test
    void crossEntropyOnLargeLogitsDoesNotOverflow() {
        // log-softmax of [1000, 0]: the second class costs 1000
        float loss = Losses.crossEntropy().apply(Tensor.of(new float[][] {{1000, 0}}), Tensor.of(new float[] {1}))
                .item();
        assertEquals(1000f, loss, 1e-3f);
    }
}
