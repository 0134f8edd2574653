package dl.attack;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.momentum;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttacksTest {

    /** A linear classifier of 16-pixel "images", trained until it is right on all of them. */
    private static Net trained(Tensor images, int[] labels) {
        Net model = net(input(16)).dense(2).seed(0);
        model.fit(Dataset.of(images.toFloatArray(), new int[] {16}, labels, 2),
                epochs(100).batch(labels.length).optimizer(momentum(0.5f, 0.5f)).quiet());
        return model;
    }

    @Test
    void fgsmChangesAnswersWithinEpsilon() {
        Random rng = new Random(1);
        int n = 20;
        int[] labels = new int[n];
        float[] pixels = new float[n * 16];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < 16; p++) {   // class 1 slightly brighter on the left half
                pixels[i * 16 + p] = 0.5f + (p < 8 == (labels[i] == 1) ? 0.05f : -0.05f) + 0.01f * rng.nextFloat();
            }
        }
        Tensor images = Tensor.of(pixels, n, 16);
        Net model = trained(images, labels);
        Attacks.Result result = Attacks.fgsm(model, images, labels, 0.1f);
        assertArrayEquals(labels, result.before(), "the model was right before");
        assertTrue(result.changed() > n / 2, "FGSM changed " + result.changed() + " of " + n + " answers");
        assertTrue(result.perturbation().abs().max().item() <= 0.1f + 1e-6f, "no pixel moved more than epsilon");

        Attacks.Result pgd = Attacks.pgd(model, images, labels, 0.1f, 0.02f, 10);
        assertTrue(pgd.changed() >= result.changed(), "PGD is at least as strong here");
        assertTrue(pgd.adversarial().min().item() >= 0f, "pixels stay in [0, 1]");
    }

    @Test
    void anAttackLeavesNoGradientOnTheParameters() {
        Tensor images = Tensor.rand(new Random(2), 4, 16);
        int[] labels = {0, 1, 0, 1};
        Net model = trained(images, labels);
        Attacks.fgsm(model, images, labels, 0.1f);
        Attacks.pgd(model, images, labels, 0.1f, 0.02f, 3);
        for (Tensor p : model.parameters()) {
            assertNull(p.grad(), "a later fit would add this gradient into its first step");
        }
    }

    @Test
    void aDatasetIsAttackedWholeAndTheAccuracyLeftIsCounted() {
        Tensor images = Tensor.rand(new Random(3), 6, 16);
        int[] labels = {0, 1, 0, 1, 0, 1};
        Net model = trained(images, labels);
        Dataset data = Dataset.of(images.toFloatArray(), new int[] {16}, labels, 2);
        Attacks.Result byData = Attacks.fgsm(model, data, 0.1);
        assertArrayEquals(Attacks.fgsm(model, images, labels, 0.1).after(), byData.after(), "the same attack");
        assertEquals(1.0 - byData.changed() / 6.0, byData.accuracy(labels), 1e-9, "right before, so right = unchanged");
        assertEquals(1.0, Attacks.pgd(model, data, 0, 0.01, 3).accuracy(labels), 1e-9, "epsilon 0 changes nothing");
    }
}
