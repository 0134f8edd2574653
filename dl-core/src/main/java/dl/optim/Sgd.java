package dl.optim;

import dl.tensor.Tensor;

/**
 * Stochastic gradient descent: {@code w <- w - eta g}, with {@code g = dL/dw} on a mini-batch.
 */
public final class Sgd extends Optimizer {

    public Sgd(double eta) {
        super(eta);
    }

    @Override
    protected void update(int i, Tensor w, Tensor g, float eta) {
        w.addInPlace(-eta, g);
    }
}
