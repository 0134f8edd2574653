package ex4;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader. */
@Hidden
class ConvolutionHiddenTest {

    @Test
    @Points(1)
    @Hint("o = ⌊(i + 2p − k) / s⌋ + 1 for every input size, kernel, stride and padding")
    void outputSizeOnAGrid() {
        double[] sizes = new double[2 * 3 * 3 * 3];
        int n = 0;
        for (int i : new int[] {7, 28}) {
            for (int k = 1; k <= 5; k += 2) {
                for (int s = 1; s <= 3; s++) {
                    for (int p = 0; p <= 2; p++) {
                        sizes[n++] = Convolution.outputSize(i, k, s, p);
                    }
                }
            }
        }
        expect("outputSize for i = 7, 28; k = 1, 3, 5; s = 1, 2, 3; p = 0, 1, 2", sizes).sameAsReference(0);
    }

    @Test
    @Points(2)
    @Hint("test your conv2d with stride 2 and padding 1 on an image whose numbers are all different")
    void randomImagesStridesAndPadding() {
        Random rng = new Random(41);
        for (int stride = 1; stride <= 2; stride++) {
            for (int padding = 0; padding <= 1; padding++) {
                double[][] image = gaussians(rng, 6, 6);
                double[][] kernel = gaussians(rng, 3, 3);
                expect("conv2d of a random 6×6 image, 3×3 kernel, stride " + stride + ", padding " + padding,
                    Convolution.conv2d(image, kernel, stride, padding)).sameAsReference(1e-9);
            }
        }
    }

    @Test
    @Points(1)
    @Hint("rows and columns may differ: take the number of rows from image.length and of columns from image[0].length")
    void rectangularImagesAndKernels() {
        Random rng = new Random(42);
        expect("conv2d of a random 5×8 image with a 2×3 kernel", Convolution.conv2d(gaussians(rng, 5, 8),
            gaussians(rng, 2, 3), 1, 0)).sameAsReference(1e-9);
        expect("conv2d of a random 7×4 image with a 3×2 kernel, stride 2, padding 1",
            Convolution.conv2d(gaussians(rng, 7, 4), gaussians(rng, 3, 2), 2, 1)).sameAsReference(1e-9);
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
