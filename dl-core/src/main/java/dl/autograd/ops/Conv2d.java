package dl.autograd.ops;

import dl.autograd.NoGrad;
import dl.autograd.Op;
import dl.backend.ConvGeometry;
import dl.backend.PoolGeometry;
import dl.backend.Storage;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * 2-D convolution (cross-correlation, as every deep-learning library computes it), with an optional bias:
 * <pre>
 *   y[n, f, i, j] = sum_c sum_u sum_v  x[n, c, s*i + u - p, s*j + v - p] * w[f, c, u, v]  + b[f]
 * </pre>
 * Shapes: x {@code [N, C, H, W]}, w {@code [F, C, kh, kw]}, y {@code [N, F, OH, OW]} with
 * {@code OH = floor((H + 2p - kh) / s) + 1}. Backward: {@code dL/dx} is the "full" correlation of {@code dL/dy}
 * with the flipped filters, {@code dL/dw[f, c, u, v] = sum_n,i,j dL/dy[n, f, i, j] x[n, c, s*i + u - p, s*j + v - p]},
 * {@code dL/db[f] = sum_n,i,j dL/dy[n, f, i, j]}.
 *
 * <p>{@link #applyThenMaxPool} is this op with a max pooling of its output ({@link MaxPool2d}) in the same op: the
 * numbers and gradients of the two ops, without the convolution's output kept in memory, which in a CNN's first
 * layers is the largest array of the step. Backward, {@code dL/dy} first goes through the pooling.
 *
 * <p>{@link #applyToRelu} convolves {@code relu(x)}: a ReLU before the convolution, in the same op, with the numbers
 * and gradients of the two ops ({@code dL/dx} is the convolution's where {@code x > 0}, else 0), without
 * {@code relu(x)} in memory.
 */
public final class Conv2d extends Op {

    private final Tensor x;
    private final Tensor w;
    private final Tensor b;
    private final ConvGeometry g;
    /** The max pooling computed with the convolution, or null. */
    private final PoolGeometry pool;
    /** Whether the convolution reads {@code relu(x)}. */
    private final boolean relu;
    /** Each pooled number's winner, when there is a pooling. */
    private Tensor argmax;
    /** What the backend kept from the forward pass for the weight gradient (the CPU: the images), or null. */
    private Storage kept;

    private Conv2d(Tensor x, Tensor w, Tensor b, ConvGeometry g, boolean relu, PoolGeometry pool) {
        this.x = x;
        this.w = w;
        this.b = b;
        this.g = g;
        this.relu = relu;
        this.pool = pool;
    }

    /** {@code bias}: {@code [F]}, one number per filter, or null for none. */
    public static Tensor apply(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        return convolve(x, false, w, bias, stride, padding);
    }

    /** {@code conv2d(relu(x), w, bias, stride, padding)} as one op: the same numbers and gradients. */
    public static Tensor applyToRelu(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        return convolve(x, true, w, bias, stride, padding);
    }

    private static Tensor convolve(Tensor x, boolean relu, Tensor w, Tensor bias, int stride, int padding) {
        ConvGeometry g = checked(x, w, bias, stride, padding);
        Tensor y = Tensor.output(x.backend(), g.batch(), g.filters(), g.outHeight(), g.outWidth());
        Conv2d op = new Conv2d(x, w, bias, g, relu, null);
        Storage bs = bias == null ? null : bias.storage();
        boolean keep = w.isGradRequired() && !NoGrad.isActive();
        op.kept = relu ? x.backend().reluConv2d(x.storage(), w.storage(), bs, y.storage(), g, keep)
                : x.backend().conv2d(x.storage(), w.storage(), bs, y.storage(), g, keep);
        return op.recordWith(y);
    }

    /**
     * {@code maxPool2d(conv2d(x, w, bias, stride, padding), poolKernel, poolStride, poolPadding)} as one op: the same
     * numbers and gradients.
     */
    public static Tensor applyThenMaxPool(Tensor x, Tensor w, Tensor bias, int stride, int padding,
                                          int poolKernel, int poolStride, int poolPadding) {
        return convolveThenMaxPool(x, false, w, bias, stride, padding, poolKernel, poolStride, poolPadding);
    }

    /** {@code maxPool2d(conv2d(relu(x), ...), ...)} as one op: the same numbers and gradients. */
    public static Tensor applyToReluThenMaxPool(Tensor x, Tensor w, Tensor bias, int stride, int padding,
                                                int poolKernel, int poolStride, int poolPadding) {
        return convolveThenMaxPool(x, true, w, bias, stride, padding, poolKernel, poolStride, poolPadding);
    }

    private static Tensor convolveThenMaxPool(Tensor x, boolean relu, Tensor w, Tensor bias, int stride, int padding,
                                              int poolKernel, int poolStride, int poolPadding) {
        ConvGeometry g = checked(x, w, bias, stride, padding);
        PoolGeometry pool = AvgPool2d.geometry("maxPool2d", new int[] {g.batch(), g.filters(), g.outHeight(),
                g.outWidth()}, poolKernel, poolStride, poolPadding);
        int[] pooled = {g.batch(), g.filters(), pool.outHeight(), pool.outWidth()};
        Tensor y = Tensor.output(x.backend(), pooled);
        Conv2d op = new Conv2d(x, w, bias, g, relu, pool);
        op.argmax = Tensor.output(x.backend(), pooled);
        Storage bs = bias == null ? null : bias.storage();
        boolean keep = w.isGradRequired() && !NoGrad.isActive();
        op.kept = relu
                ? x.backend().reluConv2dMaxPool(x.storage(), w.storage(), bs, y.storage(), op.argmax.storage(), g,
                        pool, keep)
                : x.backend().conv2dMaxPool(x.storage(), w.storage(), bs, y.storage(), op.argmax.storage(), g, pool,
                        keep);
        return op.recordWith(y);
    }

    private Tensor recordWith(Tensor y) {
        return b == null ? record(y, x, w) : record(y, x, w, b);
    }

    private static ConvGeometry checked(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        ConvGeometry g = geometry(x.shape(), w.shape(), stride, padding);
        if (bias != null && (bias.shape().length != 1 || bias.shape()[0] != g.filters())) {
            throw new IllegalArgumentException("conv2d: bias " + Shapes.str(bias.shape()) + " for " + g.filters()
                    + " filters: the bias needs one number per filter, shape [" + g.filters() + "]");
        }
        sameDevice("conv2d", x, w, bias);
        return g;
    }

    private static ConvGeometry geometry(int[] xs, int[] ws, int stride, int padding) {
        String shapes = "input " + Shapes.str(xs) + ", weight " + Shapes.str(ws);
        if (xs.length != 4) {
            throw new IllegalArgumentException("conv2d: " + shapes + ": the input must be 4-D [batch, channels,"
                    + " height, width]; a single image needs a batch axis (reshape to [1, C, H, W])");
        }
        if (ws.length != 4) {
            throw new IllegalArgumentException("conv2d: " + shapes + ": the weight must be 4-D [filters, channels,"
                    + " kernel height, kernel width]");
        }
        if (xs[1] != ws[1]) {
            throw new IllegalArgumentException("conv2d: " + shapes + ": the input has " + xs[1]
                    + " channels but the filters expect " + ws[1]);
        }
        if (stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv2d: stride " + stride + " and padding " + padding
                    + ": the stride must be at least 1 and the padding at least 0");
        }
        ConvGeometry g = new ConvGeometry(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], stride, padding);
        if (g.outHeight() < 1 || g.outWidth() < 1) {
            throw new IllegalArgumentException("conv2d: " + shapes + ", stride " + stride + ", padding " + padding
                    + ": the " + ws[2] + "x" + ws[3] + " kernel does not fit in the " + xs[2] + "x" + xs[3]
                    + " image (output would be " + g.outHeight() + "x" + g.outWidth() + "); add padding or"
                    + " use a smaller kernel");
        }
        return g;
    }

    @Override
    protected Tensor[] savedForBackward() {   // dL/dx reads w (and x, for the ReLU), dL/dw reads x; not the bias
        List<Tensor> read = new ArrayList<>(2);
        if (x.isGradRequired()) {
            read.add(w);
        }
        if (w.isGradRequired() || relu && x.isGradRequired()) {
            read.add(x);
        }
        return read.toArray(new Tensor[0]);
    }

    @Override
    public String name() {
        return (relu ? "relu+" : "") + (pool == null ? "conv2d" : "conv2d+maxpool2d");
    }

    @Override
    protected Tensor[] backward(Tensor dy) {
        boolean biasGradient = b != null && b.isGradRequired();
        if (pool != null && !relu && !x.isGradRequired() && w.isGradRequired()) {   // a first layer: dw, pooled dy
            Tensor dw = Tensor.output(x.backend(), w.shape());
            Tensor db = biasGradient ? Tensor.output(x.backend(), g.filters()) : null;
            x.backend().conv2dMaxPoolBackwardWeight(x.storage(), kept, dy.storage(), argmax.storage(), dw.storage(),
                    db == null ? null : db.storage(), g, pool);
            return b == null ? new Tensor[] {null, dw} : new Tensor[] {null, dw, db};
        }
        if (pool != null) {   // through the pooling first: each number of dy to the winner of its window
            Tensor convolved = Tensor.output(x.backend(), g.batch(), g.filters(), g.outHeight(), g.outWidth());
            x.backend().maxPoolBackward(dy.storage(), argmax.storage(), convolved.storage(), pool);
            dy = convolved;
        }
        Tensor dx = null, dw = null, db = null;
        if (x.isGradRequired()) {
            dx = Tensor.output(x.backend(), x.shape());
            if (relu) {
                x.backend().reluConv2dBackwardInput(dy.storage(), w.storage(), x.storage(), dx.storage(), g);
            } else {
                x.backend().conv2dBackwardInput(dy.storage(), w.storage(), dx.storage(), g);
            }
        }
        if (w.isGradRequired()) {   // the bias's gradient comes along: dL/db[f] = sum of dy[., f, ., .]
            dw = Tensor.output(x.backend(), w.shape());
            db = biasGradient ? Tensor.output(x.backend(), g.filters()) : null;
            Storage dbs = db == null ? null : db.storage();
            if (relu) {
                x.backend().reluConv2dBackwardWeight(x.storage(), kept, dy.storage(), dw.storage(), dbs, g);
            } else {
                x.backend().conv2dBackwardWeight(x.storage(), kept, dy.storage(), dw.storage(), dbs, g);
            }
        }
        if (b == null) {
            return new Tensor[] {dx, dw};
        }
        if (biasGradient && db == null) {
            db = dy.sumTo(1, g.filters(), 1, 1).reshape(g.filters());
        }
        return new Tensor[] {dx, dw, db};
    }
}
