package dl.autograd.ops;

import dl.autograd.Op;
import dl.backend.PoolGeometry;
import dl.tensor.Tensor;

/**
 * Max pooling: {@code y[n, c, i, j] = max over the k x k window at (s*i - p, s*j - p) of x[n, c]}.
 * {@code dL/dx} receives each {@code dL/dy} at the cell that won its window, 0 elsewhere. When cells of a window
 * tie, the first in row-major order wins, as {@link Tensor#max(int)} does and as PyTorch routes it: each
 * {@code dL/dy} reaches one cell, so no gradient is counted twice.
 */
public final class MaxPool2d extends Op {

    private final Tensor x;
    private final PoolGeometry g;
    private Tensor argmax;

    private MaxPool2d(Tensor x, PoolGeometry g) {
        this.x = x;
        this.g = g;
    }

    public static Tensor apply(Tensor x, int kernel, int stride, int padding) {
        PoolGeometry g = AvgPool2d.geometry("maxPool2d", x.shape(), kernel, stride, padding);
        int[] outShape = {g.batch(), g.channels(), g.outHeight(), g.outWidth()};
        MaxPool2d pool = new MaxPool2d(x, g);
        Tensor y = Tensor.output(x.backend(), outShape);
        pool.argmax = Tensor.output(x.backend(), outShape);
        x.backend().maxPool(x.storage(), y.storage(), pool.argmax.storage(), g);
        return pool.record(y, x);
    }

    @Override
    protected Tensor[] backward(Tensor dy) {
        Tensor dx = Tensor.output(x.backend(), x.shape());
        x.backend().maxPoolBackward(dy.storage(), argmax.storage(), dx.storage(), g);
        return new Tensor[] {dx};
    }
}
