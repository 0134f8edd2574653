package dl.train;

/** Told about training as it goes; every method does nothing unless overridden. */
public interface TrainingListener {

    /** Once, before the first step, with the History to come: {@link History#lossScale()} says what the losses are. */
    default void onStart(History history) {
    }

    /** After each batch. */
    default void onBatch(Progress progress) {
    }

    /** After each epoch, with its row of the history. */
    default void onEpoch(History.Epoch epoch) {
    }

    /** Once, when training has finished, stopped early, been interrupted or failed ({@link History#stoppedBecause}). */
    default void onEnd(History history) {
    }
}
