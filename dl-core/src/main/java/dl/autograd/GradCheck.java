package dl.autograd;

import dl.tensor.Tensor;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks backpropagation against the definition of the derivative. For a function {@code f} of some tensors, it
 * forms the scalar {@code L = sum_i r_i f(x)_i} with fixed random weights {@code r} (so that every output element
 * matters), and compares each analytic {@code dL/dx_j} from {@link Tensor#backward()} with central differences
 * <pre>
 *   D(h) = (L(x_j + h) - L(x_j - h)) / (2 h)
 *   numeric = (4 D(eps/2) - D(eps)) / 3      (Richardson: the eps^2 error terms of the two cancel)
 * </pre>
 * summed in double precision. The result names the worst element.
 *
 * <pre>{@code
 * var result = GradCheck.check(x -> x[0].matmul(x[1]).sigmoid(), a, b);
 * assert result.maxRelativeError() < 1e-2 : result;
 * }</pre>
 * Return the outputs unreduced where you can (a loss before its final sum): the check then adds them up in
 * double precision, and float32 rounding of a large sum does not blur the differences. Kinks (relu at 0, ties in
 * a max) have no derivative: choose inputs away from them.
 */
public final class GradCheck {

    /** The default step: large, so that float32 rounding in {@code f} (about {@code 1e-7 |f| / eps}) stays small. */
    public static final double EPS = 1e-2;

    private GradCheck() {
    }

    /**
     * The worst disagreement: {@code |analytic - numeric| / max(|analytic|, |numeric|, 0.01)}, and where.
     */
    public record Result(double maxRelativeError, int input, int element, double analytic, double numeric) {

        public boolean passed(double tolerance) {
            return maxRelativeError <= tolerance;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "worst relative error %.3g at input %d, element %d: analytic %.6g,"
                    + " numeric %.6g", maxRelativeError, input, element, analytic, numeric);
        }
    }

    public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(f, EPS, inputs);
    }

    public static Result check(Function<Tensor[], Tensor> f, double eps, Tensor... inputs) {
        float[][] values = new float[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            values[i] = inputs[i].toFloatArray();
        }
        float[] weights = randomWeights(f.apply(fresh(inputs, values, false)).numel());

        Tensor[] leaves = fresh(inputs, values, true);
        Tensor output = f.apply(leaves);
        output.mul(Tensor.of(weights, output.shape()).to(output.backend())).sum().backward();

        Result worst = new Result(0, -1, -1, 0, 0);
        for (int i = 0; i < inputs.length; i++) {
            float[] analytic = leaves[i].grad() == null ? new float[values[i].length] : leaves[i].grad().toFloatArray();
            for (int j = 0; j < values[i].length; j++) {
                double numeric = numericDerivative(f, inputs, values, weights, i, j, eps);
                double error = Math.abs(analytic[j] - numeric)
                        / Math.max(Math.max(Math.abs(analytic[j]), Math.abs(numeric)), 0.01);
                if (error > worst.maxRelativeError() || worst.input() < 0) {
                    worst = new Result(error, i, j, analytic[j], numeric);
                }
            }
        }
        return worst;
    }

    private static double numericDerivative(Function<Tensor[], Tensor> f, Tensor[] inputs, float[][] values,
                                            float[] weights, int i, int j, double eps) {
        double coarse = centralDifference(f, inputs, values, weights, i, j, eps);
        double fine = centralDifference(f, inputs, values, weights, i, j, eps / 2);
        return (4 * fine - coarse) / 3;
    }

    private static double centralDifference(Function<Tensor[], Tensor> f, Tensor[] inputs, float[][] values,
                                            float[] weights, int i, int j, double h) {
        float original = values[i][j];
        values[i][j] = (float) (original + h);
        double plus = weightedSum(f.apply(fresh(inputs, values, false)), weights);
        float up = values[i][j];
        values[i][j] = (float) (original - h);
        double minus = weightedSum(f.apply(fresh(inputs, values, false)), weights);
        float down = values[i][j];
        values[i][j] = original;
        return (plus - minus) / ((double) up - down);   // the step actually taken, after rounding to float
    }

    private static double weightedSum(Tensor y, float[] weights) {
        float[] v = y.toFloatArray();
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            sum += (double) v[k] * weights[k];
        }
        return sum;
    }

    private static Tensor[] fresh(Tensor[] like, float[][] values, boolean grad) {
        Tensor[] out = new Tensor[like.length];
        for (int i = 0; i < like.length; i++) {
            out[i] = Tensor.of(values[i], like[i].shape()).to(like[i].backend());
            if (grad) {
                out[i].requiresGrad();
            }
        }
        return out;
    }

    private static float[] randomWeights(int n) {
        Random rng = new Random(42);
        float[] w = new float[n];
        for (int k = 0; k < n; k++) {
            w[k] = (float) (0.5 + rng.nextDouble());
        }
        return w;
    }
}
