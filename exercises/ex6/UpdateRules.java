package ex6;

import dl.grading.TodoException;

/**
 * Exercise 6: the update rule of each optimizer, from its formula (nn3).
 * <p>
 * Every rule moves the parameters {@code w} against their gradient {@code g = ∂C/∂w}, in place, and keeps what it
 * remembers between steps in arrays of its own (zeros before the first step). {@code t} counts the steps from 0, as
 * the slides do (w^0 is the start, w^(t+1) comes from w^t and g^t). The rules that divide by a root add
 * {@link #EPSILON} to it, so that a gradient of 0 does not divide by 0.
 */
class UpdateRules {

    /** Added to a root before dividing by it. */
    static final double EPSILON = 1e-8;

    /** SGD with 1/t decay: η^t = η / (t + 1), then w ← w − η^t g. */
    static void sgd(double[] w, double[] g, int t, double eta) {
        throw new TodoException("ex6: w_i ← w_i − η / (t + 1) · g_i");
    }

    /** Momentum: v ← μ v + η g, then w ← w − v. The velocity {@code v} remembers past steps. */
    static void momentum(double[] w, double[] g, double[] v, double eta, double mu) {
        throw new TodoException("ex6: v_i ← μ v_i + η g_i, then w_i ← w_i − v_i");
    }

    /**
     * Nesterov: v ← μ v + η g, then w ← w − (μ v + η g). First the jump along the accumulated gradient, then the
     * correction, written with the gradient at the current point.
     */
    static void nesterov(double[] w, double[] g, double[] v, double eta, double mu) {
        throw new TodoException("ex6: v_i ← μ v_i + η g_i, then w_i ← w_i − (μ v_i + η g_i)");
    }

    /**
     * Adagrad: s ← s + g², then w ← w − η / (√s + ε) g. {@code s} is the sum of all past squared gradients,
     * Σ_{i=0}^{t} (g^i)², so this is the slides' w^(t+1) ← w^t − η / √(Σ_{i=0}^{t} (g^i)²) g^t.
     */
    static void adagrad(double[] w, double[] g, double[] s, double eta) {
        throw new TodoException("ex6: s_i ← s_i + g_i², then w_i ← w_i − η / (√s_i + ε) · g_i");
    }

    /**
     * RMSprop: σ² ← g² at the first step (t = 0), σ² ← α σ² + (1 − α) g² after, then w ← w − η / (σ + ε) g. The
     * slides' σ^t = √(α (σ^(t−1))² + (1 − α) (g^t)²), with σ^0 = g^0; {@code sigma2} keeps σ².
     */
    static void rmsprop(double[] w, double[] g, double[] sigma2, int t, double eta, double alpha) {
        throw new TodoException("ex6: σ²_i ← g_i² at t = 0, else α σ²_i + (1 − α) g_i²; w_i ← w_i − η g_i / (σ_i + ε)");
    }

    /**
     * Adam, with the slides' γ1, γ2 written β1, β2:
     * <pre>
     *   m ← β1 m + (1 − β1) g                  an average of the gradients, like momentum
     *   v ← β2 v + (1 − β2) g²                 an average of their squares, like RMSprop
     *   m̂ = m / (1 − β1^(t+1)),  v̂ = v / (1 − β2^(t+1))     (both start at 0: this corrects for it)
     *   w ← w − η m̂ / (√v̂ + ε)
     * </pre>
     */
    static void adam(double[] w, double[] g, double[] m, double[] v, int t, double eta, double beta1, double beta2) {
        throw new TodoException("ex6: m_i, v_i, then m̂_i, v̂_i with 1 − β^(t+1); w_i ← w_i − η m̂_i / (√v̂_i + ε)");
    }
}
