package ex5;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader. */
@Hidden
class MaxPoolingHiddenTest {

    @Test
    @Points(1)
    @Hint("the output has (rows − size) / stride + 1 rows, and columns likewise; rows and columns may differ")
    void maxPoolOnRandomMaps() {
        Random rng = new Random(51);
        for (int[] setting : new int[][] {{2, 2}, {3, 1}, {3, 2}, {2, 1}}) {
            expect("maxPool of a random 7×6 map, window " + setting[0] + ", stride " + setting[1],
                MaxPooling.maxPool(gaussians(rng, 7, 6), setting[0], setting[1])).sameAsReference(0);
        }
    }

    @Test
    @Points(1.5)
    @Hint("∂C/∂x has the shape of x; each window adds its ∂C/∂out to its own largest cell")
    void backwardOnRandomMaps() {
        Random rng = new Random(52);
        for (int[] setting : new int[][] {{2, 2}, {3, 1}, {3, 2}}) {
            double[][] x = gaussians(rng, 8, 7);
            double[][] gradOut = gaussians(rng, (8 - setting[0]) / setting[1] + 1, (7 - setting[0]) / setting[1] + 1);
            expect("maxPoolBackward of a random 8×7 map, window " + setting[0] + ", stride " + setting[1],
                MaxPooling.maxPoolBackward(x, gradOut, setting[0], setting[1])).sameAsReference(1e-12);
        }
    }

    @Test
    @Points(1)
    @Hint("with many ties, the gradient goes to the first largest cell in reading order, and only to it")
    void tiesGoToTheFirst() {
        Random rng = new Random(53);
        double[][] x = new double[6][6];
        for (double[] row : x) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextInt(3);
            }
        }
        double[][] gradOut = gaussians(rng, 4, 4);
        expect("maxPoolBackward of a 6×6 map of 0s, 1s and 2s, window 3, stride 1",
            MaxPooling.maxPoolBackward(x, gradOut, 3, 1)).sameAsReference(1e-12);
    }

    private static double[][] gaussians(Random rng, int rows, int columns) {
        double[][] grid = new double[rows][columns];
        for (double[] row : grid) {
            for (int c = 0; c < columns; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        return grid;
    }
}
