package dl.train;

import static dl.optim.Optimizers.adam;
import static dl.optim.Optimizers.sgd;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.nn.Net;
import dl.optim.Optimizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class LearningRateFinderTest {

    @Test
    void theSuggestedRateTrainsWellInOneEpoch() {
        Dataset train = TrainerTest.circles(400, 1);
        Net model = TrainerTest.model();
        LearningRateSearch search = model.findLearningRate(train);
        double rate = search.suggestion();
        assertTrue(rate > 1e-4 && rate < 10, search.toString());

        double before = model.evaluate(train).loss();
        model.fit(train, epochs(1).batch(32).optimizer(sgd(rate)).quiet());
        double after = model.evaluate(train).loss();
        assertTrue(after < 0.9 * before, search + ": loss " + before + " -> " + after + " in one epoch");
    }

    @Test
    void ratesRiseByTheSameFactorAndTheTestStopsWhenTheLossBlowsUp() {
        LearningRateSearch search = TrainerTest.model().findLearningRate(TrainerTest.circles(400, 1));
        double[] rates = search.rates();
        assertEquals(1e-7, rates[0], 1e-12);
        double factor = Math.pow(10 / 1e-7, 1 / 99.0);
        assertEquals(factor, rates[50] / rates[49], 1e-4);
        assertTrue(rates.length <= LearningRateFinder.STEPS);
        double[] smoothed = search.smoothed();
        double best = java.util.Arrays.stream(smoothed).min().orElseThrow();
        assertTrue(rates.length == LearningRateFinder.STEPS || smoothed[smoothed.length - 1] > 4 * best,
                "stopped early only once the loss passed 4 times its best: " + search);
        assertTrue(search.toString().startsWith("learning rate: "), search.toString());
    }

    @Test
    void theModelAndTheOptimizerAreAsTheyWereAfterTheTest() {
        Net model = TrainerTest.model();
        Dataset train = TrainerTest.circles(400, 1);
        Optimizer adam = adam(0.01);
        model.fit(train, epochs(1).optimizer(adam).quiet());   // an optimizer with state: t, m and v
        Map<String, float[]> optimizerBefore = adam.state();
        Map<String, float[]> weightsBefore = copy(model);

        model.findLearningRate(train, epochs(1).optimizer(adam));

        Map<String, float[]> weightsAfter = copy(model);
        assertEquals(weightsBefore.keySet(), weightsAfter.keySet());
        weightsBefore.forEach((name, w) -> assertArrayEquals(w, weightsAfter.get(name), name));
        assertEquals(0.01f, adam.learningRate(), "the optimizer's own rate is back");
        Map<String, float[]> optimizerAfter = adam.state();
        assertEquals(optimizerBefore.keySet(), optimizerAfter.keySet());
        optimizerBefore.forEach((name, s) -> assertArrayEquals(s, optimizerAfter.get(name), name));
    }

    @Test
    void plotsTheLossAgainstTheRateOnALogAxis() {
        LearningRateSearch search = TrainerTest.model().findLearningRate(TrainerTest.circles(200, 1));
        XYChart chart = search.plot();
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertArrayEquals(search.smoothed(), chart.getSeriesMap().get("smoothed").getYData());
        assertEquals(3, chart.getSeriesMap().size(), "loss, smoothed, the suggestion");
    }

    private static Map<String, float[]> copy(Net model) {
        Map<String, float[]> copy = new java.util.LinkedHashMap<>();
        model.state().forEach((name, t) -> copy.put(name, t.toFloatArray()));
        return copy;
    }
}
