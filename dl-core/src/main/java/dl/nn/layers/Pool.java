package dl.nn.layers;

import dl.backend.ConvGeometry;
import dl.nn.Layer;
import dl.tensor.Tensor;

/**
 * Max or average pooling over {@code k x k} windows moved by {@code s} (by default {@code s = k}: windows that do
 * not overlap). Max: {@code y = max of the window}; average: {@code y = 1/k^2 sum of the window}. No parameters.
 * Shapes: {@code [C, H, W] -> [C, OH, OW]} with {@code OH = floor((H + 2p - k) / s) + 1}.
 */
public final class Pool extends Layer {

    private final boolean max;
    private final int kernel;
    private int stride;
    private int padding;

    public Pool(boolean max, int kernel, int stride) {
        this.max = max;
        this.kernel = kernel;
        this.stride = stride;
    }

    /** Moves the window {@code s >= 1} cells at a time. */
    public void stride(int s) {
        requireAtLeast("stride", s, 1);
        this.stride = s;
    }

    /**
     * {@code p} rows and columns of padding, at most half the window, as PyTorch requires: a window of padding alone
     * would pool nothing.
     */
    public void pad(int p) {
        requireAtLeast("pad", p, 0);
        if (p > kernel / 2) {
            throw settingError("pad", "must be at most half the window, " + kernel / 2 + ", got " + p);
        }
        this.padding = p;
    }

    /** Whether it takes the maximum of each window (else their mean). */
    public boolean isMax() {
        return max;
    }

    int window() {
        return kernel;
    }

    int stride() {
        return stride;
    }

    int padding() {
        return padding;
    }

    @Override
    public String kind() {
        return max ? "pool" : "avgPool";
    }

    @Override
    protected void checkSettings() {
        requireAtLeast("window", kernel, 1);
        requireAtLeast("stride", stride, 1);
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        if (input.length != 3) {
            throw shapeError(input, "3-D input [channels, height, width]", "pooling works on images: put it"
                    + " before flatten()");
        }
        int oh = ConvGeometry.outputSize(input[1], kernel, stride, padding);
        int ow = ConvGeometry.outputSize(input[2], kernel, stride, padding);
        if (oh < 1 || ow < 1) {
            throw shapeError(input, "an image of at least " + kernel + "x" + kernel, "use a smaller window, or shrink"
                    + " the image less before this layer");
        }
        return new int[] {input[0], oh, ow};
    }

    @Override
    public Tensor forward(Tensor x) {
        return max ? x.maxPool2d(kernel, stride, padding) : x.avgPool2d(kernel, stride, padding);
    }

    /** The DSL call that appends this layer: {@code "pool(3, 2).pad(1)", "avgPool(2)"}. */
    @Override
    public String spec() {
        return kind() + "(" + kernel + (stride != kernel ? ", " + stride : "") + ")"
                + (padding != 0 ? ".pad(" + padding + ")" : "");
    }

    @Override
    public String toString() {
        return (max ? "MaxPool(" : "AvgPool(") + kernel + "x" + kernel + (stride != kernel ? ", stride " + stride : "")
                + (padding != 0 ? ", pad " + padding : "") + ")";
    }
}
