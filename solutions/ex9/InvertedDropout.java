package ex9;

import dl.grading.TodoException;
import java.util.Random;

/**
 * Exercise 9: dropout in training and in evaluation (nn5, fighting overfitting).
 * <p>
 * While training, dropout sets each unit to zero with probability p, so that no unit can rely on another one being
 * there. "Inverted" dropout divides the units it keeps by 1 − p, so that each unit keeps its expected value:
 * <pre>
 *   training:    y_i = 0 with probability p,  y_i = x_i / (1 − p) otherwise     so E[y_i] = x_i
 *   evaluation:  y_i = x_i                                                        (nothing to rescale at test time)
 * </pre>
 */
class InvertedDropout {

    /**
     * The units {@code x} after dropout with drop probability {@code p}, 0 ≤ p &lt; 1, in a new array. In training,
     * unit i is decided by one {@code rng.nextDouble()}, drawn for i = 0, 1, 2, ... in order: dropped when the draw
     * is below p. In evaluation, a copy of x, and {@code rng} is not used.
     */
    static double[] dropout(double[] x, double p, boolean training, Random rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout: p is the probability of dropping a unit, in [0, 1), got " + p
                + "; 0.5 drops half the units");
        }
        // BEGIN SOLUTION: evaluation: x.clone(); training: 0 if rng.nextDouble() < p, else x_i / (1 − p)
        if (!training) {
            return x.clone();
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = rng.nextDouble() < p ? 0 : x[i] / (1 - p);
        }
        return y;
        // END SOLUTION
    }
}
