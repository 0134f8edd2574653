package dl.nn.loss;

import dl.tensor.Tensor;

/** How wrong a batch of outputs is, as one number to minimise: {@code L = loss(output, target)}. */
public interface Loss {

    /** The loss of {@code output [N, ...]} against {@code target} (see each loss for the target's form). */
    Tensor apply(Tensor output, Tensor target);

    /** A short name for progress lines and tables. */
    String name();

    /**
     * Whether {@link #apply} adds up the losses of a batch's examples (PyTorch's {@code reduction="sum"}) instead of
     * averaging them. {@code fit} and {@code evaluate} divide a summed loss by the examples of its batch, so that a
     * training batch of 256 and a validation set of 10,000 are reported on one scale: the loss per example.
     */
    default boolean summed() {
        return false;
    }
}
