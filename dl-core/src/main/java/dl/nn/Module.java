package dl.nn;

import dl.tensor.Tensor;
import java.util.List;

/**
 * Anything with a forward pass and trainable tensors: a {@link Net}, or a model written by hand for what the
 * chain of layers cannot say.
 *
 * <pre>{@code
 * class TwoTowers implements Module {
 *     Net left = net(input(784)).dense(32), right = net(input(784)).dense(32);
 *     public Tensor forward(Tensor x) { return left.forward(x).add(right.forward(x)).relu(); }
 *     public List<Tensor> parameters() { ... both lists ... }
 * }
 * }</pre>
 */
public interface Module {

    Tensor forward(Tensor x);

    List<Tensor> parameters();
}
