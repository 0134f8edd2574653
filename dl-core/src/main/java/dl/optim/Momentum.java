package dl.optim;

import dl.tensor.Tensor;

/**
 * Momentum (Polyak; Qian 1999): a fraction {@code mu} of the last update is added to the new one, so steps
 * build up along directions the gradient keeps and cancel across oscillations.
 * <pre>
 *   1. v <- mu v + eta g
 *   2. w <- w - v
 * </pre>
 * With a constant learning rate this is PyTorch's {@code SGD(momentum=mu)} exactly.
 */
public final class Momentum extends Optimizer {

    private final float mu;

    public Momentum(double eta, double mu) {
        super(eta);
        this.mu = (float) mu;
    }

    @Override
    protected void update(int i, Tensor w, Tensor g, float eta) {
        Tensor v = slot("velocity", i, w).mulInPlace(mu).addInPlace(eta, g);   // 1.
        w.subInPlace(v);                                                      // 2.
    }
}
