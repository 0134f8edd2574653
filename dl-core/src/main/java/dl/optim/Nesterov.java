package dl.optim;

import dl.tensor.Tensor;

/**
 * Nesterov's accelerated gradient: first jump along the accumulated update, then measure the gradient where you
 * land and correct. Written with the gradient at the current point (Sutskever et al.'s form):
 * <pre>
 *   1. v <- mu v + eta g
 *   2. w <- w - (mu v + eta g)        (the look-ahead: the next jump is already taken into account)
 * </pre>
 */
public final class Nesterov extends Optimizer {

    private final float mu;

    public Nesterov(double eta, double mu) {
        super(eta);
        this.mu = (float) mu;
    }

    @Override
    protected void update(int i, Tensor w, Tensor g, float eta) {
        Tensor v = slot("velocity", i, w).mulInPlace(mu).addInPlace(eta, g);   // 1.
        w.addInPlace(-mu, v).addInPlace(-eta, g);                             // 2.
    }
}
