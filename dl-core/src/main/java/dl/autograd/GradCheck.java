package dl.autograd;

import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

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
     * The worst disagreement, {@code |analytic - numeric| / max(|analytic|, |numeric|, s)}, and where; {@code s},
     * 1% of the largest gradient (and at least 0.01), keeps float32 noise on gradients that are nearly zero from
     * counting as an error.
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

    /** Checks {@code f} with respect to each of {@code inputs} (copies of them; the inputs are not changed). */
    public static Result check(Function<Tensor[], Tensor> f, double eps, Tensor... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = copy(inputs[i]).requiresGrad();
        }
        return check(() -> f.apply(leaves), List.of(leaves), eps);
    }

    /**
     * Checks a whole model with respect to its input (input 0 in the result) and each of its parameters (1, 2, ...
     * in the order given), e.g. {@code GradCheck.check(net::forward, net.parameters(), x)}. The parameters are
     * nudged in place and restored. The model must be deterministic: no dropout.
     */
    public static Result check(Function<Tensor, Tensor> model, List<Tensor> parameters, Tensor input) {
        Tensor x = copy(input).requiresGrad();
        List<Tensor> targets = new ArrayList<>();
        targets.add(x);
        targets.addAll(parameters);
        return check(() -> model.apply(x), targets, EPS);
    }

    /** Analytic gradients of {@code sum r * f()} with respect to each target, then each target's numbers nudged. */
    private static Result check(Supplier<Tensor> f, List<Tensor> targets, double eps) {
        targets.forEach(Tensor::zeroGrad);
        Tensor output = f.get();
        float[] weights = randomWeights(output.numel());
        output.mul(Tensor.of(weights, output.shape()).to(output.device())).sum().backward();

        List<float[]> analytics = new ArrayList<>();
        double scale = 0.01;
        for (Tensor target : targets) {
            float[] g = target.grad() == null ? new float[target.numel()] : target.grad().toFloatArray();
            analytics.add(g);
            for (float v : g) {
                scale = Math.max(scale, 0.01 * Math.abs(v));
            }
        }
        Result worst = new Result(0, -1, -1, 0, 0);
        for (int i = 0; i < targets.size(); i++) {
            Tensor target = targets.get(i);
            float[] analytic = analytics.get(i);
            float[] values = target.toFloatArray();
            for (int j = 0; j < values.length; j++) {
                double numeric = numericDerivative(f, target, values, j, weights, eps);
                double error = Math.abs(analytic[j] - numeric)
                        / Math.max(Math.max(Math.abs(analytic[j]), Math.abs(numeric)), scale);
                if (error > worst.maxRelativeError() || worst.input() < 0) {
                    worst = new Result(error, i, j, analytic[j], numeric);
                }
            }
        }
        return worst;
    }

    private static double numericDerivative(Supplier<Tensor> f, Tensor target, float[] values, int j,
                                            float[] weights, double eps) {
        double coarse = centralDifference(f, target, values, j, weights, eps);
        double fine = centralDifference(f, target, values, j, weights, eps / 2);
        return (4 * fine - coarse) / 3;
    }

    private static double centralDifference(Supplier<Tensor> f, Tensor target, float[] values, int j,
                                            float[] weights, double h) {
        float original = values[j];
        float up = (float) (original + h), down = (float) (original - h);
        double plus = valueAt(f, target, values, j, up, weights);
        double minus = valueAt(f, target, values, j, down, weights);
        values[j] = original;
        set(target, values);
        return (plus - minus) / ((double) up - down);   // the step actually taken, after rounding to float
    }

    /** {@code sum r * f()} with element {@code j} of {@code target} set to {@code v}, summed in double. */
    private static double valueAt(Supplier<Tensor> f, Tensor target, float[] values, int j, float v, float[] weights) {
        values[j] = v;
        set(target, values);
        float[] y;
        try (var off = NoGrad.scope()) {
            y = f.get().toFloatArray();
        }
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += (double) y[k] * weights[k];
        }
        return sum;
    }

    private static void set(Tensor target, float[] values) {
        try (var off = NoGrad.scope()) {
            target.copyFrom(Tensor.of(values, target.shape()));
        }
    }

    private static Tensor copy(Tensor t) {
        return Tensor.of(t.toFloatArray(), t.shape()).to(t.device());
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
