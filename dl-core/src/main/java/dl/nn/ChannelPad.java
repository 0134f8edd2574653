package dl.nn;

import dl.tensor.Tensor;

/** Adds {@code extra} channels of zeros: {@code [C, H, W] -> [C + extra, H, W]}. The ResNet paper's option A. */
final class ChannelPad extends Layer {

    private final int extra;

    ChannelPad(int extra) {
        this.extra = extra;
    }

    @Override
    public String kind() {
        return "channelPad";
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        return new int[] {input[0] + extra, input[1], input[2]};
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.pad(1, 0, extra);
    }

    @Override
    public String toString() {
        return "ChannelPad(+" + extra + ")";
    }
}
