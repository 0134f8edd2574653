package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Tensor;

/**
 * Softmax along the last axis, {@code y_j = e^(x_j) / sum_k e^(x_k)}, or its logarithm
 * {@code y_j = x_j - log sum_k e^(x_k)}, both computed after subtracting the row's maximum so nothing overflows.
 * With {@code g = dL/dy}:
 * <pre>
 *   softmax:      dL/dx = y * (g - sum_j g_j y_j)
 *   log softmax:  dL/dx = g - softmax(x) * sum_j g_j
 * </pre>
 */
public final class Softmax extends Op {

    private final boolean log;
    private Tensor y;

    private Softmax(boolean log) {
        this.log = log;
    }

    public static Tensor apply(Tensor x, boolean log) {
        if (x.rank() == 0) {
            throw new IllegalArgumentException((log ? "logSoftmax" : "softmax") + ": needs at least one axis");
        }
        int cols = x.size(-1), rows = x.numel() / Math.max(cols, 1);
        Softmax softmax = new Softmax(log);
        softmax.y = Tensor.empty(x.backend(), x.shape());
        x.backend().softmax(x.storage(), rows, cols, log, softmax.y.storage());
        return softmax.record(softmax.y, x);
    }

    @Override
    public String name() {
        return log ? "logSoftmax" : "softmax";
    }

    @Override
    protected Tensor[] savedForBackward() {
        return new Tensor[] {y};
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int last = y.rank() - 1;
        if (log) {
            return new Tensor[] {g.sub(y.exp().mul(g.sum(last, true)))};
        }
        return new Tensor[] {y.mul(g.sub(g.mul(y).sum(last, true)))};
    }
}
