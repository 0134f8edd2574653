package dl.autograd.ops;

import dl.autograd.Op;
import dl.backend.BinaryOp;
import dl.backend.UnaryOp;
import dl.tensor.Tensor;

/**
 * Element-wise functions of one tensor, {@code y = f(x)}, and their derivatives, with {@code g = dL/dy}:
 * <pre>
 *   x + c        dL/dx = g
 *   c x          dL/dx = c g
 *   x^p          dL/dx = g p x^(p-1)
 *   e^x          dL/dx = g y
 *   ln x         dL/dx = g / x
 *   |x|          dL/dx = g sign(x)
 *   sign(x)      dL/dx = 0
 *   relu         dL/dx = g [x > 0]
 *   leaky relu   dL/dx = g (1 if x > 0 else alpha)
 *   sigmoid      dL/dx = g y (1 - y)        (the slides' f'(x) = f(x)(1 - f(x)))
 *   tanh         dL/dx = g (1 - y^2)
 * </pre>
 */
public final class Unary extends Op {

    private final UnaryOp op;
    private final float alpha;
    private final Tensor x;
    private Tensor y;

    private Unary(UnaryOp op, float alpha, Tensor x) {
        this.op = op;
        this.alpha = alpha;
        this.x = x;
    }

    public static Tensor apply(UnaryOp op, Tensor x, float alpha) {
        Unary unary = new Unary(op, alpha, x);
        unary.y = map(op, x, alpha);
        return unary.record(unary.y, x);
    }

    /** The kernel alone, nothing recorded. */
    static Tensor map(UnaryOp op, Tensor x, float alpha) {
        Tensor y = Tensor.output(x.backend(), x.shape());
        x.backend().map(op, x.storage(), alpha, y.storage());
        return y;
    }

    @Override
    public String name() {
        return op.name().toLowerCase();
    }

    @Override
    protected Tensor[] savedForBackward() {
        return switch (op) {
            case POW_SCALAR, LOG, ABS, RELU, LEAKY_RELU -> new Tensor[] {x};
            case EXP, SIGMOID, TANH -> new Tensor[] {y};
            default -> super.savedForBackward();
        };
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor dx = switch (op) {
            case ADD_SCALAR -> g;
            case MUL_SCALAR -> g.mul(alpha);
            case POW_SCALAR -> g.mul(x.pow(alpha - 1).mul(alpha));
            case EXP -> g.mul(y);
            case LOG -> g.div(x);
            case ABS -> g.mul(map(UnaryOp.SIGN, x, 0));
            case SIGN -> g.mul(0f);
            case RELU -> Arithmetic.compare(BinaryOp.WHERE_POSITIVE, g, x);
            case LEAKY_RELU -> g.mul(map(UnaryOp.LEAKY_STEP, x, alpha));
            case SIGMOID -> g.mul(y.mul(y.neg().add(1f)));
            case TANH -> g.mul(y.mul(y).neg().add(1f));
            default -> throw new IllegalStateException(op + " has no gradient");
        };
        return new Tensor[] {dx};
    }
}
