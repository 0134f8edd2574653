package dl.nn.layers;

import dl.nn.Layer;
import dl.tensor.Tensor;

/**
 * An element-wise function (or softmax along the features), no parameters, shape unchanged:
 * <pre>
 *   relu(x) = max(x, 0)           leakyRelu(x) = x if x > 0 else alpha x
 *   sigmoid(x) = 1 / (1 + e^-x)   tanh(x)
 *   softmax(x)_j = e^(x_j) / sum_k e^(x_k)      logSoftmax(x)_j = x_j - log sum_k e^(x_k)
 * </pre>
 */
public final class Activation extends Layer {

    /** The functions a network can apply. */
    public enum Function { RELU, LEAKY_RELU, SIGMOID, TANH, SOFTMAX, LOG_SOFTMAX }

    private final Function function;
    private final float alpha;

    public Activation(Function function, double alpha) {
        this.function = function;
        this.alpha = (float) alpha;
    }

    @Override
    public String kind() {
        return switch (function) {
            case RELU -> "relu";
            case LEAKY_RELU -> "leakyRelu";
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case SOFTMAX -> "softmax";
            case LOG_SOFTMAX -> "logSoftmax";
        };
    }

    /** Leaky ReLU's slope in [0, 1): from 1 on, negative inputs would weigh as much as positive ones or more. */
    @Override
    protected void checkSettings() {
        if (function == Function.LEAKY_RELU && !(alpha >= 0 && alpha < 1)) {   // NaN too
            throw settingError("slope", "must be in [0, 1), got " + alpha + "; it multiplies the negative inputs,"
                    + " 0.01 is usual");
        }
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        if ((function == Function.SOFTMAX || function == Function.LOG_SOFTMAX) && input.length != 1) {
            throw shapeError(input, "1-D input [classes]", "add .flatten() and a dense layer before it");
        }
        return input;
    }

    @Override
    public Tensor forward(Tensor x) {
        return switch (function) {
            case RELU -> x.relu();
            case LEAKY_RELU -> x.leakyRelu(alpha);
            case SIGMOID -> x.sigmoid();
            case TANH -> x.tanh();
            case SOFTMAX -> x.softmax();
            case LOG_SOFTMAX -> x.logSoftmax();
        };
    }

    /** The DSL call that appends this layer: {@code "relu()", "leakyRelu(0.1)"}. */
    @Override
    public String spec() {
        return kind() + "(" + (function == Function.LEAKY_RELU ? alpha : "") + ")";
    }

    @Override
    public String toString() {
        String name = kind();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + (function == Function.LEAKY_RELU ? "(" + alpha + ")" : "");
    }
}
