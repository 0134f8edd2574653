package dl.train;

/** Told about training as it goes; every method does nothing unless overridden. */
public interface TrainingListener {

    /** After each batch. */
    default void onBatch(Progress progress) {
    }

    /** After each epoch, with its row of the history. */
    default void onEpoch(History.Epoch epoch) {
    }

    /** Once, when training has finished, stopped early or been interrupted. */
    default void onEnd(History history) {
    }
}
