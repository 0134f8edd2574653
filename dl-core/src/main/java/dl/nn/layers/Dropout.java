package dl.nn.layers;

import dl.nn.Layer;
import dl.tensor.Tensor;
import java.util.Random;

/**
 * Inverted dropout (nn5): while training, each number is zeroed with probability {@code p} and the others are
 * scaled by {@code 1/(1-p)}; while evaluating, nothing changes. No parameters, shape unchanged.
 */
public final class Dropout extends Layer {

    private final float p;
    private Random rng;

    public Dropout(double p) {
        this.p = (float) p;
    }

    @Override
    protected void checkSettings() {
        if (!(p >= 0 && p < 1)) {   // NaN too
            throw settingError("p", "must be in [0, 1), got " + p + "; it is the probability of dropping each"
                    + " number, 0.5 drops half");
        }
    }

    @Override
    public String kind() {
        return "dropout";
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        return input;
    }

    @Override
    protected void allocate(Random rng) {
        this.rng = new Random(rng.nextLong());
    }

    @Override
    public Tensor forward(Tensor x) {
        return training && p > 0 ? x.dropout(p, rng) : x;
    }

    /** The DSL call that appends this layer: {@code "dropout(0.5)"}. */
    @Override
    public String spec() {
        return "dropout(" + p + ")";
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
