package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Reorders the axes: {@code y[i_axes[0], i_axes[1], ...] = x[i_0, i_1, ...]}. The gradient goes back through the
 * inverse permutation.
 */
public final class Permute extends Op {

    private final int[] inverse;

    private Permute(int[] axes) {
        inverse = new int[axes.length];
        for (int d = 0; d < axes.length; d++) {
            inverse[axes[d]] = d;
        }
    }

    public static Tensor apply(Tensor x, int... axes) {
        int[] shape = x.shape();
        boolean[] used = new boolean[shape.length];
        for (int a : axes.length == shape.length ? axes : new int[] {-1}) {
            if (a < 0 || a >= shape.length || used[a]) {
                throw new IllegalArgumentException("permute: " + Arrays.toString(axes) + " is not an order of the "
                        + shape.length + " axes of " + Shapes.str(shape) + " (each of 0.." + (shape.length - 1)
                        + " exactly once)");
            }
            used[a] = true;
        }
        int[] outShape = new int[shape.length];
        for (int d = 0; d < axes.length; d++) {
            outShape[d] = shape[axes[d]];
        }
        Tensor y = Tensor.empty(x.backend(), outShape);
        x.backend().permute(x.storage(), shape, axes, y.storage());
        return new Permute(axes).record(y, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.permute(inverse)};
    }
}
