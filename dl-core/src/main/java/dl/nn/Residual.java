package dl.nn;

import dl.nn.layers.BatchNorm;
import dl.nn.layers.Conv;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A residual block (He et al.): {@code y = F(x) + x}. When F changes the shape (more channels, or a stride that
 * halves the image), the shortcut must change x to match, in one of the paper's ways:
 * <ul>
 * <li>{@link Shortcut#PROJECTION} (the default): a 1x1 convolution with that stride and F's channel count,
 *     {@code y = F(x) + W_s x};
 * <li>{@link Shortcut#TORCHVISION}: the same 1x1 convolution without bias, followed by batch norm, as torchvision's
 *     ResNets;
 * <li>{@link Shortcut#ZERO_PAD}: the paper's option A, no parameters: keep every s-th pixel and add channels of
 *     zeros.
 * </ul>
 */
public final class Residual extends Layer {

    private final Net block;
    private final WeightInit init;
    private final Shortcut shortcut;
    private Net projection;

    /** How x reaches the sum when F changes its shape. */
    public enum Shortcut { PROJECTION, TORCHVISION, ZERO_PAD }

    public Residual(Net block, WeightInit init, Shortcut shortcut) {
        this.block = Objects.requireNonNull(block, "residual: the block is null; end the lambda with the chain,"
                + " b -> b.conv(3, 64).padSame().relu()");
        this.init = init;
        this.shortcut = Objects.requireNonNull(shortcut, "residual: give a shortcut, e.g. Shortcut.PROJECTION");
    }

    @Override
    public String kind() {
        return "residual";
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        if (!Arrays.equals(block.inputShape(), input)) {
            throw shapeError(input, "the block's input " + Shapes.str(block.inputShape()), "");
        }
        int[] out = block.outputShape();
        projection = null;
        if (!Arrays.equals(out, input)) {
            if (out.length != 3 || input.length != 3 || input[1] % out[1] != 0) {
                throw shapeError(input, "a block that keeps the shape, or an image block whose output "
                        + Shapes.str(out) + " a 1x1 projection can reach", "");
            }
            if (shortcut == Shortcut.ZERO_PAD && out[0] < input[0]) {
                throw shapeError(input, "a block that keeps or adds channels, as a zero-padded shortcut can only add"
                        + " them", "the block gives " + Shapes.str(out) + "; use Shortcut.PROJECTION");
            }
            int stride = input[1] / out[1];
            projection = new Net(input).init(init);
            if (shortcut == Shortcut.ZERO_PAD) {
                projection.avgPool(1, stride).add(new ChannelPad(out[0] - input[0]));
            } else {
                projection.add(new Conv(1, out[0], init)).stride(stride);
                if (shortcut == Shortcut.TORCHVISION) {
                    projection.noBias().add(new BatchNorm());
                }
            }
        }
        return out;
    }

    @Override
    protected void allocate(Random rng) {
        block.build(rng);
        if (projection != null) {
            projection.build(rng);
        }
    }

    @Override
    void setTraining(boolean training) {
        super.setTraining(training);
        block.setTraining(training);
        if (projection != null) {
            projection.setTraining(training);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor shortcut = projection == null ? x : projection.forward(x);
        return block.forward(x).add(shortcut);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return prefixed(block.namedParameters(), projection == null ? null : projection.namedParameters());
    }

    @Override
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> all = prefixed(block.state(), projection == null ? null : projection.state());
        all.keySet().removeAll(parameters().keySet());
        return all;
    }

    private Map<String, Tensor> prefixed(Map<String, Tensor> inBlock, Map<String, Tensor> inProjection) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        if (block.isBuilt()) {
            inBlock.forEach((name, t) -> all.put("block." + name, t));
            if (inProjection != null) {
                inProjection.forEach((name, t) -> all.put("shortcut." + name, t));
            }
        }
        return all;
    }

    @Override
    public long parameterCount() {
        return block.parameterCount() + (projection == null ? 0 : projection.parameterCount());
    }

    @Override
    public long nonTrainableCount() {
        long n = block.layers().stream().mapToLong(Layer::nonTrainableCount).sum();
        return n + (projection == null ? 0 : projection.layers().stream().mapToLong(Layer::nonTrainableCount).sum());
    }

    @Override
    public String parameterArithmetic() {
        StringBuilder s = new StringBuilder();
        for (Layer layer : block.layers()) {
            if (layer.parameterCount() > 0) {
                s.append(s.length() == 0 ? "" : " + ").append('(').append(layer.parameterArithmetic()).append(')');
            }
        }
        if (projection != null && projection.parameterCount() > 0) {
            s.append(" + shortcut (").append(projection.layers().get(0).parameterArithmetic()).append(')');
        }
        return s.toString();
    }

    /**
     * The DSL call that appends this block: {@code "residual(PROJECTION, b -> b.conv(3, 64).padSame().relu())"};
     * null if a layer of the block has none.
     */
    @Override
    public String spec() {
        StringBuilder s = new StringBuilder("residual(" + shortcut + ", b -> b");
        for (Layer layer : block.layers()) {
            if (layer.spec() == null) {
                return null;
            }
            s.append('.').append(layer.spec());
        }
        return s.append(')').toString();
    }

    /** The layers of the block, for the summary. */
    public Net block() {
        return block;
    }

    @Override
    public String toString() {
        String how = projection == null ? "" : shortcut == Shortcut.ZERO_PAD ? ", zero-padded shortcut"
                : ", 1x1 projection";
        return "Residual(" + block.layers().size() + " layers" + how + ")";
    }
}
