package dl.train;

import dl.autograd.NoGrad;
import dl.backend.Backend;
import dl.backend.Device;
import dl.backend.StepMemory;
import dl.data.Batch;
import dl.data.DataLoader;
import dl.data.Dataset;
import dl.nn.Module;
import dl.nn.Net;
import dl.nn.loss.Loss;
import dl.optim.Optimizer;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The training loop of {@code model.fit(data, config)}. For each epoch, for each shuffled mini-batch:
 * <pre>
 *   optimizer.zeroGrad();  output = model(x);  L = loss(output, target);  L.backward();  optimizer.step()
 * </pre>
 * then the validation data is evaluated (and a checkpoint written, if asked). When the steps run dl-core's code alone
 * ({@link LibraryCode}), each step's temporaries are reused by the next (see {@link StepMemory}). The setup is
 * checked before the first step ({@link FitChecks}); a loss that is not a number or explodes stops training with the
 * step and a hint ({@link Divergence}); a set cancel flag or the notebook's stop button stops it at the next batch;
 * early stopping keeps the best epoch's weights. Losses are reported per example ({@link History#lossScale()}).
 */
public final class Trainer {

    private static volatile Supplier<TrainingListener> progressDisplay = () -> new ConsoleProgress(System.out);

    /** The models being trained now, each with the thread training it: one fit per model at a time. */
    private static final Map<Module, Thread> training = Collections.synchronizedMap(new IdentityHashMap<>());

    /** What the activations of one evaluation batch may take. */
    static final long EVALUATION_BYTES = 64L << 20;

    private Trainer() {
    }

    /**
     * Where {@code fit} shows its progress unless told to be quiet: a line on the console by default; the notebook
     * kernel puts its in-place display here.
     */
    public static void showProgressWith(Supplier<TrainingListener> display) {
        progressDisplay = display;
    }

    /**
     * Trains {@code model}, a {@link Net} or any {@link Module}, on {@code train} as {@code config} says; see
     * {@link Net#fit}.
     */
    public static History fit(Module model, Dataset train, Fit config) {
        claim(model);
        AtomicBoolean interrupt = Interrupt.trainingStarted();
        try {
            return train(model, train, config, interrupt);
        } finally {
            Interrupt.trainingEnded(interrupt);
            training.remove(model);
        }
    }

    /** Refuses a second fit of a model while one runs: the two would mix their steps into the same weights. */
    private static void claim(Module model) {
        Thread other = training.putIfAbsent(model, Thread.currentThread());
        if (other != null) {
            throw new IllegalStateException("fit: this model is already being trained, by a fit on thread '"
                    + other.getName() + "'; two fits of one model would mix their steps into the same weights."
                    + " Wait for that fit to return, or train a second model built the same way");
        }
    }

    /** {@link #fit} unseen by {@link Interrupt}: the {@link Warmup} is no training of the student's. */
    static History train(Module model, Dataset train, Fit config) {
        return train(model, train, config, new AtomicBoolean());
    }

    private static History train(Module model, Dataset train, Fit config, AtomicBoolean interrupt) {
        FitChecks.beforeTraining(model, train, config);
        if (model instanceof Net net && Arrays.equals(net.outputShape(), new int[] {train.classes()})) {
            net.classNames(train.classNames());   // its answers named as the data's
        }
        Backend backend = Device.current().backend();
        try (StepMemory memory = LibraryCode.only(model, config) ? backend.stepMemory() : StepMemory.NONE) {
            return new Run(model, train, config, memory, interrupt).run();
        }
    }

    /**
     * Loss (per example, as in training) and accuracy over a whole dataset, in evaluation mode, a batch of
     * {@link #evaluationBatch} examples at a time. When the model and the loss are dl-core's own ({@link LibraryCode}),
     * each batch's arrays serve the next, as a training step's serve the next step: fresh ones for every batch would
     * be garbage that outlives the collector's young generation and fills the heap. Inside {@code fit} the training
     * loop owns the memory, and its validation pass allocates each batch's arrays anew.
     */
    public static Evaluation evaluate(Module model, Dataset data, Loss loss) {
        FitChecks.notEmpty(data, "evaluate: the data");
        DataLoader loader = new DataLoader(data, evaluationBatch(model), false, 0);
        double lossSum = 0;
        int correct = 0;
        try (StepMemory memory = batchMemory(model, loss)) {
            for (int[] indices : loader.epoch(0)) {
                Batch batch = data.batch(indices);
                Tensor output = outputOf(model, batch.inputs());
                lossSum += perExample(loss, loss.apply(output, batch.targets()).item(), batch.size()) * batch.size();
                correct += batch.labels() == null ? 0 : Metrics.correct(output, batch.labels());
                memory.endStep();   // this batch's arrays serve the next batch
            }
        }
        return new Evaluation(lossSum / data.size(), data.hasLabels() ? (double) correct / data.size() : Double.NaN,
                loss.name());
    }

    /**
     * A memory whose batches reuse the arrays of the batch before, when the model and the loss are dl-core's own;
     * a lazily built net makes its weights first, outside it, so that no batch is given them.
     */
    private static StepMemory batchMemory(Module model, Loss loss) {
        if (!(model instanceof Net net && LibraryCode.only(net, loss))) {
            return StepMemory.NONE;
        }
        net.build();
        return Device.current().backend().stepMemory();
    }

    /**
     * The output for a batch in evaluation mode, without a graph: {@link Net#outputs}, which restores the net's
     * mode; a hand-written module is left in evaluation mode (fit sets training mode at each epoch).
     */
    static Tensor outputOf(Module model, Tensor inputs) {
        if (model instanceof Net net) {
            return net.outputs(inputs);
        }
        model.eval();
        try (var off = NoGrad.scope()) {
            return model.forward(inputs);
        }
    }

    /**
     * How many examples a model is evaluated on at once: 1000, or fewer when the activations of one example are
     * large, so that a batch's stay under {@link #EVALUATION_BYTES} (a thousand 48 x 48 images through 64 filters
     * would take gigabytes). A hand-written module, whose activations are not known, takes 1000.
     */
    public static int evaluationBatch(Module model) {
        long perExample = model instanceof Net net ? net.summary().activationBytes() : -1;
        return perExample <= 0 ? 1000 : (int) Math.max(1, Math.min(1000, EVALUATION_BYTES / perExample));
    }

    /** A batch's loss per example: a summed loss divided by the batch's examples, a mean loss as it is. */
    static float perExample(Loss loss, float value, int examples) {
        return loss.summed() ? value / examples : value;
    }

    /**
     * A model's loss (per example) and accuracy on some data, and which loss it is:
     * {@code loss 0.1234 (sse per example), accuracy 95.0%}.
     */
    public record Evaluation(double loss, double accuracy, String lossName) {

        @Override
        public String toString() {
            String of = Double.isNaN(accuracy) ? "" : String.format(Locale.ROOT, ", accuracy %.1f%%", 100 * accuracy);
            return String.format(Locale.ROOT, "loss %.4f (%s per example)%s", loss, lossName, of);
        }
    }

    /** One call of {@code fit}: the loop over epochs and batches, and what it keeps track of. */
    private static final class Run {

        private final Module model;
        private final Dataset data;
        private final Fit config;
        private final StepMemory memory;
        private final AtomicBoolean interrupt;
        private final Optimizer optimizer;
        private final List<TrainingListener> listeners;
        private final DataLoader loader;
        private final History history;
        private final Divergence divergence = new Divergence();
        private final Recorder recorder;
        private int step;

        Run(Module model, Dataset data, Fit config, StepMemory memory, AtomicBoolean interrupt) {
            this.model = model;
            this.data = data;
            this.config = config;
            this.memory = memory;
            this.interrupt = interrupt;
            Optimizer bound = config.optimizerOrDefault().bind(model.parameters());
            this.optimizer = model instanceof Net net ? net.lastOptimizer(bound) : bound;   // what save() writes
            this.listeners = new ArrayList<>(config.listeners);
            if (!config.quiet) {
                listeners.add(progressDisplay.get());
            }
            DataLoader plain = new DataLoader(data, config.batchSize, true, config.seed);
            this.loader = config.augmentation == null ? plain : plain.augment(config.augmentation);
            this.history = new History(config.loss);
            this.recorder = new Recorder(model, history, loader.batches());   // rates, histograms (History)
            listeners.add(recorder);
        }

        /** Trains, and says in the History why it stopped: never "finished" after a failure. */
        History run() {
            listeners.forEach(l -> l.onStart(history));
            try {
                epochs();
            } catch (RuntimeException e) {
                history.stop(e instanceof TrainingDiverged ? "diverged" : "failed", 0);
                throw e;
            } finally {
                model.eval();
                listeners.forEach(l -> l.onEnd(history));
            }
            return history;
        }

        private void epochs() {
            EarlyStopping early = new EarlyStopping(config.patience);
            for (int epoch = 1; epoch <= config.epochs; epoch++) {
                EpochTally tally = new EpochTally();
                if (!trainEpoch(epoch, tally)) {
                    history.stop("interrupted", 0);
                    return;
                }
                Evaluation validation = config.validation == null ? null : validate();
                History.Epoch row = new History.Epoch(epoch, tally.loss(), tally.accuracy(data.hasLabels()),
                        validation == null ? Double.NaN : validation.loss(),
                        validation == null ? Double.NaN : validation.accuracy(), tally.seconds());
                history.addEpoch(row);
                memory.outside(() -> listeners.forEach(l -> l.onEpoch(row)));
                if (config.checkpoint != null) {
                    checkpoint();
                }
                double watched = validation == null ? row.loss() : validation.loss();
                if (early.enabled() && early.update(model, epoch, watched)) {
                    break;
                }
            }
            early.restoreBest(model);
            history.stop(early.stopped() ? "early stopping" : "finished", early.bestEpoch());
        }

        /**
         * Writes the epoch's checkpoint: a Net's as {@code model.save} writes it (architecture, weights, optimizer
         * state), so that {@code Net.load(file)} resumes the run; the weights and optimizer state alone for another
         * module, or for a Net with a layer the DSL cannot write.
         */
        private void checkpoint() {
            if (model instanceof Net net && net.layers().stream().allMatch(layer -> layer.spec() != null)) {
                net.save(config.checkpoint);
            } else {
                Checkpoint.save(config.checkpoint, model.state(), optimizer.state());
            }
        }

        /**
         * The validation set's loss and accuracy, outside the step's memory: recorded there, every array of the
         * pass would be held until the next step (gigabytes for a CNN on a few thousand images).
         */
        private Evaluation validate() {
            Evaluation[] result = new Evaluation[1];
            memory.outside(() -> result[0] = evaluate(model, config.validation, config.loss));
            return result[0];
        }

        /** One pass over the shuffled batches; false when it was cancelled or interrupted. */
        private boolean trainEpoch(int epoch, EpochTally tally) {
            model.train();
            List<int[]> batches = loader.epoch(epoch - 1);
            for (int b = 0; b < batches.size(); b++) {
                if (config.cancel.get() || interrupt.get()) {
                    return false;
                }
                Batch batch = loader.batch(epoch - 1, b, batches.get(b));
                step(batch, epoch, b + 1, tally);
                Progress progress = tally.progress(epoch, config.epochs, batches.size(), data.size(),
                        data.hasLabels());
                memory.outside(() -> listeners.forEach(l -> l.onBatch(progress)));   // what they keep is theirs
                memory.endStep();   // the step's temporaries serve the next step
            }
            return true;
        }

        /** One step: forward, loss, backward, update; the batch's loss and right answers go into the tally. */
        private void step(Batch batch, int epoch, int batchNumber, EpochTally tally) {
            Tensor output = model.forward(batch.inputs());
            Tensor loss = config.loss.apply(output, batch.targets());
            float value = perExample(config.loss, loss.item(), batch.size());
            step++;
            if (divergence.diverged(value)) {
                throw new TrainingDiverged(divergence.what(value), divergence.why(value), step, epoch, batchNumber,
                        optimizer.learningRate(), history);
            }
            optimizer.zeroGrad();   // a gradient left by an attack or a student's own backward() must not add in
            loss.backward();
            recorder.beforeUpdate(batchNumber, optimizer);
            optimizer.step();
            optimizer.zeroGrad();   // the gradients sit in the step's memory, which the next step reuses
            history.addStep(value);
            tally.add(value, batch.size(), batch.labels() == null ? 0 : Metrics.correct(output, batch.labels()));
        }
    }
}
