package dl.train;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.adam;
import static dl.optim.Optimizers.momentum;
import static dl.optim.Optimizers.sgd;
import static dl.train.Fit.epochs;
import static dl.train.TrainerTest.circles;
import static dl.train.TrainerTest.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.nn.loss.Losses;
import dl.optim.Optimizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void tenStepsInARowFarAboveTheFirstLossAreDivergence() {
        Divergence watch = new Divergence();
        assertFalse(watch.diverged(2.3f), "the first step sets the scale");
        for (int i = 0; i < 9; i++) {
            assertFalse(watch.diverged(500f), "nine bad batches in a row may still be noise");
        }
        assertFalse(watch.diverged(1f), "and the count starts again after a good one");
        for (int i = 0; i < 9; i++) {
            assertFalse(watch.diverged(500f));
        }
        assertTrue(watch.diverged(500f));
        assertTrue(new Divergence().diverged(Float.NaN));
    }

    /** A tanh layer saturates: the loss grows with the last layer's weights to about 1e6, and stays finite. */
    @Test
    void aLossThatExplodesStopsTrainingThoughItStaysFinite() {
        for (Optimizer huge : new Optimizer[] {sgd(1e6), adam(1e6)}) {
            var e = assertThrows(TrainingDiverged.class,
                    () -> model().fit(circles(100, 1), epochs(20).batch(10).optimizer(huge).quiet()));
            assertTrue(e.getMessage().matches("training diverged: the loss per example was \\S+ at step \\d+ \\(epoch"
                    + " \\d+, batch \\d+\\), over 100 times the first step's \\S+ for 10 steps in a row\\. Try a lower"
                    + " learning rate than 1000000.0, or check the inputs for NaN or huge values"), e.getMessage());
            assertEquals("diverged", e.history().stoppedBecause());
            assertTrue(e.history().stepLosses().size() < 100, "it stopped within the first epochs");
        }
    }

    /** The noisiest training of the course's models: one example per step, labels that are noise. */
    @Test
    void noisyTrainingOfTheCourseModelsIsNoDivergence() {
        History oneAtATime = model().fit(circles(200, 1), epochs(5).batch(1).optimizer(sgd(0.5)).quiet());
        assertEquals("finished", oneAtATime.stoppedBecause());

        Dataset noise = randomImages(256);
        History mlp = net(input(1, 28, 28)).flatten().dense(64).sigmoid().dense(32).relu().dense(10).seed(0)
                .fit(noise, epochs(10).batch(4).optimizer(momentum(0.05, 0.9)).quiet());
        assertEquals("finished", mlp.stoppedBecause());

        History perceptron = net(input(1, 28, 28)).flatten().dense(10).sigmoid().seed(0).fit(noise,
                epochs(10).batch(4).loss(Losses.sumSquaredError()).optimizer(sgd(1)).quiet());
        assertEquals("finished", perceptron.stoppedBecause());
    }

    private static Dataset randomImages(int n) {
        Random rng = new Random(7);
        float[] pixels = new float[n * 28 * 28];
        float[] targets = new float[n * 10];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            targets[i * 10 + rng.nextInt(10)] = 1;
        }
        return Dataset.classTargets(pixels, new int[] {1, 28, 28}, targets, 10);
    }
}
