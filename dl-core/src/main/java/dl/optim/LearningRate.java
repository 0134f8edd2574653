package dl.optim;

/**
 * The learning rate {@code eta_t} as a function of the step {@code t = 0, 1, 2, ...}, for
 * {@link Optimizer#schedule}: {@code sgd(0.1).schedule(LearningRate.inverseTime(0.1, 1))}.
 */
@FunctionalInterface
public interface LearningRate {

    /** {@code eta_t}, the rate of step {@code t}. */
    float at(int t);

    /**
     * {@code eta_t = eta}, every optimizer's rate unless given a schedule. (Not {@code constant}: that is the
     * initializer {@code W = c}, and the two are imported together.)
     */
    static LearningRate fixed(double eta) {
        float rate = (float) eta;
        return t -> rate;
    }

    /** The slides' 1/t decay with a rate {@code k}: {@code eta_t = eta / (1 + k t)} (k = 1 gives eta / (t + 1)). */
    static LearningRate inverseTime(double eta, double k) {
        float rate = (float) eta;
        float decay = (float) k;
        return t -> rate / (1 + decay * t);
    }

    /**
     * Step decay: {@code eta_t = eta gamma^floor(t / every)}; {@code stepDecay(0.1, 0.5, 1000)} halves the rate
     * every 1000 steps.
     */
    static LearningRate stepDecay(double eta, double gamma, int every) {
        float rate = (float) eta;
        float factor = (float) gamma;
        return t -> (float) (rate * Math.pow(factor, Math.floorDiv(t, every)));
    }
}
