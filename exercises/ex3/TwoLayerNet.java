package ex3;

import dl.grading.TodoException;
import java.util.Random;

/**
 * Exercise 3: the backward pass of a 2-layer network, by hand (nn1 made small, one example at a time).
 * <p>
 * Forward: u = x w1 + b1, h = f(u) with the sigmoid f, y = h w2 + b2, and the cost C = Σ_j (y_j − t_j)² against
 * the target t. Backward, by the chain rule ∂C/∂w_ij = ∂C/∂y_j · ∂y_j/∂u_j · ∂u_j/∂w_ij:
 * <pre>
 *   ∂C/∂y_j   = 2 (y_j − t_j)
 *   ∂C/∂w2_ij = h_i · ∂C/∂y_j              ∂C/∂b2_j = ∂C/∂y_j
 *   ∂C/∂u_i   = (Σ_j w2_ij · ∂C/∂y_j) · h_i (1 − h_i)
 *   ∂C/∂w1_ki = x_k · ∂C/∂u_i              ∂C/∂b1_i = ∂C/∂u_i
 * </pre>
 *
 * @param w1 the hidden layer's weights: {@code w1[k][i]} from input k to hidden neuron i
 * @param b1 the hidden layer's biases, one per hidden neuron
 * @param w2 the output layer's weights: {@code w2[i][j]} from hidden neuron i to output j
 * @param b2 the output layer's biases, one per output
 */
record TwoLayerNet(double[][] w1, double[] b1, double[][] w2, double[] b2) {

    /** ∂C/∂θ for each parameter θ, each the shape of its parameter. */
    record Gradients(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    }

    /** A network whose weights are drawn from a normal distribution of standard deviation 0.5; biases 0. */
    static TwoLayerNet random(Random rng, int inputs, int hidden, int outputs) {
        return new TwoLayerNet(gaussian(rng, inputs, hidden), new double[hidden], gaussian(rng, hidden, outputs),
            new double[outputs]);
    }

    /** h = f(x w1 + b1), with the sigmoid f(u) = 1 / (1 + e^(−u)). */
    double[] hidden(double[] x) {
        double[] u = affine(x, w1, b1);
        double[] h = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            h[i] = 1 / (1 + Math.exp(-u[i]));
        }
        return h;
    }

    /** y = h w2 + b2 (no activation on the output layer). */
    double[] output(double[] h) {
        return affine(h, w2, b2);
    }

    /** C = Σ_j (y_j − t_j)², the squared error of the output y for the input x against the target t. */
    double cost(double[] x, double[] t) {
        double[] y = output(hidden(x));
        double c = 0;
        for (int j = 0; j < y.length; j++) {
            c += (y[j] - t[j]) * (y[j] - t[j]);
        }
        return c;
    }

    /** ∂C/∂y_j = 2 (y_j − t_j). */
    static double[] outputGradient(double[] y, double[] t) {
        throw new TodoException("ex3: return 2 (y_j − t_j) for each output j");
    }

    /**
     * ∂C/∂u_i = (Σ_j w2_ij · ∂C/∂y_j) · h_i (1 − h_i): back through the output layer's weights, then through the
     * sigmoid, whose derivative is f'(u) = f(u)(1 − f(u)) = h (1 − h).
     */
    double[] hiddenGradient(double[] h, double[] dCdy) {
        throw new TodoException("ex3: for each hidden neuron i, (Σ_j w2[i][j] · dCdy[j]) · h[i] · (1 − h[i])");
    }

    /**
     * The gradient of a layer's weights, for a layer u = input · w + b: ∂C/∂w_ij = input_i · ∂C/∂u_j, since
     * ∂u_j/∂w_ij = input_i. One row per input, one column per neuron, like w.
     */
    static double[][] weightGradient(double[] input, double[] dCdu) {
        throw new TodoException("ex3: return the grid input[i] · dCdu[j], one row per input i");
    }

    /**
     * The four gradients of C for one example: the forward pass (keep h and y), then the backward pass with
     * {@link #outputGradient}, {@link #hiddenGradient} and {@link #weightGradient}. A bias's gradient is its
     * neuron's ∂C/∂u, since ∂u_j/∂b_j = 1.
     */
    Gradients backward(double[] x, double[] t) {
        throw new TodoException("ex3: forward (h, y), then ∂C/∂y and ∂C/∂u, and the four gradients");
    }

    /** One step of gradient descent, θ_new = θ_old − η ∂C/∂θ, as a new network (this one is left as it is). */
    TwoLayerNet step(Gradients g, double eta) {
        return new TwoLayerNet(minus(w1, eta, g.w1()), minus(b1, eta, g.b1()), minus(w2, eta, g.w2()),
            minus(b2, eta, g.b2()));
    }

    /** a w + b: {@code Σ_k a[k] w[k][i] + b[i]} for each neuron i. */
    private static double[] affine(double[] a, double[][] w, double[] b) {
        double[] u = b.clone();
        for (int k = 0; k < a.length; k++) {
            for (int i = 0; i < u.length; i++) {
                u[i] += a[k] * w[k][i];
            }
        }
        return u;
    }

    private static double[][] gaussian(Random rng, int rows, int columns) {
        double[][] w = new double[rows][columns];
        for (double[] row : w) {
            for (int i = 0; i < columns; i++) {
                row[i] = 0.5 * rng.nextGaussian();
            }
        }
        return w;
    }

    private static double[] minus(double[] theta, double eta, double[] gradient) {
        double[] next = theta.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] -= eta * gradient[i];
        }
        return next;
    }

    private static double[][] minus(double[][] theta, double eta, double[][] gradient) {
        double[][] next = new double[theta.length][];
        for (int r = 0; r < theta.length; r++) {
            next[r] = minus(theta[r], eta, gradient[r]);
        }
        return next;
    }
}
