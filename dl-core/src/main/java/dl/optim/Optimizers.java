package dl.optim;

/**
 * The optimizers of the course, by the names students use, with the usual defaults. Bind one to parameters
 * ({@code bind(model.parameters())}) or hand it to {@code fit}. In every rule, {@code w} is a parameter,
 * {@code g = dL/dw} its gradient on the mini-batch and {@code eta} the learning rate; the slides write the same
 * with {@code theta} for {@code w} ({@code theta^t <- theta^(t-1) - eta grad C(theta^(t-1))}).
 *
 * <pre>{@code
 * model.fit(data.train(), epochs(5).optimizer(momentum(0.01, 0.9)));
 * }</pre>
 */
public final class Optimizers {

    private Optimizers() {
    }

    /**
     * Stochastic gradient descent, the slides' {@code theta^t <- theta^(t-1) - eta grad C_x(theta^(t-1))}:
     * <pre>
     *   w <- w - eta g
     * </pre>
     * nn1 trains its perceptron with {@code sgd(1e-5)}. See {@link Sgd}.
     */
    public static Sgd sgd(double eta) {
        return new Sgd(eta);
    }

    /** Momentum with {@code mu = 0.9}: {@code momentum(0.01)} is {@code momentum(0.01, 0.9)}. */
    public static Momentum momentum(double eta) {
        return momentum(eta, 0.9);
    }

    /**
     * Momentum: a fraction {@code mu} of the last update is added to the new one.
     * <pre>
     *   v <- mu v + eta g
     *   w <- w - v
     * </pre>
     * PyTorch's {@code SGD(lr=eta, momentum=mu)}. See {@link Momentum}.
     */
    public static Momentum momentum(double eta, double mu) {
        return new Momentum(eta, mu);
    }

    /** Nesterov momentum with {@code mu = 0.9}. */
    public static Nesterov nesterov(double eta) {
        return nesterov(eta, 0.9);
    }

    /**
     * Nesterov's accelerated gradient: jump along the accumulated update first, then correct with the gradient.
     * <pre>
     *   v <- mu v + eta g
     *   w <- w - (mu v + eta g)
     * </pre>
     * See {@link Nesterov}.
     */
    public static Nesterov nesterov(double eta, double mu) {
        return new Nesterov(eta, mu);
    }

    /**
     * Adagrad, with {@code epsilon = 1e-10}: the slides' {@code w^(t+1) <- w^t - eta / sqrt(sum_i (g^i)^2) g^t}.
     * <pre>
     *   s <- s + g^2
     *   w <- w - eta / (sqrt(s) + epsilon) g
     * </pre>
     * See {@link Adagrad}.
     */
    public static Adagrad adagrad(double eta) {
        return new Adagrad(eta, 1e-10);
    }

    /**
     * RMSprop, with {@code alpha = 0.9}, {@code epsilon = 1e-8}: Adagrad with a decaying average of the squared
     * gradients.
     * <pre>
     *   sigma^t = sqrt(alpha (sigma^(t-1))^2 + (1 - alpha) (g^t)^2)       (sigma^0 = |g^0|)
     *   w^(t+1) <- w^t - eta / (sigma^t + epsilon) g^t
     * </pre>
     * See {@link RmsProp}.
     */
    public static RmsProp rmsprop(double eta) {
        return new RmsProp(eta, 0.9, 1e-8);
    }

    /**
     * Adam, with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8} (the slides' gamma1, gamma2):
     * <pre>
     *   1. m <- beta1 m + (1 - beta1) g
     *   2. v <- beta2 v + (1 - beta2) g^2
     *   3. m^ = m / (1 - beta1^t),  v^ = v / (1 - beta2^t)
     *   4. w <- w - eta m^ / (sqrt(v^) + epsilon)
     * </pre>
     * {@code adam(1e-3)} is the usual start. See {@link Adam}.
     */
    public static Adam adam(double eta) {
        return new Adam(eta, 0.9, 0.999, 1e-8);
    }
}
