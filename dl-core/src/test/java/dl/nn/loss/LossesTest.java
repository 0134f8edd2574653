package dl.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.autograd.GradCheck;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LossesTest {

    private final Tensor output = Tensor.of(new float[][] {{1, 2}, {3, -1}});
    private final Tensor target = Tensor.of(new float[][] {{0, 2}, {4, -2}});

    @Test
    void squaredErrors() {
        // differences 1, 0, -1, 1: squares sum to 3
        assertEquals(3f, Losses.sumSquaredError().apply(output, target).item());
        assertEquals(0.75f, Losses.mse().apply(output, target).item());
    }

    @Test
    void crossEntropyWithClassIndicesOrOneHotRows() {
        Tensor logits = Tensor.of(new float[][] {{10, 0, 0}, {0, 0, 0}});
        float expected = (float) ((-Math.log(Math.exp(10) / (Math.exp(10) + 2)) + Math.log(3)) / 2);
        assertEquals(expected, Losses.crossEntropy().apply(logits, Tensor.of(new float[] {0, 2})).item(), 1e-6f);
        assertEquals(expected, Losses.crossEntropy().apply(logits, Tensor.oneHot(new int[] {0, 2}, 3)).item(), 1e-6f);
        assertEquals(expected, Losses.nll().apply(logits.logSoftmax(), Tensor.of(new float[] {0, 2})).item(), 1e-6f);
    }

    @Test
    void binaryCrossEntropyOnProbabilitiesAndOnLogits() {
        Tensor z = Tensor.of(new float[] {-2, 0.5f, 3});
        Tensor t = Tensor.of(new float[] {0, 1, 1});
        float fromProbabilities = Losses.binaryCrossEntropy().apply(z.sigmoid(), t).item();
        float fromLogits = Losses.binaryCrossEntropyWithLogits().apply(z, t).item();
        double expected = -(Math.log(1 - 1 / (1 + Math.exp(2))) + Math.log(1 / (1 + Math.exp(-0.5)))
                + Math.log(1 / (1 + Math.exp(-3)))) / 3;
        assertEquals(expected, fromProbabilities, 1e-6);
        assertEquals(expected, fromLogits, 1e-6);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor labels = Tensor.of(new float[] {1, 0});
        GradCheck.Result ce = GradCheck.check(x -> Losses.crossEntropy().apply(x[0], labels), output);
        assertTrue(ce.passed(1e-2), "crossEntropy: " + ce);
        for (Loss loss : new Loss[] {Losses.mse(), Losses.binaryCrossEntropyWithLogits()}) {
            GradCheck.Result r = GradCheck.check(x -> loss.apply(x[0], target.sigmoid()), output);
            assertTrue(r.passed(1e-2), loss + ": " + r);
        }
    }

    @Test
    void mismatchedShapesAreExplained() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse().apply(output, Tensor.zeros(2, 3)));
        assertEquals("mse: the output has shape [2, 2] but the target [2, 3]; they must match", e.getMessage());
    }

    @Test
    void aLabelWithoutAnOutputSaysHowManyOutputsTheModelHas() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy().apply(Tensor.zeros(2, 5), Tensor.of(new float[] {1, 9})));
        assertEquals("crossEntropy: label 9 (example 1 of the batch) has no output: the model has 5 outputs, for"
                + " classes 0..4, but the data has at least 10 classes; end the model with dense(10) or more",
                e.getMessage());
    }
}
