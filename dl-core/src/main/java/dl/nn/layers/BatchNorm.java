package dl.nn.layers;

import dl.autograd.NoGrad;
import dl.nn.Layer;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Map;
import java.util.Random;

/**
 * Batch normalization (Ioffe and Szegedy), per feature (after a dense layer) or per channel (after a conv):
 * <pre>
 *   mu = mean of the batch,  sigma^2 = variance of the batch   (over N, and H, W for images)
 *   x^ = (x - mu) / sqrt(sigma^2 + eps)
 *   y  = gamma x^ + beta
 * </pre>
 * While training it also keeps running averages, which replace the batch's statistics when evaluating:
 * <pre>
 *   runningMean <- (1 - momentum) runningMean + momentum mu
 *   runningVar  <- (1 - momentum) runningVar  + momentum sigma^2 n / (n - 1)     (momentum = 0.1)
 * </pre>
 * where {@code n} is the number of values per channel in the batch ({@code N}, or {@code N H W} for images). The
 * batch is normalized by its own, biased, variance, but the running average takes the unbiased estimate
 * {@code n / (n - 1)} times larger: the variance of the whole data that the paper's inference rule asks for, and
 * what PyTorch keeps. Training therefore needs {@code n >= 2}, as in PyTorch. Parameters gamma (ones) and beta
 * (zeros), {@code 2C} numbers; the running mean and variance are {@code 2C} more, not trained.
 */
public final class BatchNorm extends Layer {

    static final float EPS = 1e-5f;
    static final float MOMENTUM = 0.1f;

    private Tensor gamma;
    private Tensor beta;
    private Tensor runningMean;
    private Tensor runningVar;

    @Override
    public String kind() {
        return "batchNorm";
    }

    @Override
    protected int[] outputShapeFor(int[] input) {
        if (input.length != 1 && input.length != 3) {
            throw shapeError(input, "[features] or [channels, height, width]", "");
        }
        return input;
    }

    private int features() {
        return inputShape()[0];
    }

    /** The statistics' shape, broadcastable against a batch: [1, C] or [1, C, 1, 1]. */
    private int[] statShape() {
        return inputShape().length == 1 ? new int[] {1, features()} : new int[] {1, features(), 1, 1};
    }

    @Override
    protected void allocate(Random rng) {
        gamma = Tensor.ones(features()).requiresGrad();
        beta = Tensor.zeros(features()).requiresGrad();
        runningMean = Tensor.zeros(statShape());
        runningVar = Tensor.ones(statShape());
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor mean, var;
        if (training) {
            mean = meanOverBatch(x);
            Tensor centred = x.sub(mean);
            var = meanOverBatch(centred.mul(centred));
            updateRunningStatistics(mean, var, valuesPerChannel(x));
        } else {
            mean = runningMean;
            var = runningVar;
        }
        Tensor normalized = x.sub(mean).div(var.add(EPS).sqrt());
        return normalized.mul(gamma.reshape(statShape())).add(beta.reshape(statShape()));
    }

    /** The running averages, with the batch's variance made unbiased: {@code sigma^2 n / (n - 1)}. */
    private void updateRunningStatistics(Tensor mean, Tensor var, int n) {
        try (var off = NoGrad.scope()) {
            runningMean.copyFrom(runningMean.mul(1 - MOMENTUM).add(mean.mul(MOMENTUM)));
            runningVar.copyFrom(runningVar.mul(1 - MOMENTUM).add(var.mul(MOMENTUM * n / (n - 1f))));
        }
    }

    /** {@code n}: how many numbers of the batch each channel's statistics are taken over. */
    private int valuesPerChannel(Tensor x) {
        int n = x.size(0);
        for (int axis = 2; axis < x.rank(); axis++) {
            n *= x.size(axis);
        }
        if (n < 2) {
            throw new IllegalArgumentException(kind() + " (layer " + position() + "): a batch of one sample has no"
                    + " variance to normalize by, got " + Shapes.str(x.shape()) + "; train with batches of 2 or more"
                    + " (and a batch size that leaves no single sample at the end of an epoch), or evaluate with"
                    + " model.predict(x) or model.outputs(x)");
        }
        return n;
    }

    /** The mean over every axis but the channel axis 1, keeping them as size 1. */
    private static Tensor meanOverBatch(Tensor x) {
        Tensor m = x.mean(0, true);
        for (int axis = 2; axis < x.rank(); axis++) {
            m = m.mean(axis, true);
        }
        return m;
    }

    @Override
    public Map<String, Tensor> parameters() {
        return named("gamma", gamma, "beta", beta);
    }

    @Override
    public Map<String, Tensor> buffers() {
        return named("runningMean", runningMean, "runningVar", runningVar);
    }

    @Override
    public long parameterCount() {
        return 2L * features();
    }

    @Override
    public long nonTrainableCount() {
        return 2L * features();
    }

    @Override
    public String parameterArithmetic() {
        return "2*" + features();
    }

    /** The DSL call that appends this layer: {@code "batchNorm()"}. */
    @Override
    public String spec() {
        return "batchNorm()";
    }

    @Override
    public String toString() {
        return "BatchNorm(" + (inputShape() == null ? "?" : features()) + ")";
    }
}
