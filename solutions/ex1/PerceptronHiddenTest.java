package ex1;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader. */
@Hidden
class PerceptronHiddenTest {

    @Test
    @Points(1)
    @Hint("f(x) = Σ_j w_j x_j + b for vectors of any length, with negative weights and inputs too")
    void weightedSumOnRandomVectors() {
        Random rng = new Random(11);
        double[] sums = new double[20];
        for (int n = 0; n < sums.length; n++) {
            int length = 1 + rng.nextInt(12);
            sums[n] = Perceptron.weightedSum(gaussians(rng, length), gaussians(rng, length), rng.nextGaussian());
        }
        expect("f(x) for 20 random perceptrons", sums).sameAsReference(1e-9);
    }

    @Test
    @Points(1)
    @Hint("the output is 1 exactly when weightedSum(w, x, b) > 0")
    void outputOnRandomInputs() {
        Random rng = new Random(12);
        double[] outputs = new double[40];
        for (int n = 0; n < outputs.length; n++) {
            outputs[n] = Perceptron.output(gaussians(rng, 5), gaussians(rng, 5), rng.nextGaussian());
        }
        expect("the outputs of 40 random perceptrons", outputs).sameAsReference(0);
    }

    @Test
    @Points(1.5)
    @Hint("W has one row per input and one column per neuron; each neuron adds its own bias b[i]")
    void layerOnRandomWeights() {
        Random rng = new Random(13);
        for (int[] size : new int[][] {{4, 3}, {2, 6}, {7, 1}}) {
            double[][] W = new double[size[0]][];
            for (int j = 0; j < size[0]; j++) {
                W[j] = gaussians(rng, size[1]);
            }
            expect("a layer of " + size[1] + " neurons on " + size[0] + " inputs",
                Perceptron.layer(W, gaussians(rng, size[0]), gaussians(rng, size[1]))).sameAsReference(0);
        }
    }

    private static double[] gaussians(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }
}
