package dl.nn.layers;

import dl.nn.Layer;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code flatten()}: one sample's numbers in a row, {@code [C, H, W] -> [C*H*W]}; {@code unflatten(shape)}: the
 * other way, e.g. the course's 2304 pixels back to {@code [1, 48, 48]}. The batch axis is kept. No parameters.
 */
public final class Reshaping extends Layer {

    private final int[] target;   // null: flatten

    private Reshaping(int[] target) {
        this.target = target;
    }

    public static Reshaping flatten() {
        return new Reshaping(null);
    }

    public static Reshaping unflatten(int... shape) {
        return new Reshaping(shape.clone());
    }

    @Override
    public String kind() {
        return target == null ? "flatten" : "unflatten";
    }

    @Override
    protected void checkSettings() {
        if (target != null && (target.length == 0 || Arrays.stream(target).anyMatch(size -> size < 1))) {
            throw settingError("shape", "every size must be at least 1, got " + Shapes.str(target)
                    + "; e.g. unflatten(1, 28, 28)");
        }
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        int n = Shapes.size(input);
        if (target == null) {
            return new int[] {n};
        }
        if (Shapes.size(target) != n) {
            throw shapeError(input, Shapes.size(target) + " numbers to make " + Shapes.str(target),
                    "the sizes must multiply to " + n);
        }
        return target.clone();
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] out = outputShape();
        int[] withBatch = new int[out.length + 1];
        withBatch[0] = x.size(0);
        System.arraycopy(out, 0, withBatch, 1, out.length);
        return x.reshape(withBatch);
    }

    /** The DSL call that appends this layer: {@code "flatten()", "unflatten(1, 48, 48)"}. */
    @Override
    public String spec() {
        if (target == null) {
            return "flatten()";
        }
        String sizes = Arrays.toString(target);   // "[1, 48, 48]"
        return "unflatten(" + sizes.substring(1, sizes.length() - 1) + ")";
    }

    @Override
    public String toString() {
        return target == null ? "Flatten" : "Unflatten" + Arrays.toString(target);
    }
}
