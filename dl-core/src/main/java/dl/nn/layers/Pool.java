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
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException((max ? "pool" : "avgPool") + "(" + kernel + ", " + stride
                    + "): window and stride must be at least 1");
        }
        this.max = max;
        this.kernel = kernel;
        this.stride = stride;
    }

    public void stride(int s) {
        this.stride = s;
    }

    public void pad(int p) {
        this.padding = p;
    }

    @Override
    public String kind() {
        return max ? "pool" : "avgPool";
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
            throw shapeError(input, "an image of at least " + kernel + "x" + kernel, "the image has shrunk too much");
        }
        return new int[] {input[0], oh, ow};
    }

    @Override
    public Tensor forward(Tensor x) {
        return max ? x.maxPool2d(kernel, stride, padding) : x.avgPool2d(kernel, stride, padding);
    }

    @Override
    public String toString() {
        return (max ? "MaxPool(" : "AvgPool(") + kernel + "x" + kernel + (stride != kernel ? ", stride " + stride : "")
                + (padding != 0 ? ", pad " + padding : "") + ")";
    }
}
