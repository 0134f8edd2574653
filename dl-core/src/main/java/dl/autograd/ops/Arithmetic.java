package dl.autograd.ops;

import dl.autograd.Op;
import dl.backend.BinaryOp;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * The four element-wise operations with broadcasting, {@code y = a + b, a - b, a * b, a / b}.
 *
 * <p>Backward, where {@code g = dL/dy}, and each result summed over the axes broadcasting added
 * ({@link Tensor#sumTo}):
 * <pre>
 *   add: dL/da = g          dL/db = g
 *   sub: dL/da = g          dL/db = -g
 *   mul: dL/da = g * b      dL/db = g * a
 *   div: dL/da = g / b      dL/db = -g * a / b^2
 * </pre>
 */
public final class Arithmetic extends Op {

    private final BinaryOp op;
    private final Tensor a;
    private final Tensor b;

    private Arithmetic(BinaryOp op, Tensor a, Tensor b) {
        this.op = op;
        this.a = a;
        this.b = b;
    }

    public static Tensor apply(BinaryOp op, Tensor a, Tensor b) {
        return new Arithmetic(op, a, b).record(compare(op, a, b), a, b);
    }

    /** The same element-wise kernel with nothing recorded: comparisons have no gradient. */
    public static Tensor compare(BinaryOp op, Tensor a, Tensor b) {
        String name = op.name().toLowerCase();
        int[] outShape = Shapes.broadcast(name, a.shape(), b.shape());
        sameDevice(name, a, b);
        Tensor y = Tensor.output(a.backend(), outShape);
        a.backend().zip(op, a.storage(), a.shape(), b.storage(), b.shape(), y.storage(), outShape);
        return y;
    }

    @Override
    public String name() {
        return op.name().toLowerCase();
    }

    @Override
    protected Tensor[] savedForBackward() {   // dL/da reads b, dL/db reads a (and b, for div)
        boolean da = a.isGradRequired(), db = b.isGradRequired();
        return switch (op) {
            case MUL -> da && db ? new Tensor[] {a, b} : new Tensor[] {da ? b : a};
            case DIV -> db ? new Tensor[] {a, b} : new Tensor[] {b};
            default -> super.savedForBackward();
        };
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        boolean da = a.isGradRequired(), db = b.isGradRequired();
        return switch (op) {
            case ADD -> new Tensor[] {da ? g.sumTo(a.shape()) : null, db ? g.sumTo(b.shape()) : null};
            case SUB -> new Tensor[] {da ? g.sumTo(a.shape()) : null, db ? g.neg().sumTo(b.shape()) : null};
            case MUL -> new Tensor[] {da ? g.mul(b).sumTo(a.shape()) : null, db ? g.mul(a).sumTo(b.shape()) : null};
            case DIV -> new Tensor[] {da ? g.div(b).sumTo(a.shape()) : null,
                    db ? g.mul(a).div(b.mul(b)).neg().sumTo(b.shape()) : null};
            default -> throw new IllegalStateException(op + " has no gradient");
        };
    }
}
