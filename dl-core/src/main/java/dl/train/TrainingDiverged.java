package dl.train;

import java.util.Locale;

/**
 * Training produced a loss that is not a number, or one that exploded (see {@link Divergence}): where, and what to
 * try. {@link #history()} keeps the epochs and steps before it.
 */
public final class TrainingDiverged extends IllegalStateException {

    private final transient History history;

    TrainingDiverged(String what, String why, int step, int epoch, int batch, float learningRate, History history) {
        super(String.format(Locale.ROOT, "training diverged: %s at step %d (epoch %d, batch %d)%s. %s", what, step,
                epoch, batch, why, hint(learningRate)));
        this.history = history;
    }

    private static String hint(float learningRate) {
        return learningRate < 0
                ? "The learning rate " + learningRate + " is negative: it climbs the loss; make it positive"
                : "Try a lower learning rate than " + learningRate + ", or check the inputs for NaN or huge values";
    }

    /** What happened up to the step that diverged; it says it stopped because "diverged". */
    public History history() {
        return history;
    }
}
