package dl.optim;

/** The learning rate {@code eta_t} as a function of the step {@code t = 0, 1, 2, ...}. */
@FunctionalInterface
public interface LearningRate {

    float at(int t);

    /** {@code eta_t = eta}. */
    static LearningRate constant(float eta) {
        return t -> eta;
    }

    /** The slides' 1/t decay with a rate {@code k}: {@code eta_t = eta / (1 + k t)} (k = 1 gives eta / (t + 1)). */
    static LearningRate inverseTime(float eta, float k) {
        return t -> eta / (1 + k * t);
    }

    /** Step decay: {@code eta_t = eta gamma^floor(t / every)}, e.g. halve every 1000 steps. */
    static LearningRate stepDecay(float eta, float gamma, int every) {
        return t -> (float) (eta * Math.pow(gamma, Math.floorDiv(t, every)));
    }
}
