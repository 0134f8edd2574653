package ex7;

import dl.grading.TodoException;
import java.util.Random;

/**
 * Exercise 7: the Xavier and He initializers (nn3, initialization).
 * <p>
 * A layer's weights start random, with mean 0 and a variance chosen so that signals keep their size from layer to
 * layer. With N_in inputs and N_out outputs per unit:
 * <pre>
 *   Xavier (Glorot and Bengio 2010, on the slides):  W ~ N(0, σ²),  σ² = var(W) = 2 / (N_in + N_out)
 *   He (He et al. 2015, for ReLU layers):            W ~ N(0, σ²),  σ² = var(W) = 2 / N_in
 * </pre>
 * Each returns the weights of a dense layer as a grid {@code W[fanOut][fanIn]}: row j holds the weights of unit j.
 */
class Initialization {

    /**
     * A grid {@code W[fanOut][fanIn]} of numbers drawn from N(0, σ²), row after row: {@code W[0][0]},
     * {@code W[0][1]}, ..., then row 1, each {@code σ · rng.nextGaussian()}, one draw per number in that order (so
     * the same seed gives the same weights).
     */
    static double[][] normal(int fanIn, int fanOut, double sigma, Random rng) {
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("a layer has at least one input and one output, got fanIn = " + fanIn
                + " and fanOut = " + fanOut);
        }
        throw new TodoException("ex7: fill W[fanOut][fanIn] row after row with sigma * rng.nextGaussian()");
    }

    /** Xavier: {@code W ~ N(0, 2 / (N_in + N_out))}, drawn with {@link #normal}. */
    static double[][] xavier(int fanIn, int fanOut, Random rng) {
        throw new TodoException("ex7: call normal(...) with σ = sqrt(2 / (N_in + N_out))");
    }

    /** He: {@code W ~ N(0, 2 / N_in)}, drawn with {@link #normal}. */
    static double[][] he(int fanIn, int fanOut, Random rng) {
        throw new TodoException("ex7: call normal(...) with σ = sqrt(2 / N_in)");
    }
}
