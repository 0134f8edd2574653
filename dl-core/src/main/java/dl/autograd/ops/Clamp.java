package dl.autograd.ops;

import dl.autograd.Op;
import dl.backend.BinaryOp;
import dl.backend.UnaryOp;
import dl.tensor.Tensor;

/**
 * {@code y = min(max(x, lo), hi)}. {@code dL/dx = dL/dy} where {@code lo <= x <= hi} (where y = x), else 0.
 */
public final class Clamp extends Op {

    private final Tensor x;
    private Tensor y;

    private Clamp(Tensor x) {
        this.x = x;
    }

    public static Tensor apply(Tensor x, float lo, float hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("clamp: min " + lo + " is above max " + hi);
        }
        Clamp clamp = new Clamp(x);
        clamp.y = Unary.map(UnaryOp.MIN_SCALAR, Unary.map(UnaryOp.MAX_SCALAR, x, lo), hi);
        return clamp.record(clamp.y, x);
    }

    @Override
    protected Tensor[] savedForBackward() {
        return new Tensor[] {x, y};
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(Arithmetic.compare(BinaryOp.EQ, y, x))};
    }
}
