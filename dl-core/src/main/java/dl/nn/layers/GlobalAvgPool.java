package dl.nn.layers;

import dl.nn.Layer;
import dl.tensor.Tensor;

/** The mean of each channel over the whole image: {@code [C, H, W] -> [C]}, as ResNet ends. */
public final class GlobalAvgPool extends Layer {

    @Override
    public String kind() {
        return "globalAvgPool";
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        if (input.length != 3) {
            throw shapeError(input, "3-D input [channels, height, width]", "");
        }
        return new int[] {input[0]};
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        return x.reshape(s[0], s[1], s[2] * s[3]).mean(2);
    }

    /** The DSL call that appends this layer: {@code "globalAvgPool()"}. */
    @Override
    public String spec() {
        return "globalAvgPool()";
    }

    @Override
    public String toString() {
        return "GlobalAvgPool";
    }
}
