package dl.nn;

import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * One step of a network. A layer knows the shape of one sample it receives (set when it is appended to a
 * {@link Net}, so nobody repeats an in-channel count), the shape it gives, its parameters, and its forward pass;
 * the backward pass comes from autograd.
 *
 * <p>Weights are allocated only when the network first runs ({@link #build}): a model that is only summarised,
 * like VGG16 with its 138 million parameters, holds shapes and nothing else.
 */
public abstract class Layer {

    private int[] inputShape;
    private int[] outputShape;
    private int position;
    private String name;
    private String source = "the input";
    private boolean built;
    /** Whether the network is training (dropout drops, batch norm uses batch statistics) or evaluating. */
    protected boolean training = true;

    /** The layer's kind, as students write it in the DSL: "conv", "dense", "pool". */
    public abstract String kind();

    /** The output shape of one sample given the input shape; a shape that does not fit is a clear error. */
    protected abstract int[] outputShapeFor(int[] input);

    /**
     * Refuses settings that no input could make work (0 filters, a dropout probability of 1.5) with
     * {@link #settingError}; called when the layer is appended, so the network never holds such a layer.
     */
    protected void checkSettings() {
    }

    /** Runs the layer on a batch: {@code x} has a leading batch axis. */
    public abstract Tensor forward(Tensor x);

    /** Allocates the weights with {@code rng}; layers without weights have nothing to do. */
    protected void allocate(Random rng) {
    }

    /** The weights by name ("weight", "bias"), empty before {@link #build} or for layers without weights. */
    public Map<String, Tensor> parameters() {
        return new LinkedHashMap<>();
    }

    /** {@code name, tensor, name, tensor, ...} as a map in that order, leaving out the tensors not (yet) there. */
    protected static Map<String, Tensor> named(Object... namesAndTensors) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTensors.length; i += 2) {
            if (namesAndTensors[i + 1] != null) {
                map.put((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
            }
        }
        return map;
    }

    /** Numbers that the layer keeps but training does not change by gradient (batch norm's running mean). */
    public Map<String, Tensor> buffers() {
        return new LinkedHashMap<>();
    }

    /**
     * The DSL call that appends this layer, as a student types it after {@code net(input(...))}:
     * {@code "conv(5, 6).pad(2)"}, {@code "dropout(0.5)"}; {@code model.save} writes it and {@code Net.load}
     * replays it. Null for a layer the DSL cannot append (one of your own, given to {@code add}): a network that
     * holds one cannot be saved whole.
     */
    public String spec() {
        return null;
    }

    /** How many trainable numbers, from the shapes alone (nothing needs to be allocated). */
    public long parameterCount() {
        return 0;
    }

    /** How the count is computed, as the slides write it: {@code "3*3*1*64 + 64"}; empty without weights. */
    public String parameterArithmetic() {
        return "";
    }

    /** Numbers kept but not trained (batch norm's running statistics), counted like Keras' "non-trainable". */
    public long nonTrainableCount() {
        return 0;
    }

    // ---- wiring, done by Net --------------------------------------------------------------------------

    /** Connects the layer after {@code previous} (null for the first), which gives {@code input}. */
    final void connect(int[] input, int position, String name, String source) {
        this.position = position;
        this.name = name;
        this.source = source;
        checkSettings();
        this.inputShape = input.clone();
        this.outputShape = outputShapeFor(input.clone());
    }

    final void build(Random rng) {
        if (!built) {
            allocate(rng);
            built = true;
        }
    }

    final boolean isBuilt() {
        return built;
    }

    void setTraining(boolean training) {
        this.training = training;
    }

    /** The shape of one sample coming in; null until the layer is appended to a network. */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    public int[] outputShape() {
        return outputShape == null ? null : outputShape.clone();
    }

    /** The layer's name in its network: its kind and its number among layers of that kind, {@code "conv2"}. */
    public String name() {
        return name;
    }

    /** 1-based position in the network, as the summary numbers it. */
    public int position() {
        return position;
    }

    /** A setting the layer cannot have: {@code "stride (layer 2, conv): must be at least 1, got 0"}. */
    protected IllegalArgumentException settingError(String setting, String problem) {
        String layer = position == 0 ? kind() : "layer " + position + ", " + kind();
        return new IllegalArgumentException(setting + " (" + layer + "): " + problem);
    }

    /** Refuses a {@code value} of {@code setting} below {@code min}. */
    protected void requireAtLeast(String setting, int value, int min) {
        if (value < min) {
            throw settingError(setting, "must be at least " + min + ", got " + value);
        }
    }

    /**
     * An error message that says which layer, what it got and from where: {@code "conv (layer 3): expects 3-D
     * input [channels, height, width], got [784] from dense (layer 2); " + advice}.
     */
    protected IllegalArgumentException shapeError(int[] got, String expected, String advice) {
        return new IllegalArgumentException(kind() + " (layer " + position + "): expects " + expected + ", got "
                + Shapes.str(got) + " from " + source + (advice.isEmpty() ? "" : "; " + advice));
    }
}
