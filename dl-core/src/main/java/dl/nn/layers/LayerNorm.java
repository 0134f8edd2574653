package dl.nn.layers;

import dl.nn.Layer;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Map;
import java.util.Random;

/**
 * Layer normalization (Ba, Kiros and Hinton): like batch norm, but each sample is normalized over its own numbers,
 * so it behaves the same in training and evaluation and for any batch size:
 * <pre>
 *   mu, sigma^2 = mean and variance of one sample's numbers
 *   y = gamma (x - mu) / sqrt(sigma^2 + eps) + beta
 * </pre>
 * gamma (ones) and beta (zeros) have the sample's shape: {@code 2 * size} parameters.
 */
public final class LayerNorm extends Layer {

    private Tensor gamma;
    private Tensor beta;

    @Override
    public String kind() {
        return "layerNorm";
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        return input;
    }

    @Override
    protected void allocate(Random rng) {
        gamma = Tensor.ones(inputShape()).requiresGrad();
        beta = Tensor.zeros(inputShape()).requiresGrad();
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] shape = x.shape();
        Tensor rows = x.reshape(shape[0], -1);
        Tensor centred = rows.sub(rows.mean(1, true));
        Tensor var = centred.mul(centred).mean(1, true);
        Tensor normalized = centred.div(var.add(BatchNorm.EPS).sqrt()).reshape(shape);
        return normalized.mul(gamma).add(beta);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return named("gamma", gamma, "beta", beta);
    }

    @Override
    public long parameterCount() {
        return 2L * Shapes.size(inputShape());
    }

    @Override
    public String parameterArithmetic() {
        return "2*" + Shapes.size(inputShape());
    }

    /** The DSL call that appends this layer: {@code "layerNorm()"}. */
    @Override
    public String spec() {
        return "layerNorm()";
    }

    @Override
    public String toString() {
        return "LayerNorm" + (inputShape() == null ? "" : Shapes.str(inputShape()));
    }
}
