package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * The same numbers seen with another shape: {@code y = reshape(x)}, {@code dL/dx = reshape(dL/dy)} back to the
 * shape of x. Tensors are always dense, so this never copies.
 */
public final class Reshape extends Op {

    private final int[] inputShape;

    private Reshape(int[] inputShape) {
        this.inputShape = inputShape;
    }

    public static Tensor apply(Tensor x, int... newShape) {
        int[] shape = inferred(x.shape(), newShape);
        Tensor y = Tensor.wrap(x.storage(), shape);
        return new Reshape(x.shape()).record(y, x);
    }

    /** {@code newShape} with its one -1 replaced by whatever size makes the element counts agree. */
    private static int[] inferred(int[] old, int[] newShape) {
        int[] shape = newShape.clone();
        int unknown = -1, known = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape: only one size can be -1, got " + Shapes.str(newShape));
                }
                unknown = d;
            } else {
                known *= shape[d];
            }
        }
        int n = Shapes.size(old);
        if (unknown >= 0 && known != 0 && n % known == 0) {
            shape[unknown] = n / known;
        }
        boolean negative = false;   // a plain loop: a network's every step reshapes (flatten), a stream costs more
        for (int size : shape) {
            negative |= size < 0;
        }
        if (negative || Shapes.size(shape) != n) {
            throw new IllegalArgumentException("reshape: cannot view " + Shapes.str(old) + " (" + n + " elements) as "
                    + Shapes.str(newShape) + "; the number of elements must stay the same");
        }
        return shape;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.reshape(inputShape)};
    }
}
