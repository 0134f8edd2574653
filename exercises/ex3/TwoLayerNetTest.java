package ex3;

import static dl.grading.Expect.expect;

import dl.autograd.GradCheck;
import dl.autograd.Op;
import dl.grading.Hint;
import dl.grading.Points;
import dl.tensor.Tensor;
import ex3.TwoLayerNet.Gradients;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex3") in the notebook. */
class TwoLayerNetTest {

    /** A small nn1: 3 inputs, 4 hidden neurons, 2 outputs, and one example (x, t). */
    private static final TwoLayerNet NET = TwoLayerNet.random(new Random(3), 3, 4, 2);
    private static final double[] X = {0.5, -1, 2};
    private static final double[] T = {1, 0};

    @Test
    @Points(1)
    @Hint("∂C/∂y_j = 2 (y_j − t_j): for y = 0.5 and t = 1 that is 2 · (−0.5) = −1")
    void outputGradientByHand() {
        expect("∂C/∂y for y = (0.5, −1), t = (1, 0)",
            TwoLayerNet.outputGradient(new double[] {0.5, -1}, new double[] {1, 0}))
            .closeTo(new double[] {-1, -2}, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("first ∂C/∂h_i = Σ_j w2[i][j] · ∂C/∂y_j = (1·1 − 1·2, 2·1 + 0·2) = (−1, 2), then times h_i (1 − h_i)")
    void hiddenGradientByHand() {
        double[][] w2 = {{1, -1}, {2, 0}};
        TwoLayerNet net = new TwoLayerNet(new double[][] {{0, 0}}, new double[2], w2, new double[2]);
        expect("∂C/∂u for h = (0.5, 0.2), w2 = [[1, −1], [2, 0]], ∂C/∂y = (1, 2)",
            net.hiddenGradient(new double[] {0.5, 0.2}, new double[] {1, 2}))
            .closeTo(new double[] {-0.25, 0.32}, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("∂C/∂w_ij = input_i · ∂C/∂u_j: row i is input_i times the whole vector ∂C/∂u")
    void weightGradientByHand() {
        expect("∂C/∂w for input = (1, 2, 3), ∂C/∂u = (0.5, −1)",
            TwoLayerNet.weightGradient(new double[] {1, 2, 3}, new double[] {0.5, -1}))
            .closeTo(new double[][] {{0.5, -1}, {1, -2}, {1.5, -3}}, 1e-12);
    }

    @Test
    @Points(0.5)
    @Hint("nudge one weight up and down by 1e-5 and see how C moves: your gradient must say the same. Test the three"
        + " small methods first")
    void backwardMatchesCentralDifferences() {
        Gradients g = NET.backward(X, T);
        double[][] dw1 = new double[3][4];
        double[][] dw2 = new double[4][2];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 4; i++) {
                dw1[k][i] = centralDifference(NET.w1()[k], i);
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                dw2[i][j] = centralDifference(NET.w2()[i], j);
            }
        }
        expect("∂C/∂w1", g.w1()).closeTo(dw1, 1e-6);
        expect("∂C/∂w2", g.w2()).closeTo(dw2, 1e-6);
        expect("∂C/∂b1", g.b1()).closeTo(new double[] {centralDifference(NET.b1(), 0), centralDifference(NET.b1(), 1),
            centralDifference(NET.b1(), 2), centralDifference(NET.b1(), 3)}, 1e-6);
        expect("∂C/∂b2", g.b2()).closeTo(new double[] {centralDifference(NET.b2(), 0), centralDifference(NET.b2(), 1)},
            1e-6);
    }

    @Test
    @Points(1)
    @Hint("autograd computes the same four gradients from the same forward pass; compare them one by one")
    void backwardMatchesAutograd() {
        Tensor w1 = Tensor.of(NET.w1()).requiresGrad();
        Tensor b1 = Tensor.of(NET.b1()).requiresGrad();
        Tensor w2 = Tensor.of(NET.w2()).requiresGrad();
        Tensor b2 = Tensor.of(NET.b2()).requiresGrad();
        Tensor x = Tensor.of(X, 1, 3);
        Tensor t = Tensor.of(T, 1, 2);
        x.matmul(w1).add(b1).sigmoid().matmul(w2).add(b2).sub(t).pow(2).sum().backward();

        Gradients g = NET.backward(X, T);
        expect("∂C/∂w1", g.w1()).closeTo(rows(w1.grad()), 1e-4);   // autograd works in float32: 1e-4, not 1e-12
        expect("∂C/∂b1", g.b1()).closeTo(rows(b1.grad().reshape(1, 4))[0], 1e-4);
        expect("∂C/∂w2", g.w2()).closeTo(rows(w2.grad()), 1e-4);
        expect("∂C/∂b2", g.b2()).closeTo(rows(b2.grad().reshape(1, 2))[0], 1e-4);
    }

    @Test
    @Points(0.5)
    @Hint("GradCheck names the worst element: input 0 is w1, 1 is b1, 2 is w2, 3 is b2")
    void gradCheckAcceptsYourBackward() {
        GradCheck.Result result = GradCheck.check(p -> new CostByHand().apply(p), Tensor.of(NET.w1()),
            Tensor.of(NET.b1()), Tensor.of(NET.w2()), Tensor.of(NET.b2()));
        expect("GradCheck's worst relative error on your gradients", result.maxRelativeError()).atMost(1e-2);
    }

    /** (C(θ + ε) − C(θ − ε)) / 2ε for the parameter {@code theta[i]}, which it nudges and puts back. */
    private static double centralDifference(double[] theta, int i) {
        double eps = 1e-5;
        double original = theta[i];
        theta[i] = original + eps;
        double up = NET.cost(X, T);
        theta[i] = original - eps;
        double down = NET.cost(X, T);
        theta[i] = original;
        return (up - down) / (2 * eps);
    }

    private static double[][] rows(Tensor matrix) {
        float[] values = matrix.toFloatArray();
        int columns = matrix.shape()[1];
        double[][] rows = new double[matrix.shape()[0]][columns];
        for (int i = 0; i < values.length; i++) {
            rows[i / columns][i % columns] = values[i];
        }
        return rows;
    }

    /**
     * C as an autograd operation whose backward pass is yours, {@link TwoLayerNet#backward}: GradCheck compares
     * it with the differences of C, as it does for the library's own operations.
     */
    private static final class CostByHand extends Op {

        private TwoLayerNet net;

        Tensor apply(Tensor[] p) {
            net = new TwoLayerNet(rows(p[0]), rows(p[1].reshape(1, -1))[0], rows(p[2]), rows(p[3].reshape(1, -1))[0]);
            return record(Tensor.scalar(net.cost(X, T)), p);
        }

        @Override
        protected Tensor[] backward(Tensor gradOutput) {
            double dL = gradOutput.item();
            Gradients g = net.backward(X, T);
            return new Tensor[] {Tensor.of(g.w1()).mul(dL), Tensor.of(g.b1()).mul(dL), Tensor.of(g.w2()).mul(dL),
                Tensor.of(g.b2()).mul(dL)};
        }
    }
}
