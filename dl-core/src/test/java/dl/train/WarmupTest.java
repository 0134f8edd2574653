package dl.train;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.momentum;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.data.Dataset;
import dl.data.ToySets;
import dl.nn.Net;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The warm-up gets the CPU backend's code compiled, and a student's training is bit for bit the same after it. Not
 * run on the reference device: the warm-up is for the CPU's kernels, and the reference's plain loops, summing in
 * double, give the same numbers compiled or not.
 */
@DisabledIfSystemProperty(named = "dl.device", matches = "reference", disabledReason = "the CPU backend's warm-up")
class WarmupTest {

    private static float[] trainedWeights() {
        Net model = net(input(2)).dense(8).sigmoid().dense(8).relu().dense(2).seed(5);
        Dataset spirals = ToySets.spirals(200, 0.1, 3);
        model.fit(spirals, epochs(3).batch(16).optimizer(momentum(0.1, 0.9)).seed(7).quiet());
        return model.weights("dense1").toFloatArray();
    }

    @Test
    void aWarmUpLeavesTheStudentsTrainingBitForBitAsItWas() {
        float[] before = trainedWeights();
        Warmup.run();
        assertArrayEquals(before, trainedWeights());
    }

    @Test
    void theBackgroundWarmUpGivesWayWhenAsked() {
        AtomicInteger looks = new AtomicInteger();
        assertEquals(16, Warmup.warmUp(() -> looks.incrementAndGet() > 2), "two rounds of 8 batches, then stop");
        var fit = Interrupt.trainingStarted();
        try {
            assertEquals(0, Warmup.warmUp(Interrupt::trainingRunning), "a running fit stops the background warm-up");
        } finally {
            Interrupt.trainingEnded(fit);
        }
    }
}
