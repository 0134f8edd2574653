package dl.demo;

import dl.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * LeNet-5 on 28 x 28 grey images, written out with tensor operations alone, so every step of the forward pass
 * is visible (the fluent DSL builds the same network in one line):
 * <pre>
 *   conv 5x5, 1 -> 6, pad 2    [N, 6, 28, 28]   relu, max pool 2   [N, 6, 14, 14]
 *   conv 5x5, 6 -> 16          [N, 16, 10, 10]  relu, max pool 2   [N, 16, 5, 5]
 *   flatten                    [N, 400]
 *   dense 400 -> 120, relu; dense 120 -> 84, relu; dense 84 -> 10 (logits)
 * </pre>
 * 61,706 parameters, as in the slides' table. Weights and biases start uniform in {@code [-b, b]} with
 * {@code b = 1 / sqrt(fan_in)}, PyTorch's default, so both libraries start from the same distribution.
 */
public final class LeNet5 {

    private final Tensor conv1;
    private final Tensor bias1;
    private final Tensor conv2;
    private final Tensor bias2;
    private final Tensor dense1;
    private final Tensor bias3;
    private final Tensor dense2;
    private final Tensor bias4;
    private final Tensor dense3;
    private final Tensor bias5;

    public LeNet5(Random rng) {
        conv1 = uniform(rng, 25, 6, 1, 5, 5);
        bias1 = uniform(rng, 25, 1, 6, 1, 1);
        conv2 = uniform(rng, 150, 16, 6, 5, 5);
        bias2 = uniform(rng, 150, 1, 16, 1, 1);
        dense1 = uniform(rng, 400, 400, 120);
        bias3 = uniform(rng, 400, 120);
        dense2 = uniform(rng, 120, 120, 84);
        bias4 = uniform(rng, 120, 84);
        dense3 = uniform(rng, 84, 84, 10);
        bias5 = uniform(rng, 84, 10);
    }

    private static Tensor uniform(Random rng, int fanIn, int... shape) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        return Tensor.rand(rng, shape).mul(2 * bound).sub(bound).requiresGrad();
    }

    /** Logits {@code [N, 10]} for images {@code [N, 1, 28, 28]}. */
    public Tensor forward(Tensor images) {
        Tensor x = images.conv2d(conv1, 1, 2).add(bias1).relu().maxPool2d(2);
        x = x.conv2d(conv2, 1, 0).add(bias2).relu().maxPool2d(2);
        x = x.flatten(1);
        x = x.matmul(dense1).add(bias3).relu();
        x = x.matmul(dense2).add(bias4).relu();
        return x.matmul(dense3).add(bias5);
    }

    /** The tensors that training changes. */
    public List<Tensor> parameters() {
        return List.of(conv1, bias1, conv2, bias2, dense1, bias3, dense2, bias4, dense3, bias5);
    }

    public int parameterCount() {
        return parameters().stream().mapToInt(Tensor::numel).sum();
    }
}
