package dl.nn.init;

import dl.nn.WeightInit;
import dl.tensor.Tensor;
import java.util.Random;

/**
 * The weight initializers of the course, by the names students use. Each is a {@link WeightInit}: the layer
 * passes the weight's shape and its fans, {@code N_in = fanIn} (the inputs of one unit: {@code C*kh*kw} for a
 * conv weight {@code [F, C, kh, kw]}, {@code in} for a dense weight {@code [in, out]}) and
 * {@code N_out = fanOut} ({@code F*kh*kw}, or {@code out}). Biases start at 0, as the slides do ("bias terms are
 * often initialized to 0 with no issues").
 *
 * <pre>{@code
 * net(input(784)).init(xavier()).dense(100).tanh().dense(10)
 * net(input(784)).init(zeros()).dense(100).sigmoid().dense(10)   // every hidden unit the same: it never learns
 * }</pre>
 */
public final class Initializers {

    /** The course's default (TensorFlow's truncated normal of the nn1 to nn5 code). */
    public static final float COURSE_STDDEV = 0.1f;

    private Initializers() {
    }

    /** {@code W = 0}: every unit of a layer computes the same thing and gets the same gradient. */
    public static WeightInit zeros() {
        return constant(0);
    }

    /** {@code W = c} everywhere: the same symmetry as zeros, with another number. */
    public static WeightInit constant(double c) {
        return named("constant(" + c + ")", (rng, shape, fanIn, fanOut) -> Tensor.full((float) c, shape));
    }

    /** {@code W ~ U[-b, b]}. */
    public static WeightInit uniform(double b) {
        return named("uniform(" + b + ")", (rng, shape, fanIn, fanOut) -> WeightInit.uniform(rng, shape, (float) b));
    }

    /** {@code W ~ N(0, sigma^2)}; the slides' ReLU example uses {@code sigma = 0.01}. */
    public static WeightInit normal(double sigma) {
        return named("normal(" + sigma + ")", (rng, shape, fanIn, fanOut) -> gaussian(rng, shape, sigma));
    }

    /** {@code W ~ N(0, sigma^2)} redrawn outside {@code [-2 sigma, 2 sigma]}. */
    public static WeightInit truncatedNormal(double sigma) {
        return named("truncatedNormal(" + sigma + ")",
                (rng, shape, fanIn, fanOut) -> Tensor.truncatedNormal(rng, (float) sigma, shape));
    }

    /** The course default: truncated normal with {@code sigma = 0.1}. */
    public static WeightInit truncatedNormal() {
        return truncatedNormal(COURSE_STDDEV);
    }

    /**
     * Standard initialization, the slides' {@code var(W) = 1 / N_in}: {@code W ~ N(0, 1 / N_in)}, so that a unit's
     * sum {@code sum_i x_i w_i} keeps the variance of its inputs. {@code net(input(784)).init(standard()).dense(100)}.
     */
    public static WeightInit standard() {
        return named("standard()", (rng, shape, fanIn, fanOut) -> gaussian(rng, shape, Math.sqrt(1.0 / fanIn)));
    }

    /**
     * Xavier / Glorot (2010), the slides' {@code var(W) = 2 / (N_in + N_out)}: {@code W ~ N(0, var(W))}, a
     * compromise between the forward pass ({@code N_in}) and the backward pass ({@code N_out}), for tanh and
     * sigmoid layers. {@code net(input(784)).init(xavier()).dense(100).tanh()}.
     */
    public static WeightInit xavier() {
        return named("xavier()",
                (rng, shape, fanIn, fanOut) -> gaussian(rng, shape, Math.sqrt(2.0 / (fanIn + fanOut))));
    }

    /**
     * He et al. (2015), for ReLU layers, which zero half their inputs: {@code W ~ N(0, var(W))} with
     * {@code var(W) = 2 / N_in} (not on the slides). {@code net(input(1, 28, 28)).init(he()).conv(3, 64).relu()}.
     */
    public static WeightInit he() {
        return named("he()", (rng, shape, fanIn, fanOut) -> gaussian(rng, shape, Math.sqrt(2.0 / fanIn)));
    }

    /** A random orthogonal matrix, see {@link Orthogonal}. */
    public static WeightInit orthogonal() {
        return named("orthogonal()", (rng, shape, fanIn, fanOut) -> Orthogonal.create(rng, shape));
    }

    /**
     * LSUV's first step (orthogonal weights); the second, rescaling each layer until its output has variance 1
     * on a batch, is {@link Lsuv#scale}, which the model calls layer by layer once it has data.
     */
    public static WeightInit lsuv() {
        return named("lsuv()", (rng, shape, fanIn, fanOut) -> Orthogonal.create(rng, shape));
    }

    private static Tensor gaussian(Random rng, int[] shape, double sigma) {
        return Tensor.randn(rng, shape).mul((float) sigma);
    }

    /** A weight rule with a readable name and zero biases. */
    private static WeightInit named(String name, WeightInit weights) {
        return new WeightInit() {
            @Override
            public Tensor weight(Random rng, int[] shape, int fanIn, int fanOut) {
                return weights.weight(rng, shape, fanIn, fanOut);
            }

            @Override
            public Tensor bias(Random rng, int[] shape, int fanIn) {
                return Tensor.zeros(shape);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
