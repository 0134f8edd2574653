package dl.data;

import dl.tensor.Tensor;

/**
 * A mini-batch: inputs {@code [b, ...]}, targets (class indices {@code [b]} or vectors {@code [b, k]}) for a loss,
 * and the labels as ints (null for vector targets) for accuracy.
 */
public record Batch(Tensor inputs, Tensor targets, int[] labels) {

    public int size() {
        return inputs.size(0);
    }
}
