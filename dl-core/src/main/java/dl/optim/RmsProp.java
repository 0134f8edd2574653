package dl.optim;

import dl.tensor.Tensor;

/**
 * RMSprop: like Adagrad, but with an exponentially decaying average of the squared gradients, so the steps do
 * not shrink forever.
 * <pre>
 *   1. sigma^2 <- g^2                               at the parameter's first step
 *      sigma^2 <- alpha sigma^2 + (1 - alpha) g^2   after
 *   2. w <- w - eta / (sigma + epsilon) g
 * </pre>
 */
public final class RmsProp extends Optimizer {

    private final float alpha;
    private final float epsilon;

    public RmsProp(double eta, double alpha, double epsilon) {
        super(eta);
        this.alpha = (float) alpha;
        this.epsilon = (float) epsilon;
    }

    @Override
    protected void update(int i, Tensor w, Tensor g, float eta) {
        Tensor squared = g.mul(g);
        Tensor sigma2 = slot("sigma2", i, w);                                          // 1.
        if (updates(i) == 1) {
            sigma2.copyFrom(squared);
        } else {
            sigma2.mulInPlace(alpha).addInPlace(1 - alpha, squared);
        }
        w.subInPlace(g.mul(eta).div(sigma2.sqrt().add(epsilon)));                     // 2.
    }
}
