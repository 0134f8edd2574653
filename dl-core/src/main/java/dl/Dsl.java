package dl;

import dl.nn.Net;
import dl.nn.loss.Loss;
import dl.nn.loss.Losses;
import dl.optim.Optimizer;
import dl.optim.Optimizers;
import dl.train.Fit;

/**
 * The words of the DSL, to import statically ({@code import static dl.Dsl.*;}, as the notebook kernel and
 * {@code ./dl jshell} do), so that a cell reads like the slides:
 *
 * <pre>{@code
 * var model = net(input(1, 28, 28)).conv(3, 64).relu().pool(2).flatten().dense(10);
 * var history = model.fit(data.train(), epochs(3).batch(64).loss(crossEntropy()).optimizer(adam(1e-3)));
 * }</pre>
 * Each word is the same as in its home class ({@link Optimizers}, {@link Losses}, {@link Fit}). In the formulas,
 * {@code w} is a parameter, {@code g = dL/dw} its gradient on the mini-batch and {@code eta} the learning rate.
 */
public final class Dsl {

    private Dsl() {
    }

    /** The shape of one sample (no batch axis): {@code input(784)}, {@code input(1, 28, 28)} for [C, H, W]. */
    public static int[] input(int... shape) {
        return shape.clone();
    }

    /**
     * Starts a network whose samples have {@code inputShape}; each word after it appends a layer:
     * {@code net(input(2304)).dense(50).sigmoid().dense(2).sigmoid()} is nn1's perceptron.
     */
    public static Net net(int[] inputShape) {
        return new Net(inputShape);
    }

    /** A training configuration for {@code n} passes over the data: {@code epochs(3).batch(64)...}; see {@link Fit}. */
    public static Fit epochs(int n) {
        return Fit.epochs(n);
    }

    /** Stochastic gradient descent: {@code w <- w - eta g}; nn1 uses {@code sgd(1e-5)}. */
    public static Optimizer sgd(double eta) {
        return Optimizers.sgd(eta);
    }

    /** Momentum with {@code mu = 0.9}: {@code v <- mu v + eta g}, {@code w <- w - v}. */
    public static Optimizer momentum(double eta) {
        return Optimizers.momentum(eta);
    }

    /** Momentum: {@code v <- mu v + eta g}, {@code w <- w - v}; {@code momentum(0.01, 0.9)}. */
    public static Optimizer momentum(double eta, double mu) {
        return Optimizers.momentum(eta, mu);
    }

    /** Nesterov momentum with {@code mu = 0.9}: {@code v <- mu v + eta g}, {@code w <- w - (mu v + eta g)}. */
    public static Optimizer nesterov(double eta) {
        return Optimizers.nesterov(eta);
    }

    /** Nesterov momentum: {@code v <- mu v + eta g}, {@code w <- w - (mu v + eta g)}. */
    public static Optimizer nesterov(double eta, double mu) {
        return Optimizers.nesterov(eta, mu);
    }

    /** Adagrad: {@code s <- s + g^2}, {@code w <- w - eta / (sqrt(s) + epsilon) g}, {@code epsilon = 1e-10}. */
    public static Optimizer adagrad(double eta) {
        return Optimizers.adagrad(eta);
    }

    /**
     * RMSprop: {@code sigma^t = sqrt(alpha (sigma^(t-1))^2 + (1 - alpha) (g^t)^2)},
     * {@code w <- w - eta / (sigma^t + epsilon) g}, with {@code alpha = 0.9}, {@code epsilon = 1e-8}.
     */
    public static Optimizer rmsprop(double eta) {
        return Optimizers.rmsprop(eta);
    }

    /**
     * Adam, {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8}: {@code m <- beta1 m + (1 - beta1) g},
     * {@code v <- beta2 v + (1 - beta2) g^2}, {@code m^ = m / (1 - beta1^t)}, {@code v^ = v / (1 - beta2^t)},
     * {@code w <- w - eta m^ / (sqrt(v^) + epsilon)}; {@code adam(1e-3)} is the usual start.
     */
    public static Optimizer adam(double eta) {
        return Optimizers.adam(eta);
    }

    /**
     * Cross-entropy on logits (the last dense layer's raw outputs, no softmax layer):
     * {@code L = -1/N sum_n sum_k t_nk log softmax(z_n)_k}; targets are class indices {@code [N]} or rows of
     * probabilities {@code [N, K]}. See {@link Losses#crossEntropy}.
     */
    public static Loss crossEntropy() {
        return Losses.crossEntropy();
    }

    /** Mean squared error: {@code L = 1/n sum_i (y_i - t_i)^2} over every number; see {@link Losses#mse}. */
    public static Loss mse() {
        return Losses.mse();
    }
}
