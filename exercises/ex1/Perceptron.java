package ex1;

import dl.grading.TodoException;

/**
 * Exercise 1: the forward pass of a perceptron (nn1).
 * <p>
 * A perceptron weighs its inputs, adds a bias and says yes or no: f(x) = wᵀx + b = Σ_j w_j x_j + b, and the output
 * is 1 when f(x) is positive, 0 otherwise. A layer is many perceptrons reading the same inputs, each with its own
 * weights: a_i = step(Σ_j W_{j,i} a_j + b_i), where W_{j,i} is the weight from input j to neuron i.
 */
class Perceptron {

    /** f(x) = wᵀx + b = Σ_j w_j x_j + b, the weighted sum of the inputs plus the bias. */
    static double weightedSum(double[] w, double[] x, double b) {
        if (w.length != x.length) {
            throw new IllegalArgumentException("w has " + w.length + " weights but x has " + x.length
                + " inputs: a perceptron needs one weight per input");
        }
        throw new TodoException("ex1: add up w_j · x_j over j, then add b");
    }

    /** The perceptron's answer: 1 if f(x) = wᵀx + b is positive (above 0), else 0. */
    static int output(double[] w, double[] x, double b) {
        throw new TodoException("ex1: return 1 when weightedSum(w, x, b) > 0, else 0");
    }

    /**
     * A layer of perceptrons: a_i = step(Σ_j W_{j,i} a_j + b_i) for each neuron i. {@code W[j][i]} is the weight from
     * input j to neuron i, so {@code W} has one row per input and one column per neuron, and {@code b} one bias per
     * neuron. The outputs, 0s and 1s, can be the inputs of the next layer.
     */
    static double[] layer(double[][] W, double[] a, double[] b) {
        if (W.length != a.length || W[0].length != b.length) {
            throw new IllegalArgumentException("W is " + W.length + "×" + W[0].length + ", so the layer needs "
                + W.length + " inputs and " + W[0].length + " biases; got " + a.length + " inputs and " + b.length
                + " biases");
        }
        throw new TodoException("ex1: for each neuron i, the step of Σ_j W[j][i] · a[j] + b[i]");
    }
}
