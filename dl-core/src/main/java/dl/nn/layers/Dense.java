package dl.nn.layers;

import dl.nn.Layer;
import dl.nn.WeightInit;
import dl.tensor.Tensor;
import java.util.Map;
import java.util.Random;

/**
 * A fully connected layer: {@code y = x W + b}.
 *
 * <p>Shapes: x {@code [N, in]}, y {@code [N, out]}. Parameters: W {@code [in, out]}, b {@code [out]}, both
 * uniform in {@code [-1/sqrt(in), 1/sqrt(in)]} unless another initializer is given; {@code in*out + out} numbers.
 *
 * <pre>{@code
 * net(input(784)).dense(50).sigmoid().dense(2)     // nn1's perceptron: 784*50 + 50 and 50*2 + 2
 * }</pre>
 */
public final class Dense extends Layer {

    private final int units;
    private final WeightInit init;
    private Tensor weight;
    private Tensor bias;

    public Dense(int units, WeightInit init) {
        this.units = units;
        this.init = init;
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    protected void checkSettings() {
        requireAtLeast("units", units, 1);
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        if (input.length != 1) {
            throw shapeError(input, "a 1-D input [features]", "add .flatten() before it");
        }
        return new int[] {units};
    }

    private int in() {
        return inputShape()[0];
    }

    @Override
    protected void allocate(Random rng) {
        weight = init.weight(rng, new int[] {in(), units}, in(), units).requiresGrad();
        bias = init.bias(rng, new int[] {units}, in()).requiresGrad();
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.matmul(weight).add(bias);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return named("weight", weight, "bias", bias);
    }

    @Override
    public long parameterCount() {
        return (long) in() * units + units;
    }

    @Override
    public String parameterArithmetic() {
        return in() + "*" + units + " + " + units;
    }

    /** The DSL call that appends this layer: {@code "dense(120)"}. */
    @Override
    public String spec() {
        return "dense(" + units + ")";
    }

    @Override
    public String toString() {
        return "Dense(" + (inputShape() == null ? "?" : in()) + " -> " + units + ")";
    }
}
