package dl.train;

import dl.data.Augmentation;
import dl.data.Dataset;
import dl.nn.loss.Loss;
import dl.nn.loss.Losses;
import dl.optim.Optimizer;
import dl.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How to train, read as a sentence: {@code epochs(3).batch(64).loss(crossEntropy()).optimizer(adam(1e-3f))
 * .validation(data.test())}. Every setting has a default: 1 epoch, batches of 32, cross-entropy, SGD with
 * learning rate 0.01, no validation, seed 0, a progress line on the console.
 *
 * <p>One config can train several models. Its optimizer's state (Adam's moments, the step count of a schedule)
 * belongs to the model it last trained: a second {@code fit} of the same model goes on from it, as calling Keras's
 * {@code model.fit} twice does; a {@code fit} of another model starts that model from a fresh state, as a new
 * optimizer would. To restart one model's optimizer, give the config a new one: {@code .optimizer(adam(1e-3))}.
 */
public final class Fit {

    int epochs = 1;
    int batchSize = 32;
    Loss loss = Losses.crossEntropy();
    Optimizer optimizer;
    Dataset validation;
    long seed;
    int patience;
    Augmentation augmentation;
    java.nio.file.Path checkpoint;
    final List<TrainingListener> listeners = new ArrayList<>();
    AtomicBoolean cancel = new AtomicBoolean();
    boolean quiet;

    private Fit(int epochs) {
        this.epochs = epochs;
    }

    /** Starts a configuration: train for {@code n} passes over the data. */
    public static Fit epochs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("epochs(" + n + "): train for at least one epoch");
        }
        return new Fit(n);
    }

    /** Examples per gradient step. */
    public Fit batch(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch(" + size + "): a batch holds at least one example");
        }
        this.batchSize = size;
        return this;
    }

    /** The loss to minimise: {@code loss(crossEntropy())}, {@code loss(sumSquaredError())} for nn1. */
    public Fit loss(Loss loss) {
        this.loss = loss;
        return this;
    }

    /** The loss this configuration trains with: cross-entropy unless {@link #loss(Loss)} set another. */
    public Loss loss() {
        return loss;
    }

    /** The optimizer, unbound: {@code adam(1e-3f)}; fit binds it to the model's parameters. */
    public Fit optimizer(Optimizer optimizer) {
        this.optimizer = optimizer;
        return this;
    }

    /**
     * Data to measure loss and accuracy on after each epoch, never trained on. Its first example goes through the
     * model before the first step, so that data of another shape fails at once.
     */
    public Fit validation(Dataset data) {
        this.validation = data;
        return this;
    }

    /** Changes each training batch before it is seen: {@code augment(Augmentation.flip().then(crop(4)))}. */
    public Fit augment(Augmentation augmentation) {
        this.augmentation = augmentation;
        return this;
    }

    /**
     * Saves the weights and the optimizer's state to {@code file} after every epoch (whole or not at all), so a
     * long run can be resumed: a {@code Net}'s file is the one {@code model.save(file)} writes, so
     * {@code Net.load(file)} rebuilds the model of the last finished epoch and its next {@code fit} goes on with the
     * saved optimizer state; {@link Checkpoint#load} reads the weights of any model. Its folder is tried before the
     * first step.
     */
    public Fit checkpoint(java.nio.file.Path file) {
        this.checkpoint = file;
        return this;
    }

    /** The seed of the shuffling (the weights have the model's own seed). */
    public Fit seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Early stopping: stop when the validation loss (the training loss without validation data) has not improved
     * for {@code patience} epochs, and keep the weights of the best epoch.
     */
    public Fit earlyStopping(int patience) {
        this.patience = patience;
        return this;
    }

    /** Someone to tell about each batch and epoch (the notebook's live progress line). */
    public Fit listener(TrainingListener listener) {
        this.listeners.add(listener);
        return this;
    }

    /** A flag that stops training at the next batch when set (the notebook's interrupt); the model is kept. */
    public Fit cancel(AtomicBoolean flag) {
        this.cancel = flag;
        return this;
    }

    /** No progress line on the console. */
    public Fit quiet() {
        this.quiet = true;
        return this;
    }

    Optimizer optimizerOrDefault() {
        return optimizer != null ? optimizer : Optimizers.sgd(0.01f);
    }
}
