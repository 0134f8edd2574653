package dl.optim;

/**
 * The optimizers of the course, by the names students use, with the usual defaults. Bind one to parameters
 * ({@code bind(model.parameters())}) or hand it to {@code fit}.
 */
public final class Optimizers {

    private Optimizers() {
    }

    /** {@code w <- w - eta g}. */
    public static Sgd sgd(float eta) {
        return new Sgd(eta);
    }

    /** Momentum with {@code mu = 0.9}. */
    public static Momentum momentum(float eta) {
        return momentum(eta, 0.9f);
    }

    public static Momentum momentum(float eta, float mu) {
        return new Momentum(eta, mu);
    }

    /** Nesterov momentum with {@code mu = 0.9}. */
    public static Nesterov nesterov(float eta) {
        return new Nesterov(eta, 0.9f);
    }

    public static Nesterov nesterov(float eta, float mu) {
        return new Nesterov(eta, mu);
    }

    /** Adagrad with {@code epsilon = 1e-10}. */
    public static Adagrad adagrad(float eta) {
        return new Adagrad(eta, 1e-10f);
    }

    /** RMSprop with {@code alpha = 0.9}, {@code epsilon = 1e-8}. */
    public static RmsProp rmsprop(float eta) {
        return new RmsProp(eta, 0.9f, 1e-8f);
    }

    /** Adam with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8}. */
    public static Adam adam(float eta) {
        return new Adam(eta, 0.9f, 0.999f, 1e-8f);
    }
}
