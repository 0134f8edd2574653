package dl.train;

import dl.backend.StepMemory;
import dl.backend.Storage;
import dl.data.Batch;
import dl.data.DataLoader;
import dl.data.Dataset;
import dl.nn.Net;
import dl.nn.loss.Loss;
import dl.optim.Optimizer;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The training loop of {@code model.fit(data, config)}. For each epoch, for each shuffled mini-batch:
 * <pre>
 *   output = model(x);  L = loss(output, target);  L.backward();  optimizer.step();  optimizer.zeroGrad()
 * </pre>
 * then the validation data is evaluated (and a checkpoint written, if asked). Each step's temporaries are reused
 * by the next (see {@link StepMemory}). A loss that is not a number stops
 * training with the step and a hint; a set cancel flag stops it at the next batch; early stopping keeps the best
 * epoch's weights.
 */
public final class Trainer {

    private static volatile Supplier<TrainingListener> progressDisplay = () -> new ConsoleProgress(System.out);

    private Trainer() {
    }

    /**
     * Where {@code fit} shows its progress unless told to be quiet: a line on the console by default; the notebook
     * kernel puts its in-place display here.
     */
    public static void showProgressWith(Supplier<TrainingListener> display) {
        progressDisplay = display;
    }

    public static History fit(Net model, Dataset train, Fit config) {
        Interrupt.trainingStarted();
        try {
            return train(model, train, config);
        } finally {
            Interrupt.trainingEnded();
        }
    }

    /** {@link #fit} unseen by {@link Interrupt#trainingRunning}: the {@link Warmup} is no training of the student's. */
    static History train(Net model, Dataset train, Fit config) {
        List<Tensor> parameters = model.parameters();
        try (StepMemory memory = parameters.isEmpty() ? StepMemory.NONE
                : parameters.get(0).backend().stepMemory()) {
            return train(model, train, config, memory);
        }
    }

    private static History train(Net model, Dataset train, Fit config, StepMemory memory) {
        Optimizer optimizer = config.optimizerOrDefault().bind(model.parameters());
        List<TrainingListener> listeners = new ArrayList<>(config.listeners);
        if (!config.quiet) {
            listeners.add(progressDisplay.get());
        }
        DataLoader loader = new DataLoader(train, config.batchSize, true, config.seed);
        if (config.augmentation != null) {
            loader = loader.augment(config.augmentation);
        }
        History history = new History();
        EarlyStopping early = new EarlyStopping(config.patience);
        int step = 0;
        for (int epoch = 1; epoch <= config.epochs; epoch++) {
            model.train();
            long start = System.nanoTime();
            double lossSum = 0;
            int seen = 0, correct = 0, batchNumber = 0, firstBatchSize = 0;
            long firstBatchEnd = start;
            List<int[]> batches = loader.epoch(epoch - 1);
            for (int[] indices : batches) {
                if (config.cancel.get() || Interrupt.requested()) {
                    history.stop("interrupted", 0);
                    model.eval();
                    listeners.forEach(l -> l.onEnd(history));
                    return history;
                }
                Batch batch = loader.batch(epoch - 1, batchNumber, indices);
                Tensor output = model.forward(batch.inputs());
                Tensor loss = config.loss.apply(output, batch.targets());
                float value = loss.item();
                step++;
                if (!Float.isFinite(value)) {
                    throw new TrainingDiverged(value, step, epoch, batchNumber + 1, optimizer.learningRate());
                }
                loss.backward();
                optimizer.step();
                optimizer.zeroGrad();
                history.addStep(value);
                batchNumber++;
                seen += batch.size();
                lossSum += value * batch.size();
                correct += batch.labels() == null ? 0 : Metrics.correct(output, batch.labels());
                // The speed is measured from the end of the epoch's first batch: that one also pays for the JIT's
                // warm-up, and would promise ten times the real time left. No estimate until there is a second.
                long now = System.nanoTime();
                if (batchNumber == 1) {
                    firstBatchEnd = now;
                    firstBatchSize = seen;
                }
                double rate = batchNumber == 1 ? seen / Math.max((now - start) / 1e9, 1e-9)
                        : (seen - firstBatchSize) / Math.max((now - firstBatchEnd) / 1e9, 1e-9);
                Progress progress = new Progress(epoch, config.epochs, batchNumber, batches.size(), seen,
                        train.size(), lossSum / seen, train.hasLabels() ? (double) correct / seen : Double.NaN,
                        rate, batchNumber == 1 ? Double.NaN : (train.size() - seen) / rate);
                memory.outside(() -> listeners.forEach(l -> l.onBatch(progress)));   // what they keep is theirs
                memory.endStep(kept(model, optimizer));   // the step's temporaries serve the next step
            }
            Evaluation validation = config.validation == null ? null
                    : evaluate(model, config.validation, config.loss);
            History.Epoch row = new History.Epoch(epoch, lossSum / seen,
                    train.hasLabels() ? (double) correct / seen : Double.NaN,
                    validation == null ? Double.NaN : validation.loss(),
                    validation == null ? Double.NaN : validation.accuracy(), (System.nanoTime() - start) / 1e9);
            history.addEpoch(row);
            memory.outside(() -> listeners.forEach(l -> l.onEpoch(row)));
            if (config.checkpoint != null) {
                Checkpoint.save(config.checkpoint, model.state(), optimizer.state());
            }
            if (early.enabled() && early.update(model, epoch,
                    validation == null ? row.loss() : validation.loss())) {
                break;
            }
        }
        if (early.enabled()) {
            early.restoreBest(model);
            history.stop(early.stopped() ? "early stopping" : "finished", early.bestEpoch());
        }
        model.eval();
        listeners.forEach(l -> l.onEnd(history));
        return history;
    }

    /** What outlives a training step: the model's weights and buffers, and the optimizer's slots. */
    public static Set<Storage> kept(Net model, Optimizer optimizer) {
        Set<Storage> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        model.state().values().forEach(t -> keep.add(t.storage()));
        optimizer.slots().forEach(t -> keep.add(t.storage()));
        return keep;
    }

    /** Loss and accuracy over a whole dataset, in evaluation mode, 1000 examples at a time. */
    public static Evaluation evaluate(Net model, Dataset data, Loss loss) {
        DataLoader loader = new DataLoader(data, 1000, false, 0);
        double lossSum = 0;
        int correct = 0;
        for (int[] indices : loader.epoch(0)) {
            Batch batch = data.batch(indices);
            Tensor output = model.predict(batch.inputs());
            lossSum += loss.apply(output, batch.targets()).item() * batch.size();
            correct += batch.labels() == null ? 0 : Metrics.correct(output, batch.labels());
        }
        return new Evaluation(lossSum / data.size(), data.hasLabels() ? (double) correct / data.size() : Double.NaN);
    }

    /** A model's loss and accuracy on some data. */
    public record Evaluation(double loss, double accuracy) {
    }

    /** Remembers the best epoch's weights; says when patience has run out. */
    private static final class EarlyStopping {

        private final int patience;
        private double best = Double.POSITIVE_INFINITY;
        private int bestEpoch;
        private int waited;
        private boolean stopped;
        private Map<String, float[]> bestWeights;

        EarlyStopping(int patience) {
            this.patience = patience;
        }

        boolean enabled() {
            return patience > 0;
        }

        /** True when training should stop. */
        boolean update(Net model, int epoch, double loss) {
            if (loss < best) {
                best = loss;
                bestEpoch = epoch;
                waited = 0;
                bestWeights = new LinkedHashMap<>();
                model.state().forEach((name, t) -> bestWeights.put(name, t.toFloatArray()));
                return false;
            }
            waited++;
            stopped = waited >= patience;
            return stopped;
        }

        void restoreBest(Net model) {
            if (bestWeights != null) {
                model.state().forEach((name, t) -> t.copyFrom(Tensor.of(bestWeights.get(name), t.shape())));
            }
        }

        boolean stopped() {
            return stopped;
        }

        int bestEpoch() {
            return bestEpoch;
        }
    }
}
