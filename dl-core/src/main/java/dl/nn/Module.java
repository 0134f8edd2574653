package dl.nn;

import dl.data.Dataset;
import dl.nn.loss.Loss;
import dl.tensor.Tensor;
import dl.train.Fit;
import dl.train.History;
import dl.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anything with a forward pass and trainable tensors: a {@link Net}, or a model written by hand for what the
 * chain of layers cannot say. It trains, evaluates, summarizes and checkpoints as a {@code Net} does:
 *
 * <pre>{@code
 * class TwoTowers implements Module {
 *     Net left = net(input(784)).dense(32), right = net(input(784)).dense(32);
 *     public Tensor forward(Tensor x) { return left.forward(x).add(right.forward(x)).relu(); }
 *     public List<Tensor> parameters() { ... left's, then right's ... }
 * }
 * var towers = new TwoTowers();
 * var optimizer = adam(1e-3);
 * towers.fit(data.train(), epochs(3).optimizer(optimizer));
 * towers.evaluate(data.test(), crossEntropy());    // loss 0.3012 (cross-entropy per example), accuracy 89.2%
 * towers.summary();                               // one row per parameter: name, shape, count
 * Checkpoint.save(path, towers.state(), optimizer.state());
 * }</pre>
 * A module with parts that behave differently in training (dropout, batch norm) overrides {@link #train()} and
 * {@link #eval()} to pass the mode on to them; one that keeps buffers (batch norm's running statistics) adds them
 * to {@link #state()}.
 */
public interface Module {

    /** The output for a batch {@code x [N, ...]}, recording the graph for {@code backward()}. */
    Tensor forward(Tensor x);

    /** Every trainable tensor, the same tensors on every call: what the optimizer changes. */
    List<Tensor> parameters();

    /** The parameters by name; by default by their place in {@link #parameters()}: {@code "0"}, {@code "1"}... */
    default Map<String, Tensor> namedParameters() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        List<Tensor> parameters = parameters();
        for (int i = 0; i < parameters.size(); i++) {
            named.put(String.valueOf(i), parameters.get(i));
        }
        return named;
    }

    /** What a checkpoint saves and early stopping restores: the named parameters, and any buffers. */
    default Map<String, Tensor> state() {
        return namedParameters();
    }

    /** Training mode; by default there is none to set (no dropout, no batch norm). */
    default Module train() {
        return this;
    }

    /** Evaluation mode; by default there is none to set. */
    default Module eval() {
        return this;
    }

    /** Trains on {@code data} as {@code config} says, as {@link Net#fit} does. */
    default History fit(Dataset data, Fit config) {
        return Trainer.fit(this, data, config);
    }

    /** Loss (per example) and accuracy on {@code data}, in evaluation mode: {@code evaluate(test, mse())}. */
    default Trainer.Evaluation evaluate(Dataset data, Loss loss) {
        return Trainer.evaluate(this, data, loss);
    }

    /** One row per parameter: its name, shape and count, then the total. */
    default Summary summary() {
        return new Summary(this);
    }
}
