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
 * Each word is the same as in its home class ({@link Optimizers}, {@link Losses}, {@link Fit}), where it is
 * documented with its formula.
 */
public final class Dsl {

    private Dsl() {
    }

    /** The shape of one sample (no batch axis): {@code input(784)}, {@code input(1, 28, 28)}. */
    public static int[] input(int... shape) {
        return shape.clone();
    }

    /** Starts a network whose samples have {@code inputShape}. */
    public static Net net(int[] inputShape) {
        return new Net(inputShape);
    }

    /** A training configuration: {@code epochs(3).batch(64)...}; see {@link Fit}. */
    public static Fit epochs(int n) {
        return Fit.epochs(n);
    }

    public static Optimizer sgd(double eta) {
        return Optimizers.sgd(eta);
    }

    public static Optimizer momentum(double eta) {
        return Optimizers.momentum(eta);
    }

    public static Optimizer nesterov(double eta) {
        return Optimizers.nesterov(eta);
    }

    public static Optimizer adagrad(double eta) {
        return Optimizers.adagrad(eta);
    }

    public static Optimizer rmsprop(double eta) {
        return Optimizers.rmsprop(eta);
    }

    public static Optimizer adam(double eta) {
        return Optimizers.adam(eta);
    }

    public static Loss crossEntropy() {
        return Losses.crossEntropy();
    }

    public static Loss mse() {
        return Losses.mse();
    }
}
