package dl.optim;

import dl.tensor.Tensor;

/**
 * Adam (Kingma and Ba): RMSprop's average of squared gradients, plus an average of the gradients themselves like
 * momentum, both corrected for starting at zero.
 * <pre>
 *   1. m <- beta1 m + (1 - beta1) g
 *   2. v <- beta2 v + (1 - beta2) g^2
 *   3. m^ = m / (1 - beta1^t),  v^ = v / (1 - beta2^t)        (t = 1, 2, ... counts this parameter's updates)
 *   4. w <- w - eta m^ / (sqrt(v^) + epsilon)
 * </pre>
 * The slides write the same with gamma1, gamma2 and put epsilon under the root; with epsilon = 1e-8 the two
 * differ only for gradients that are almost exactly zero. This form is the paper's and PyTorch's.
 *
 * <p>Each parameter has its own {@code t}, as in {@code torch.optim.Adam}: a parameter whose first gradient comes
 * at the optimizer's third step starts its own count at 1, so that its first step, like every parameter's, is
 * {@code eta} times the sign of its gradient.
 */
public final class Adam extends Optimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;

    public Adam(double eta, double beta1, double beta2, double epsilon) {
        super(eta);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
    }

    @Override
    protected void update(int i, Tensor w, Tensor g, float eta) {
        int t = updates(i);
        Tensor m = slot("m", i, w).mulInPlace(beta1).addInPlace(1 - beta1, g);        // 1.
        Tensor v = slot("v", i, w).mulInPlace(beta2).addInPlace(1 - beta2, g.mul(g)); // 2.
        Tensor mHat = m.div((float) (1 - Math.pow(beta1, t)));                        // 3.
        Tensor vHat = v.div((float) (1 - Math.pow(beta2, t)));
        w.subInPlace(mHat.mul(eta).div(vHat.sqrt().add(epsilon)));                   // 4.
    }
}
