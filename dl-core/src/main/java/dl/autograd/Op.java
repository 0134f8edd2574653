package dl.autograd;

import dl.backend.Device;
import dl.backend.Storage;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * One differentiable operation, as micrograd writes it: the forward computes the output, and {@link #backward}
 * right beside it turns {@code dL/dy} into {@code dL/dx} for each input by the local chain rule.
 *
 * <p>A subclass computes its output, then calls {@link #record} so that {@link Tensor#backward()} can find it.
 * Nothing is recorded when no input requires a gradient, or inside {@link NoGrad}.
 *
 * <p>The tensors whose numbers the backward reads ({@link #savedForBackward}) must not change between the forward
 * pass and backpropagation, or the gradients would be computed from other numbers. As PyTorch does, the op notes
 * their {@link Storage#version() versions} when it is recorded, and backpropagation fails if one has moved.
 */
public abstract class Op {

    private static final Tensor[] NONE = new Tensor[0];
    private static final int[] NO_VERSIONS = new int[0];

    private Tensor[] inputs = NONE;
    private Tensor[] saved = NONE;
    private int[] savedVersions = NO_VERSIONS;

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

    /**
     * The inputs (or the output) whose numbers {@link #backward} reads, asked once when the op is recorded; an op
     * whose backward needs only shapes, like add or reshape, reads none.
     */
    protected Tensor[] savedForBackward() {
        return NONE;
    }

    /**
     * Fails unless every tensor is on the first one's device: an op computes where its inputs live, and never moves
     * numbers behind the user's back. The message names the op, both devices and the move that fixes it.
     */
    public static void sameDevice(String op, Tensor... tensors) {
        for (int i = 1; i < tensors.length; i++) {
            if (tensors[i] != null && !tensors[i].device().equals(tensors[0].device())) {
                Device first = tensors[0].device(), other = tensors[i].device();
                throw new IllegalArgumentException(op + ": input 1 is on " + first + " and input " + (i + 1)
                        + " on " + other + "; an op computes on one device. Move one, e.g. x.to(" + first.code()
                        + ") (net.to(...) moves a model), or create everything on one device with Device.use(...)"
                        + " or DL_DEVICE");
            }
        }
    }

    /** Marks {@code output} as made by this op from {@code inputs}, when a gradient will be wanted. */
    protected final Tensor record(Tensor output, Tensor... inputs) {
        if (NoGrad.isActive()) {
            return output;
        }
        for (Tensor input : inputs) {
            if (input.isGradRequired()) {
                this.inputs = inputs;
                output.madeBy(this);
                saveVersions();
                return output;
            }
        }
        return output;
    }

    private void saveVersions() {
        saved = savedForBackward();
        if (saved.length > 0) {
            savedVersions = new int[saved.length];
            for (int i = 0; i < saved.length; i++) {
                savedVersions[i] = saved[i].storage().version();
            }
        }
    }

    /** Fails when a tensor that {@link #backward} reads was changed in place after this op was recorded. */
    final void checkSavedUnchanged() {
        for (int i = 0; i < saved.length; i++) {
            if (saved[i].storage().version() != savedVersions[i]) {
                throw new IllegalStateException(changedMessage(saved[i]));
            }
        }
    }

    /** "backward: mul's input [3] was changed in place (mulInPlace) after the graph used it; ..." */
    private String changedMessage(Tensor t) {
        boolean input = false;
        for (Tensor x : inputs) {
            input |= x == t;
        }
        return "backward: " + name() + "'s " + (input ? "input " : "output ") + Shapes.str(t.shape())
                + " was changed in place (" + t.storage().lastChange() + ") after the graph used it; "
                + (input ? "compute with a copy (x.copy()) or change it before the forward pass"
                        : "change a copy (y.copy()) instead");
    }
}
