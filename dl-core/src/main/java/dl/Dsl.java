package dl;

import dl.data.Augmentation;
import dl.nn.Net;
import dl.nn.init.Initializers;
import dl.nn.loss.Losses;
import dl.optim.LearningRate;
import dl.optim.Optimizers;
import dl.train.Fit;

/**
 * The words that start a model and its training, to import statically with the homes of the other words, as the
 * notebook kernel and {@code ./dl jshell} do (see {@code dl/startup.jsh}), so that a cell reads like the slides:
 *
 * <pre>{@code
 * import static dl.Dsl.*;                      // net, input, epochs
 * import static dl.nn.loss.Losses.*;           // crossEntropy(), mse(), sumSquaredError(), ...
 * import static dl.optim.Optimizers.*;         // sgd(eta), momentum(eta, mu), adam(eta), ...
 * import static dl.optim.LearningRate.*;       // inverseTime(eta, k), stepDecay(eta, gamma, every)
 * import static dl.nn.init.Initializers.*;     // xavier(), he(), truncatedNormal(), lsuv(), ...
 * import static dl.data.Augmentation.*;        // flip(), crop(pad), noise(stddev)
 *
 * var model = net(input(1, 28, 28)).conv(3, 64).relu().pool(2).flatten().dense(10);
 * var history = model.fit(data.train(), epochs(3).batch(64).loss(crossEntropy()).optimizer(adam(1e-3)));
 * }</pre>
 * Each word has one home, which documents its formula ({@link Losses}, {@link Optimizers}, {@link LearningRate},
 * {@link Initializers}, {@link Augmentation}), and no two homes have a word of the same name and parameters, so
 * these imports never make a call ambiguous (checked by {@code ImportSurfaceTest}). A word is not repeated here:
 * two static methods {@code adam(double)}, one here and one in {@link Optimizers}, would make {@code adam(1e-3)}
 * ambiguous for anyone who imports both.
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

    /**
     * {@code full}, or {@code small} when the environment variable {@code DL_QUICK} is {@code 1}: a notebook trains
     * on {@code quick(60_000, 2_000)} images for {@code quick(10, 1)} epochs in class, and the tests run every
     * notebook in minutes with {@code DL_QUICK=1}. Numbers a notebook states as facts (parameter counts, worked
     * grids) never go through it.
     */
    public static int quick(int full, int small) {
        return isQuick() ? small : full;
    }

    /** Whether the notebooks run in their quick mode: the environment variable {@code DL_QUICK} is {@code 1}. */
    public static boolean isQuick() {
        return "1".equals(System.getenv("DL_QUICK"));
    }
}
