package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/** Joins tensors along one axis. Each part's gradient is its own slice of {@code dL/dy}. */
public final class Concat extends Op {

    private final int axis;
    private final int[] starts;

    private Concat(int axis, int[] starts) {
        this.axis = axis;
        this.starts = starts;
    }

    public static Tensor apply(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: nothing to join");
        }
        sameDevice("concat", parts);
        int[] shape = parts[0].shape();
        int a = Shapes.axis("concat", axis, shape.length);
        int[] starts = new int[parts.length + 1];
        for (int p = 0; p < parts.length; p++) {
            int[] s = parts[p].shape();
            s[a] = shape[a];
            if (!java.util.Arrays.equals(s, shape)) {
                throw new IllegalArgumentException("concat: part " + p + " has shape " + Shapes.str(parts[p].shape())
                        + ", part 0 " + Shapes.str(parts[0].shape()) + "; all sizes but axis " + a + " must agree");
            }
            starts[p + 1] = starts[p] + parts[p].size(a);
        }
        int[] outShape = shape.clone();
        outShape[a] = starts[parts.length];
        Tensor y = Tensor.empty(parts[0].backend(), outShape);
        int inner = Shapes.inner(shape, a), outer = Shapes.outer(shape, a);
        for (int p = 0; p < parts.length; p++) {
            int n = parts[p].size(a) * inner;
            parts[0].backend().copyBlocks(parts[p].storage(), 0, n, y.storage(), starts[p] * inner,
                    outShape[a] * inner, n, outer);
        }
        return new Concat(a, starts).record(y, parts);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor[] grads = new Tensor[starts.length - 1];
        for (int p = 0; p < grads.length; p++) {
            grads[p] = g.slice(axis, starts[p], starts[p + 1]);
        }
        return grads;
    }
}
