package dl.nn.init;

import dl.autograd.NoGrad;
import dl.nn.Layer;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.function.Function;

/**
 * Layer-sequential unit-variance initialization (Mishkin and Matas, "All you need is a good init", 2016). Start
 * from orthogonal weights ({@link Initializers#lsuv()}), then, layer after layer from the input on:
 * <pre>
 *   1. z = layer(x_B)                       the layer's output on a mini-batch x_B (before its activation)
 *   2. while |var(z) - 1| >= tol and fewer than maxIterations tries:
 *   3.     W <- W / sqrt(var(z))
 *   4.     z = layer(x_B)
 * </pre>
 {@link #init(Net, Tensor)} does it for a whole chain; {@link #scale} does it for one layer, given a function
 * from the batch to that layer's output, so that each layer sees the already rescaled layers before it.
 *
 * <pre>{@code
 * Net model = net(input(784)).init(lsuv()).dense(100).relu().dense(10);
 * Lsuv.init(model, xBatch);                                  // var(output of each dense) = 1 on xBatch
 * }</pre>
 */
public final class Lsuv {

    /** The paper's tolerance on the variance. */
    public static final double TOLERANCE = 0.1;
    /** The paper's limit on tries per layer. */
    public static final int MAX_ITERATIONS = 10;

    private Lsuv() {
    }

    /**
     * Rescales, in order, the weight of every layer of {@code net} that has one (dense and conv; the weights are
     * drawn first if needed), feeding each the batch as transformed by the layers before it. The net is run in
     * evaluation mode and left in training mode.
     */
    public static Net init(Net net, Tensor batch) {
        net.build().eval();
        try (var off = NoGrad.scope()) {
            Tensor x = batch;
            for (Layer layer : net.layers()) {
                Tensor weight = layer.parameters().get("weight");
                if (weight != null) {
                    scale(weight, layer::forward, x);
                }
                x = layer.forward(x);
            }
        }
        return net.train();
    }

    /** {@link #scale(Tensor, Function, Tensor, double, int)} with the paper's tolerance and limit. */
    public static double scale(Tensor weight, Function<Tensor, Tensor> layer, Tensor batch) {
        return scale(weight, layer, batch, TOLERANCE, MAX_ITERATIONS);
    }

    /**
     * Rescales {@code weight} in place until {@code layer.apply(batch)}, which must use that weight, has a variance
     * within {@code tol} of 1. Returns the variance reached.
     */
    public static double scale(Tensor weight, Function<Tensor, Tensor> layer, Tensor batch, double tol,
            int maxIterations) {
        try (var off = NoGrad.scope()) {
            double variance = layer.apply(batch).var().item();
            for (int i = 0; i < maxIterations && Math.abs(variance - 1) >= tol; i++) {
                if (!(variance > 0) || Double.isInfinite(variance)) {
                    throw new IllegalStateException("lsuv: the layer's output has variance " + variance
                            + " on the batch; it cannot be rescaled to 1 (is the weight all zeros, or the batch"
                            + " constant?)");
                }
                weight.copyFrom(weight.div((float) Math.sqrt(variance)));
                variance = layer.apply(batch).var().item();
            }
            return variance;
        }
    }
}
