package ex3;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import ex3.TwoLayerNet.Gradients;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader. */
@Hidden
class TwoLayerNetHiddenTest {

    @Test
    @Points(2)
    @Hint("your gradients must hold for any sizes: loop over the lengths of the arrays, not over fixed numbers")
    void backwardOnOtherNetworks() {
        Random rng = new Random(17);
        for (int[] size : new int[][] {{5, 3, 1}, {2, 6, 3}, {8, 4, 4}}) {
            TwoLayerNet net = TwoLayerNet.random(rng, size[0], size[1], size[2]);
            Gradients g = net.backward(gaussians(rng, size[0]), gaussians(rng, size[2]));
            String which = " (" + size[0] + " inputs, " + size[1] + " hidden, " + size[2] + " outputs)";
            expect("∂C/∂w1" + which, g.w1()).sameAsReference(1e-9);
            expect("∂C/∂b1" + which, g.b1()).sameAsReference(1e-9);
            expect("∂C/∂w2" + which, g.w2()).sameAsReference(1e-9);
            expect("∂C/∂b2" + which, g.b2()).sameAsReference(1e-9);
        }
    }

    @Test
    @Points(1)
    @Hint("a small step against the gradient, θ − η ∂C/∂θ, must lower C; if C grows, a sign is wrong")
    void aSmallStepLowersTheCost() {
        Random rng = new Random(18);
        TwoLayerNet net = TwoLayerNet.random(rng, 4, 5, 3);
        double[] x = gaussians(rng, 4);
        double[] t = gaussians(rng, 3);
        double before = net.cost(x, t);
        double after = net.step(net.backward(x, t), 0.01).cost(x, t);
        expect("C after one step of η = 0.01, as a fraction of C before", after / before).atMost(0.99);
        expect("C after one step of η = 0.01", after).sameAsReference(1e-9);
    }

    private static double[] gaussians(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }
}
