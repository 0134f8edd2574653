package dl.optim;

/**
 * The optimizers of the course, by the names students use, with the usual defaults. Bind one to parameters
 * ({@code bind(model.parameters())}) or hand it to {@code fit}.
 */
public final class Optimizers {

    private Optimizers() {
    }

    /** {@code w <- w - eta g}. */
    public static Sgd sgd(double eta) {
        return new Sgd((float) eta);
    }

    /** Momentum with {@code mu = 0.9}. */
    public static Momentum momentum(double eta) {
        return momentum(eta, 0.9);
    }

    public static Momentum momentum(double eta, double mu) {
        return new Momentum((float) eta, (float) mu);
    }

    /** Nesterov momentum with {@code mu = 0.9}. */
    public static Nesterov nesterov(double eta) {
        return nesterov(eta, 0.9);
    }

    public static Nesterov nesterov(double eta, double mu) {
        return new Nesterov((float) eta, (float) mu);
    }

    /** Adagrad with {@code epsilon = 1e-10}. */
    public static Adagrad adagrad(double eta) {
        return new Adagrad((float) eta, 1e-10f);
    }

    /** RMSprop with {@code alpha = 0.9}, {@code epsilon = 1e-8}. */
    public static RmsProp rmsprop(double eta) {
        return new RmsProp((float) eta, 0.9f, 1e-8f);
    }

    /** Adam with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8}. */
    public static Adam adam(double eta) {
        return new Adam((float) eta, 0.9f, 0.999f, 1e-8f);
    }
}
