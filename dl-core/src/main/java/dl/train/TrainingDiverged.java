package dl.train;

import java.util.Locale;

/** Training produced a loss that is not a number: where, and what to try. */
public final class TrainingDiverged extends IllegalStateException {

    TrainingDiverged(float loss, int step, int epoch, int batch, float learningRate) {
        super(String.format(Locale.ROOT, "training diverged: the loss became %s at step %d (epoch %d, batch %d)."
                + " Try a lower learning rate than %s, or check the inputs for NaN or huge values", loss, step,
                epoch, batch, learningRate));
    }
}
