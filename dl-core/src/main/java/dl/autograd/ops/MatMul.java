package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * Matrix product {@code Y = A B}, {@code [m, k] x [k, n] -> [m, n]}, also for stacks of matrices.
 * <pre>
 *   dL/dA = dL/dY B^T        dL/dB = A^T dL/dY
 * </pre>
 * A stack {@code [b, m, k]} times one matrix {@code [k, n]} is one product of {@code [b*m, k] x [k, n]}; a matrix
 * used for every item of a stack gets the sum of the items' gradients.
 */
public final class MatMul extends Op {

    private final Tensor a;
    private final Tensor b;

    private MatMul(Tensor a, Tensor b) {
        this.a = a;
        this.b = b;
    }

    public static Tensor apply(Tensor a, Tensor b) {
        int[] as = a.shape(), bs = b.shape();
        if (as.length < 2 || as.length > 3 || bs.length < 2 || bs.length > 3) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(as) + " x " + Shapes.str(bs)
                    + ": both sides must be matrices [rows, cols] or stacks of them [batch, rows, cols]");
        }
        int m = as[as.length - 2], k = as[as.length - 1], k2 = bs[bs.length - 2], n = bs[bs.length - 1];
        if (k != k2) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(as) + " x " + Shapes.str(bs)
                    + ": inner dimensions " + k + " and " + k2 + " differ");
        }
        sameDevice("matmul", a, b);
        int batchA = as.length == 3 ? as[0] : 1, batchB = bs.length == 3 ? bs[0] : 1;
        if (as.length == 3 && bs.length == 3 && batchA != batchB) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(as) + " x " + Shapes.str(bs)
                    + ": batch sizes " + batchA + " and " + batchB + " differ");
        }
        Tensor y;
        if (bs.length == 2) {
            // one big product: [batch*m, k] x [k, n]
            y = product(a, false, b, false, 1, batchA * m, n, k);
            y = as.length == 3 ? Tensor.wrap(y.storage(), batchA, m, n) : y;
        } else {
            int batch = Math.max(batchA, batchB);
            y = Tensor.output(a.backend(), batch, m, n);
            a.backend().matmul(a.storage(), false, as.length == 3 ? m * k : 0, b.storage(), false, k * n,
                    y.storage(), batch, m, n, k, false);
        }
        return new MatMul(a, b).record(y, a, b);
    }

    /** {@code op(a) op(b)} for single (or flattened) matrices. */
    private static Tensor product(Tensor a, boolean transA, Tensor b, boolean transB, int batch, int m, int n, int k) {
        Tensor y = Tensor.output(a.backend(), m, n);   // overwritten whole
        a.backend().matmul(a.storage(), transA, 0, b.storage(), transB, 0, y.storage(), batch, m, n, k, false);
        return y;
    }

    @Override
    protected Tensor[] savedForBackward() {   // dL/dA reads B, dL/dB reads A
        boolean da = a.isGradRequired(), db = b.isGradRequired();
        return da && db ? new Tensor[] {a, b} : new Tensor[] {da ? b : a};
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int[] as = a.shape(), bs = b.shape();
        int m = as[as.length - 2], k = as[as.length - 1], n = bs[bs.length - 1];
        Tensor da = null, db = null;
        if (bs.length == 2) {
            int rows = Shapes.size(as) / k;   // batch * m
            if (a.isGradRequired()) {
                da = Tensor.wrap(product(g, false, b, true, 1, rows, k, n).storage(), as);
            }
            if (b.isGradRequired()) {
                db = product(a, true, g, false, 1, k, n, rows);
            }
        } else {
            int batch = bs[0];
            if (a.isGradRequired()) {
                da = Tensor.output(a.backend(), batch, m, k);
                a.backend().matmul(g.storage(), false, m * n, b.storage(), true, k * n, da.storage(), batch, m, k, n,
                        false);
                da = as.length == 2 ? da.sum(0) : da;
            }
            if (b.isGradRequired()) {
                db = Tensor.output(a.backend(), batch, k, n);
                a.backend().matmul(a.storage(), true, as.length == 3 ? m * k : 0, g.storage(), false, m * n,
                        db.storage(), batch, k, n, m, false);
            }
        }
        return new Tensor[] {da, db};
    }
}
