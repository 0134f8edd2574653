package dl.nn.layers;

import dl.autograd.ops.Conv2d;
import dl.backend.ConvGeometry;
import dl.nn.Layer;
import dl.nn.WeightInit;
import dl.tensor.Tensor;
import java.util.Map;
import java.util.Random;

/**
 * A 2-D convolution with bias, "conv3-64" in the VGG paper's words: 64 filters of 3x3 over all input channels.
 * <pre>
 *   y[n, f] = b[f] + sum_c x[n, c] (*) W[f, c]
 * </pre>
 * Shapes: x {@code [N, C, H, W]}, y {@code [N, F, OH, OW]} with {@code OH = floor((H + 2p - k) / s) + 1}.
 * Parameters: W {@code [F, C, k, k]}, b {@code [F]}: {@code k*k*C*F + F} numbers.
 *
 * <pre>{@code
 * net(input(1, 28, 28)).conv(3, 64)            // [64, 26, 26], 3*3*1*64 + 64 = 640 parameters
 * net(input(3, 32, 32)).conv(3, 64).padSame()  // [64, 32, 32]
 * }</pre>
 */
public final class Conv extends Layer {

    private final int kernel;
    private final int filters;
    private final WeightInit init;
    private int stride = 1;
    private int padding;
    private boolean same;
    private boolean withBias = true;
    private Tensor weight;
    private Tensor bias;

    public Conv(int kernel, int filters, WeightInit init) {
        this.kernel = kernel;
        this.filters = filters;
        this.init = init;
    }

    /** Moves the kernel {@code s} cells at a time, {@code s >= 1}. */
    public void stride(int s) {
        requireAtLeast("stride", s, 1);
        this.stride = s;
    }

    /** {@code p >= 0} rows and columns of zeros around the input. */
    public void pad(int p) {
        requireAtLeast("pad", p, 0);
        this.padding = p;
        this.same = false;
    }

    /** Pads so that, with stride 1, the output has the input's height and width ("same" in Keras); odd kernels only. */
    public void padSame() {
        if (kernel % 2 == 0) {
            throw settingError("padSame", "needs an odd kernel, to pad as much on each side, got " + kernel
                    + "; use pad(p) instead");
        }
        this.same = true;
    }

    /** No bias (as torchvision's ResNets, whose batch norm has one). */
    public void noBias() {
        this.withBias = false;
    }

    private int pad() {
        return same ? (kernel - 1) / 2 : padding;
    }

    private int channels() {
        return inputShape()[0];
    }

    @Override
    public String kind() {
        return "conv";
    }

    @Override
    protected void checkSettings() {
        requireAtLeast("kernel", kernel, 1);
        requireAtLeast("filters", filters, 1);
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        if (input.length != 3) {
            throw shapeError(input, "3-D input [channels, height, width]", input.length == 1
                    ? "add .unflatten(channels, height, width) or move the conv before flatten()" : "");
        }
        int oh = ConvGeometry.outputSize(input[1], kernel, stride, pad());
        int ow = ConvGeometry.outputSize(input[2], kernel, stride, pad());
        if (oh < 1 || ow < 1) {
            throw shapeError(input, "an image of at least " + kernel + "x" + kernel + " (after padding " + pad() + ")",
                    "use a smaller kernel, or shrink the image less before this layer");
        }
        return new int[] {filters, oh, ow};
    }

    @Override
    protected void allocate(Random rng) {
        int fanIn = channels() * kernel * kernel;
        weight = init.weight(rng, new int[] {filters, channels(), kernel, kernel}, fanIn, filters * kernel * kernel)
                .requiresGrad();
        bias = withBias ? init.bias(rng, new int[] {filters}, fanIn).requiresGrad() : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.conv2d(weight, bias, stride, pad());
    }

    /**
     * {@code forward(x)}, of {@code x.relu()} when {@code reluFirst}, then {@code maxPool.forward} of it when there is
     * a max pooling (else null), computed as one op: the same numbers, without {@code x.relu()} or this layer's
     * output in memory (see {@link Conv2d}).
     */
    public Tensor forward(Tensor x, boolean reluFirst, Pool maxPool) {
        if (maxPool == null) {
            return reluFirst ? Conv2d.applyToRelu(x, weight, bias, stride, pad()) : forward(x);
        }
        if (!maxPool.isMax()) {
            throw new IllegalArgumentException("conv: " + maxPool + " is not a max pooling");
        }
        int window = maxPool.window(), by = maxPool.stride(), padding = maxPool.padding();
        return reluFirst ? Conv2d.applyToReluThenMaxPool(x, weight, bias, stride, pad(), window, by, padding)
                : Conv2d.applyThenMaxPool(x, weight, bias, stride, pad(), window, by, padding);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return named("weight", weight, "bias", bias);
    }

    @Override
    public long parameterCount() {
        return (long) kernel * kernel * channels() * filters + (withBias ? filters : 0);
    }

    @Override
    public String parameterArithmetic() {
        return kernel + "*" + kernel + "*" + channels() + "*" + filters + (withBias ? " + " + filters : "");
    }

    /** The DSL call that appends this layer: {@code "conv(3, 64).stride(2).pad(1).noBias()"}. */
    @Override
    public String spec() {
        return "conv(" + kernel + ", " + filters + ")" + (stride != 1 ? ".stride(" + stride + ")" : "")
                + (same ? ".padSame()" : padding != 0 ? ".pad(" + padding + ")" : "") + (withBias ? "" : ".noBias()");
    }

    @Override
    public String toString() {
        String c = inputShape() == null ? "?" : String.valueOf(channels());
        return "Conv(" + kernel + "x" + kernel + ", " + c + " -> " + filters
                + (stride != 1 ? ", stride " + stride : "") + (pad() != 0 ? ", pad " + pad() : "") + ")";
    }
}
