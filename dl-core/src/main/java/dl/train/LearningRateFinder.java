package dl.train;

import dl.data.Dataset;
import dl.nn.Net;
import dl.optim.LearningRate;
import dl.optim.Optimizer;
import dl.optim.Optimizers;
import dl.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code model.findLearningRate(data)}: Leslie Smith's learning-rate range test, as fastai's {@code lr_find}
 * runs it. Training starts at a rate of {@link #START} and multiplies it by the same factor at every step, up to
 * {@link #END} at step {@link #STEPS}: {@code eta_t = START (END / START)^(t / (STEPS - 1))}. The loss of each step
 * is smoothed ({@link LearningRateSearch}), and the test stops early when the smoothed loss passes {@link #STOP}
 * times the best so far: the rate has become too large. The weights (and buffers) are copied first and put back
 * after, so the model is as it was; so is the optimizer of the configuration, when one is given.
 */
public final class LearningRateFinder {

    /** The first rate tried. */
    public static final double START = 1e-7;
    /** The last rate tried. */
    public static final double END = 10;
    /** Steps from the first rate to the last. */
    public static final int STEPS = 100;
    /** The test stops when the smoothed loss is this many times the best. */
    public static final double STOP = 4;

    private LearningRateFinder() {
    }

    /**
     * Runs the test on {@code data} with the loss, batch size, seed, augmentation and optimizer of {@code config}
     * (its epochs are not used: the test takes {@link #STEPS} steps, going over the data again if it must).
     */
    public static LearningRateSearch find(Net model, Dataset data, Fit config) {
        Optimizer optimizer = config.optimizer != null ? config.optimizer : Optimizers.sgd(START);
        Map<String, float[]> weights = copy(model.state());
        LearningRate schedule = optimizer.schedule();
        Map<String, float[]> optimizerState = optimizer.state();
        Stopper stopper = new Stopper();
        try {
            optimizer.bind(model.parameters());   // so that its state can be put back whatever happens
            optimizer.schedule(t -> (float) (START * Math.pow(END / START, t / (STEPS - 1.0))));
            model.fit(data, sweep(config, optimizer, stopper, data.size()));
        } catch (TrainingDiverged e) {
            stopper.history = e.history();   // a loss of NaN at a large rate ends the test as passing STOP does
        } finally {
            model.state().forEach((name, t) -> t.copyFrom(Tensor.of(weights.get(name), t.shape())));
            optimizer.schedule(schedule);
            optimizer.loadState(optimizerState);
        }
        return new LearningRateSearch(stopper.history.learningRates(), stopper.history.stepLosses());
    }

    /** The configuration of the test: the student's, with enough epochs for STEPS steps, quiet, stoppable. */
    private static Fit sweep(Fit config, Optimizer optimizer, Stopper stopper, int examples) {
        int batches = (examples + config.batchSize - 1) / config.batchSize;
        Fit sweep = Fit.epochs((STEPS + batches - 1) / batches).batch(config.batchSize).loss(config.loss)
                .optimizer(optimizer).seed(config.seed).listener(stopper).cancel(stopper.stop).quiet();
        return config.augmentation == null ? sweep : sweep.augment(config.augmentation);
    }

    private static Map<String, float[]> copy(Map<String, Tensor> state) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        state.forEach((name, t) -> copy.put(name, t.toFloatArray()));
        return copy;
    }

    /** Stops the test after STEPS steps, or once the smoothed loss has passed STOP times its best. */
    private static final class Stopper implements TrainingListener {

        final AtomicBoolean stop = new AtomicBoolean();
        History history;

        @Override
        public void onStart(History started) {
            this.history = started;
        }

        @Override
        public void onBatch(Progress progress) {
            List<Double> losses = history.stepLosses();
            double[] smoothed = LearningRateSearch.smooth(losses);
            double last = smoothed[smoothed.length - 1];
            double best = java.util.Arrays.stream(smoothed).min().orElseThrow();
            if (losses.size() >= STEPS || last > STOP * best) {
                stop.set(true);
            }
        }
    }
}
