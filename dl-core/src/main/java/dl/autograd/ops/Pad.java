package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * {@code before} zeros in front of and {@code after} zeros behind the elements, along one axis.
 * {@code dL/dx} is the middle part of {@code dL/dy} (a {@link Slice}).
 */
public final class Pad extends Op {

    private final int axis;
    private final int before;
    private final int size;

    private Pad(int axis, int before, int size) {
        this.axis = axis;
        this.before = before;
        this.size = size;
    }

    public static Tensor apply(Tensor x, int axis, int before, int after) {
        int[] shape = x.shape();
        int a = Shapes.axis("pad", axis, shape.length);
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("pad: " + before + " before and " + after + " after; padding cannot be"
                    + " negative (use slice to cut)");
        }
        int[] outShape = shape.clone();
        outShape[a] = shape[a] + before + after;
        Tensor y = Tensor.empty(x.backend(), outShape);
        int inner = Shapes.inner(shape, a);
        x.backend().copyBlocks(x.storage(), 0, shape[a] * inner,
                y.storage(), before * inner, outShape[a] * inner, shape[a] * inner, Shapes.outer(shape, a));
        return new Pad(a, before, shape[a]).record(y, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.slice(axis, before, before + size)};
    }
}
