package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * Elements {@code from .. to-1} along one axis. {@code dL/dx} is {@code dL/dy} put back in place, with zeros
 * for the elements that were cut away (a {@link Pad}).
 */
public final class Slice extends Op {

    private final int axis;
    private final int before;
    private final int after;

    private Slice(int axis, int before, int after) {
        this.axis = axis;
        this.before = before;
        this.after = after;
    }

    public static Tensor apply(Tensor x, int axis, int from, int to) {
        int[] shape = x.shape();
        int a = Shapes.axis("slice", axis, shape.length);
        if (from < 0 || to > shape[a] || from > to) {
            throw new IllegalArgumentException("slice: [" + from + ", " + to + ") is not inside axis " + a
                    + " of size " + shape[a] + " (shape " + Shapes.str(shape) + ")");
        }
        int[] outShape = shape.clone();
        outShape[a] = to - from;
        Tensor y = Tensor.empty(x.backend(), outShape);
        int inner = Shapes.inner(shape, a);
        x.backend().copyBlocks(x.storage(), from * inner, shape[a] * inner,
                y.storage(), 0, outShape[a] * inner, outShape[a] * inner, Shapes.outer(shape, a));
        return new Slice(a, from, shape[a] - to).record(y, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.pad(axis, before, after)};
    }
}
