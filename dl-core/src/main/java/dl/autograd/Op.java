package dl.autograd;

import dl.tensor.Tensor;

/**
 * One differentiable operation, as micrograd writes it: the forward computes the output, and {@link #backward}
 * right beside it turns {@code dL/dy} into {@code dL/dx} for each input by the local chain rule.
 *
 * <p>A subclass computes its output, then calls {@link #record} so that {@link Tensor#backward()} can find it.
 * Nothing is recorded when no input requires a gradient, or inside {@link NoGrad}.
 */
public abstract class Op {

    private Tensor[] inputs = new Tensor[0];

    /** The tensors this op read, in order. */
    public final Tensor[] inputs() {
        return inputs;
    }

    /** A short name for graphs and messages, e.g. "matmul". */
    public String name() {
        return getClass().getSimpleName().toLowerCase();
    }

    /**
     * Given {@code dL/dy}, returns {@code dL/dx} for each input, in the order of {@link #inputs()}, with the
     * input's shape; {@code null} for an input that needs no gradient. Runs with recording switched off.
     */
    protected abstract Tensor[] backward(Tensor gradOutput);

    /** Marks {@code output} as made by this op from {@code inputs}, when a gradient will be wanted. */
    protected final Tensor record(Tensor output, Tensor... inputs) {
        if (NoGrad.isActive()) {
            return output;
        }
        for (Tensor input : inputs) {
            if (input.isGradRequired()) {
                this.inputs = inputs;
                output.madeBy(this);
                return output;
            }
        }
        return output;
    }
}
