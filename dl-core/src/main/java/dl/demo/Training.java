package dl.demo;

import dl.autograd.NoGrad;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The two pieces of a training step, written with tensors: the cross-entropy loss and SGD with momentum.
 */
public final class Training {

    private Training() {
    }

    /**
     * Cross-entropy of logits {@code z [N, K]} against labels: {@code L = -1/N sum_n log softmax(z_n)[y_n]}.
     * Its gradient is {@code (softmax(z) - onehot(y)) / N}.
     */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        Tensor target = Tensor.oneHot(labels, logits.size(1)).to(logits.backend());
        return logits.logSoftmax().mul(target).sum().div(-labels.length);
    }

    /**
     * Stochastic gradient descent with momentum, as PyTorch writes it:
     * <pre>
     *   v <- mu v + dL/dw
     *   w <- w - eta v
     * </pre>
     */
    public static final class Momentum {

        private final List<Tensor> params;
        private final float eta;
        private final float mu;
        private final List<Tensor> velocity = new ArrayList<>();

        public Momentum(List<Tensor> params, float eta, float mu) {
            this.params = params;
            this.eta = eta;
            this.mu = mu;
            for (Tensor p : params) {
                velocity.add(Tensor.empty(p.backend(), p.shape()));
            }
        }

        /** One update of every parameter from its gradient; then the gradients are cleared. */
        public void step() {
            try (var off = NoGrad.scope()) {
                for (int i = 0; i < params.size(); i++) {
                    Tensor w = params.get(i);
                    if (w.grad() == null) {
                        continue;
                    }
                    Tensor v = velocity.get(i).mul(mu).add(w.grad());
                    velocity.get(i).copyFrom(v);
                    w.copyFrom(w.sub(v.mul(eta)));
                    w.zeroGrad();
                }
            }
        }
    }
}
