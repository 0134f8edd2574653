package dl.autograd.ops;

import dl.autograd.Op;
import dl.backend.PoolGeometry;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * Average pooling: {@code y[n, c, i, j] = 1/k^2 sum over the k x k window at (s*i - p, s*j - p) of x[n, c]}
 * (padding counts as zeros). {@code dL/dx} gets {@code dL/dy / k^2} at every cell of each window.
 */
public final class AvgPool2d extends Op {

    private final Tensor x;
    private final PoolGeometry g;

    private AvgPool2d(Tensor x, PoolGeometry g) {
        this.x = x;
        this.g = g;
    }

    public static Tensor apply(Tensor x, int kernel, int stride, int padding) {
        PoolGeometry g = geometry("avgPool2d", x.shape(), kernel, stride, padding);
        Tensor y = Tensor.empty(x.backend(), g.batch(), g.channels(), g.outHeight(), g.outWidth());
        x.backend().avgPool(x.storage(), y.storage(), g);
        return new AvgPool2d(x, g).record(y, x);
    }

    static PoolGeometry geometry(String op, int[] xs, int kernel, int stride, int padding) {
        if (xs.length != 4) {
            throw new IllegalArgumentException(op + ": input " + Shapes.str(xs) + " must be 4-D [batch, channels,"
                    + " height, width]; a single image needs a batch axis (reshape to [1, C, H, W])");
        }
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(op + ": kernel " + kernel + ", stride " + stride + ", padding "
                    + padding + ": kernel and stride must be at least 1, padding between 0 and half the kernel");
        }
        PoolGeometry g = new PoolGeometry(xs[0], xs[1], xs[2], xs[3], kernel, stride, padding);
        if (g.outHeight() < 1 || g.outWidth() < 1) {
            throw new IllegalArgumentException(op + ": a " + kernel + "x" + kernel + " window does not fit in the "
                    + xs[2] + "x" + xs[3] + " input " + Shapes.str(xs));
        }
        return g;
    }

    @Override
    protected Tensor[] backward(Tensor dy) {
        Tensor dx = Tensor.empty(x.backend(), x.shape());
        x.backend().avgPoolBackward(dy.storage(), dx.storage(), g);
        return new Tensor[] {dx};
    }
}
