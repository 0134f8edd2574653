package dl.nn.loss;

import dl.tensor.Tensor;

/** How wrong a batch of outputs is, as one number to minimise: {@code L = loss(output, target)}. */
public interface Loss {

    /** The loss of {@code output [N, ...]} against {@code target} (see each loss for the target's form). */
    Tensor apply(Tensor output, Tensor target);

    /** A short name for progress lines and tables. */
    String name();
}
