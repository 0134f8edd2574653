package dl.nn.loss;

import dl.tensor.Shapes;
import dl.tensor.Tensor;

/**
 * The losses of the course. Classification targets are either class indices {@code [N]} or rows of
 * probabilities {@code [N, K]} (one-hot, or the course's float label pairs). Each loss turns a batch of outputs
 * {@code y} (or logits {@code z}) and targets {@code t} into one number, a scalar tensor:
 * {@code epochs(5).loss(Losses.sumSquaredError())}.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Mean squared error: {@code L = 1/n sum_i (y_i - t_i)^2} over all {@code n} numbers of the batch; output and
     * target have the same shape. For regression: {@code loss(mse())}.
     */
    public static Loss mse() {
        return loss("mse", false, (y, t) -> {
            Tensor d = y.sub(sameShape("mse", y, t));
            return d.mul(d).mean();
        });
    }

    /**
     * Summed squared error, as nn1 trains its perceptron, the slides' {@code L = sum_n (y^(n) - t^(n))^2} over the
     * batch and every output; output and target have the same shape ({@code [N, 2]} for nn1's label pairs). It grows
     * with the batch, so {@code fit} reports it divided by the examples of the batch (see {@link Loss#summed}).
     */
    public static Loss sumSquaredError() {
        return loss("sse", true, (y, t) -> {
            Tensor d = y.sub(sameShape("sse", y, t));
            return d.mul(d).sum();
        });
    }

    /**
     * Cross-entropy on logits (the last dense layer's raw outputs {@code z [N, K]}, no softmax layer): the slides'
     * {@code l^(n) = H(t^(n)|y^(n)) = -sum_i t^(n)(i) log y^(n)(i)} with {@code y^(n) = softmax(z^(n))}, averaged
     * over the batch: {@code L = -1/N sum_n sum_k t_nk log softmax(z_n)_k}, computed as a log-softmax so that large
     * logits do not overflow. Its gradient is {@code (softmax(z) - t) / N}. Targets: class indices {@code [N]} or
     * rows of probabilities {@code [N, K]}.
     */
    public static Loss crossEntropy() {
        return loss("cross-entropy", false, (z, t) -> nll(z.logSoftmax(), t));
    }

    /**
     * Cross-entropy on log-probabilities {@code log p [N, K]} (after a {@code logSoftmax()} layer):
     * {@code L = -1/N sum_n sum_k t_nk log p_nk}; targets as for {@link #crossEntropy}.
     */
    public static Loss nll() {
        return loss("nll", false, Losses::nll);
    }

    /**
     * Binary cross-entropy on probabilities (after a {@code sigmoid()}), the slides'
     * {@code E(t, p) = -sum_i (t_i log p_i + (1 - t_i) log(1 - p_i))} averaged over every number:
     * {@code L = -mean(t log p + (1 - t) log(1 - p))}, p kept off 0 and 1; output and target of the same shape.
     */
    public static Loss binaryCrossEntropy() {
        return loss("binary cross-entropy", false, (p, t) -> {
            Tensor q = p.clamp(1e-7f, 1 - 1e-7f);
            Tensor target = sameShape("binaryCrossEntropy", p, t);
            return target.mul(q.log()).add(target.neg().add(1).mul(q.neg().add(1).log())).mean().neg();
        });
    }

    /**
     * Binary cross-entropy on logits (no sigmoid layer), stable for any z; output and target of the same shape:
     * {@code L = mean(max(z, 0) - z t + log(1 + e^-|z|))}, which equals the above with {@code p = sigmoid(z)}.
     */
    public static Loss binaryCrossEntropyWithLogits() {
        return loss("binary cross-entropy", false, (z, t) -> {
            Tensor target = sameShape("binaryCrossEntropyWithLogits", z, t);
            return z.relu().sub(z.mul(target)).add(z.abs().neg().exp().add(1).log()).mean();
        });
    }

    private static Tensor nll(Tensor logp, Tensor t) {
        return logp.mul(probabilities(logp, t)).sum().div(-logp.size(0));
    }

    /** Class indices {@code [N]} become one-hot rows; rows of probabilities pass as they are. */
    static Tensor probabilities(Tensor output, Tensor target) {
        if (target.rank() == 1 && output.rank() == 2 && target.size(0) == output.size(0)) {
            float[] classes = target.toFloatArray();
            int outputs = output.size(1);
            int[] labels = new int[classes.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (int) classes[i];
                if (labels[i] < 0 || labels[i] >= outputs) {
                    throw outsideOutputs(labels[i], i, outputs);
                }
            }
            return Tensor.oneHot(labels, outputs).to(output.device());
        }
        return sameShape("crossEntropy", output, target);
    }

    /** A label with no output of its own: the model has fewer outputs than the data has classes. */
    private static IllegalArgumentException outsideOutputs(int label, int example, int outputs) {
        String fix = label < 0 ? "labels are class numbers from 0" : "the data has at least " + (label + 1)
                + " classes; end the model with dense(" + (label + 1) + ") or more";
        return new IllegalArgumentException("crossEntropy: label " + label + " (example " + example
                + " of the batch) has no output: the model has " + outputs + " outputs, for classes 0.."
                + (outputs - 1) + ", but " + fix);
    }

    private static Tensor sameShape(String loss, Tensor output, Tensor target) {
        if (!java.util.Arrays.equals(output.shape(), target.shape())) {
            throw new IllegalArgumentException(loss + ": the output has shape " + Shapes.str(output.shape())
                    + " but the target " + Shapes.str(target.shape()) + "; they must match"
                    + (output.rank() == 2 && target.rank() == 1 ? " (class indices [N] work for crossEntropy and nll)"
                    : ""));
        }
        return target;
    }

    private static Loss loss(String name, boolean summed, java.util.function.BinaryOperator<Tensor> f) {
        return new Loss() {
            @Override
            public Tensor apply(Tensor output, Tensor target) {
                return f.apply(output, target);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean summed() {
                return summed;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
