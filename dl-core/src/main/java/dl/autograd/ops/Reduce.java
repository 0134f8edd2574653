package dl.autograd.ops;

import dl.autograd.Op;
import dl.backend.BinaryOp;
import dl.backend.ReduceOp;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Reductions along one axis, with {@code g = dL/dy} brought back to the input's shape by broadcasting:
 * <pre>
 *   sum:  y = sum_i x_i        dL/dx_i = g
 *   max:  y = max_i x_i        dL/dx_i = g at i = argmax_i x_i (the first maximum), else 0
 * </pre>
 * argmax has no gradient. When several elements tie for the maximum, the whole gradient goes to the first of them,
 * as in PyTorch's {@code max(dim)} and in max pooling: one valid subgradient. Giving {@code g} to each of
 * {@code k} tied elements would make the gradients sum to {@code k g}. The global {@code max()} and {@code min()}
 * are this op along one axis, so they follow the same rule (PyTorch's global {@code max()} splits {@code g} evenly
 * among the ties instead, another valid subgradient).
 */
public final class Reduce extends Op {

    private final ReduceOp op;
    private final Tensor x;
    private final int axis;
    private final int[] keptShape;

    private Reduce(ReduceOp op, Tensor x, int axis) {
        this.op = op;
        this.x = x;
        this.axis = axis;
        this.keptShape = Shapes.without(x.shape(), axis, true);
    }

    public static Tensor apply(ReduceOp op, Tensor x, int axis, boolean keepDim) {
        String name = op.name().toLowerCase();
        int[] shape = x.shape();
        int a = Shapes.axis(name, axis, shape.length);
        if (shape[a] == 0 && op != ReduceOp.SUM) {
            throw new IllegalArgumentException(name + ": axis " + a + " of " + Shapes.str(shape) + " is empty");
        }
        Reduce reduce = new Reduce(op, x, a);
        Tensor y = Tensor.empty(x.backend(), Shapes.without(shape, a, keepDim));
        x.backend().reduce(op, x.storage(), Shapes.outer(shape, a), shape[a], Shapes.inner(shape, a), y.storage());
        return op == ReduceOp.ARGMAX ? y : reduce.record(y, x);
    }

    @Override
    public String name() {
        return op.name().toLowerCase();
    }

    @Override
    protected Tensor[] savedForBackward() {
        return op == ReduceOp.MAX ? new Tensor[] {x} : super.savedForBackward();
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gKept = g.reshape(keptShape);
        return new Tensor[] {op == ReduceOp.MAX ? gKept.mul(firstMaximum()) : broadcastTo(gKept, x.shape())};
    }

    /** x's shape, 1 at the first maximum along the axis (the argmax) and 0 elsewhere. */
    private Tensor firstMaximum() {
        Tensor winner = apply(ReduceOp.ARGMAX, x, axis, true);
        int[] along = new int[x.rank()];
        Arrays.fill(along, 1);
        along[axis] = x.size(axis);
        Tensor positions = Tensor.arange(x.size(axis)).reshape(along).to(x.device());
        return Arithmetic.compare(BinaryOp.EQ, positions, winner);
    }

    /** {@code t} repeated along its axes of size 1 until it has {@code shape}. */
    static Tensor broadcastTo(Tensor t, int[] shape) {
        if (Arrays.equals(t.shape(), shape)) {
            return t;
        }
        return Arithmetic.compare(BinaryOp.ADD, Tensor.empty(t.backend(), shape), t);
    }

    /** The gradient of a broadcast operand: {@code g} summed over the axes broadcasting added to reach target. */
    public static Tensor sumTo(Tensor g, int[] target) {
        int[] shape = g.shape();
        if (Arrays.equals(shape, target)) {
            return g;
        }
        Tensor t = g;
        int extra = shape.length - target.length;
        for (int d = 0; d < extra; d++) {
            t = t.sum(0);
        }
        for (int d = 0; d < target.length; d++) {
            if (target[d] == 1 && t.size(d) != 1) {
                t = t.sum(d, true);
            }
        }
        if (!Arrays.equals(t.shape(), target)) {
            throw new IllegalArgumentException("sumTo: " + Shapes.str(shape) + " does not broadcast from "
                    + Shapes.str(target));
        }
        return t;
    }
}
