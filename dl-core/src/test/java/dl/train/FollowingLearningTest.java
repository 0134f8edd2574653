package dl.train;

import static dl.optim.Optimizers.sgd;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Net;
import dl.optim.LearningRate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the course's nn2 logged for TensorBoard, kept by every fit: step scalars and per-epoch histograms. */
class FollowingLearningTest {

    @Test
    void everyStepKeepsItsLossAndTheLearningRateItWasTakenWith() {
        Net model = TrainerTest.model();
        History history = model.fit(TrainerTest.circles(400, 1),
                epochs(2).batch(32).optimizer(sgd(0.1).schedule(LearningRate.stepDecay(0.1, 0.5, 10))).quiet());
        List<Double> rates = history.learningRates();
        assertEquals(history.stepLosses().size(), rates.size(), "one rate per step");
        assertEquals(0.1, rates.get(0), 1e-7);
        assertEquals(0.05, rates.get(10), 1e-7, "the rate of step 11, halved after ten steps");
        assertEquals(0.025, rates.get(25), 1e-7);
    }

    @Test
    void afterEachEpochEveryParameterHasAHistogramOfItsWeightsAndOfItsLastGradient() {
        Net model = TrainerTest.model();
        String first = model.namedParameters().keySet().iterator().next();
        double eta = 0.1;
        float[][] beforeLastStep = new float[1][];
        TrainingListener watch = new TrainingListener() {
            @Override
            public void onBatch(Progress p) {
                if (p.epoch() == 2 && p.batch() == p.batches() - 1) {
                    beforeLastStep[0] = model.namedParameters().get(first).toFloatArray();
                }
            }
        };
        History history = model.fit(TrainerTest.circles(400, 1),
                epochs(2).batch(32).optimizer(sgd(eta)).listener(watch).quiet());

        Map<String, List<Histogram>> weights = history.weightHistograms();
        assertEquals(model.namedParameters().keySet(), weights.keySet());
        float[] after = model.namedParameters().get(first).toFloatArray();
        Histogram lastWeights = weights.get(first).get(1);
        assertEquals(2, lastWeights.epoch());
        assertEquals(after.length, java.util.Arrays.stream(lastWeights.counts()).sum());
        assertArrayEquals(Histogram.of(2, after).counts(), lastWeights.counts(), "the weights the epoch left");

        // Plain SGD took w_after = w_before - eta g: the recorded gradient is the one of the last step.
        float[] gradient = new float[after.length];
        for (int i = 0; i < after.length; i++) {
            gradient[i] = (float) ((beforeLastStep[0][i] - after[i]) / eta);
        }
        Histogram lastGradient = history.gradientHistograms().get(first).get(1);
        assertTrue(lastGradient.std() > 0, "taken before zeroGrad: " + lastGradient);
        assertEquals(Histogram.of(2, gradient).mean(), lastGradient.mean(), 1e-5);
        assertEquals(Histogram.of(2, gradient).std(), lastGradient.std(), 1e-5);
    }

    @Test
    void aHistogramCountsTheValuesInThirtyEqualBins() {
        Histogram h = Histogram.of(1, new float[] {0, 1, 2, 3});
        assertEquals(0, h.edges()[0]);
        assertEquals(3, h.edges()[Histogram.BINS], 1e-12);
        assertEquals(1, h.counts()[0]);
        assertEquals(1, h.counts()[Histogram.BINS - 1], "the largest value falls in the last bin");
        assertEquals(4, java.util.Arrays.stream(h.counts()).sum());
        assertEquals(1.5, h.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), h.std(), 1e-12);

        Histogram zeros = Histogram.of(1, new float[8]);   // a bias before training
        assertEquals(8, zeros.counts()[Histogram.BINS / 2], zeros.toString());
    }
}
