package dl.optim;

import dl.tensor.Tensor;

/**
 * Adagrad: each parameter's learning rate is divided by the root of the sum of its past squared gradients, so
 * parameters with large gradients take smaller steps.
 * <pre>
 *   1. s <- s + g^2
 *   2. w <- w - eta / (sqrt(s) + epsilon) g
 * </pre>
 */
public final class Adagrad extends Optimizer {

    private final float epsilon;

    public Adagrad(double eta, double epsilon) {
        super(eta);
        this.epsilon = (float) epsilon;
    }

    @Override
    protected void update(int i, Tensor w, Tensor g, float eta) {
        Tensor s = slot("sumOfSquares", i, w).addInPlace(1, g.mul(g));   // 1.
        w.subInPlace(g.mul(eta).div(s.sqrt().add(epsilon)));            // 2.
    }
}
