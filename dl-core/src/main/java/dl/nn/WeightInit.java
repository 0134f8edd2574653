package dl.nn;

import dl.tensor.Tensor;
import java.util.Random;

/**
 * How a layer's weights and biases start. {@code fanIn} is the number of inputs of one output unit
 * ({@code C*k*k} for a convolution), {@code fanOut} the number of outputs one input feeds.
 */
public interface WeightInit {

    Tensor weight(Random rng, int[] shape, int fanIn, int fanOut);

    /** Biases start like PyTorch's unless an initializer says otherwise. */
    default Tensor bias(Random rng, int[] shape, int fanIn) {
        return uniform(rng, shape, (float) (1 / Math.sqrt(fanIn)));
    }

    /**
     * PyTorch's default for Linear and Conv2d: uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} (its Kaiming
     * uniform with a = sqrt(5)). The models start from the same distribution as the PyTorch benchmark's.
     */
    WeightInit DEFAULT = (rng, shape, fanIn, fanOut) -> uniform(rng, shape, (float) (1 / Math.sqrt(fanIn)));

    /** Uniform in {@code [-b, b]}. */
    static Tensor uniform(Random rng, int[] shape, float b) {
        return Tensor.rand(rng, shape).mul(2 * b).sub(b);
    }
}
