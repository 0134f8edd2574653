package dl.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeNet5Test {

    @Test
    void hasTheParameterCountOfTheSlidesTable() {
        assertEquals(61_706, new LeNet5(new Random(0)).parameterCount());
    }

    @Test
    void mapsABatchOfImagesToTenLogits() {
        Tensor logits = new LeNet5(new Random(0)).forward(Tensor.rand(new Random(1), 3, 1, 28, 28));
        assertArrayEquals(new int[] {3, 10}, logits.shape());
    }

    @Test
    void learnsToTellTwoPatternsApart() {
        // images that are bright either on the left or on the right half; labels 0 and 1
        Random rng = new Random(2);
        int n = 32;
        float[] pixels = new float[n * 28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean lit = (c < 14) == (labels[i] == 0);
                    pixels[i * 784 + r * 28 + c] = (lit ? 0.8f : 0.1f) + 0.1f * rng.nextFloat();
                }
            }
        }
        Tensor images = Tensor.of(pixels, n, 1, 28, 28);
        LeNet5 model = new LeNet5(new Random(0));
        Training.Momentum sgd = new Training.Momentum(model.parameters(), 0.05f, 0.9f);
        float first = 0, last = 0;
        for (int step = 0; step < 30; step++) {
            Tensor loss = Training.crossEntropy(model.forward(images), labels);
            loss.backward();
            sgd.step();
            if (step == 0) {
                first = loss.item();
            }
            last = loss.item();
        }
        assertTrue(last < first / 4, "loss fell from " + first + " to " + last);
    }

    @Test
    void momentumFollowsItsFormula() {
        // v <- mu v + g ; w <- w - eta v, with g = dL/dw = 2w for L = sum(w^2)
        Tensor w = Tensor.of(new float[] {1, -2}).requiresGrad();
        Training.Momentum sgd = new Training.Momentum(List.of(w), 0.1f, 0.9f);
        w.mul(w).sum().backward();
        sgd.step();                        // v = [2, -4],            w = [0.8, -1.6]
        assertArrayEquals(new float[] {0.8f, -1.6f}, w.toFloatArray(), 1e-6f);
        w.mul(w).sum().backward();
        sgd.step();                        // v = 0.9 v + [1.6, -3.2] = [3.4, -6.8], w = [0.46, -0.92]
        assertArrayEquals(new float[] {0.46f, -0.92f}, w.toFloatArray(), 1e-6f);
    }

    @Test
    void crossEntropyOfAConfidentRightAnswerIsSmall() {
        Tensor logits = Tensor.of(new float[][] {{10, 0, 0}, {0, 0, 0}});
        // row 0: -log(e^10 / (e^10 + 2)); row 1: -log(1/3)
        float expected = (float) ((-Math.log(Math.exp(10) / (Math.exp(10) + 2)) + Math.log(3)) / 2);
        assertEquals(expected, Training.crossEntropy(logits, new int[] {0, 2}).item(), 1e-6f);
    }
}
