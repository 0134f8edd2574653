package ex4;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex4") in the notebook. */
class ConvolutionTest {

    /** The slides' 5×5 input feature map. */
    static final double[][] IMAGE = {
        {3, 3, 2, 1, 0},
        {0, 0, 1, 3, 1},
        {3, 1, 2, 2, 3},
        {2, 0, 0, 2, 2},
        {2, 0, 0, 0, 1}};

    /** The slides' 3×3 kernel. */
    static final double[][] KERNEL = {
        {0, 1, 2},
        {2, 2, 0},
        {0, 1, 2}};

    @Test
    @Points(1)
    @Hint("with stride 1 and no padding, o = i − k + 1; padding adds 2p to i: o = i + 2p − k + 1")
    void outputSizeWithUnitStride() {
        double[] sizes = {Convolution.outputSize(4, 3, 1, 0), Convolution.outputSize(5, 3, 1, 0),
            Convolution.outputSize(5, 3, 1, 1), Convolution.outputSize(14, 3, 1, 0)};
        expect("outputSize for (i, k, s, p) = (4, 3, 1, 0), (5, 3, 1, 0), (5, 3, 1, 1), (14, 3, 1, 0)", sizes)
            .closeTo(new double[] {2, 3, 5, 12}, 0);
    }

    @Test
    @Points(1)
    @Hint("o = ⌊(i + 2p − k) / s⌋ + 1: divide by the stride, round down, then add 1; (6 − 3) / 2 rounds down to 1")
    void outputSizeWithStride() {
        double[] sizes = {Convolution.outputSize(5, 3, 2, 1), Convolution.outputSize(12, 2, 2, 0),
            Convolution.outputSize(12, 6, 2, 0), Convolution.outputSize(6, 3, 2, 0)};
        expect("outputSize for (i, k, s, p) = (5, 3, 2, 1), (12, 2, 2, 0), (12, 6, 2, 0), (6, 3, 2, 0)", sizes)
            .closeTo(new double[] {3, 6, 4, 2}, 0);
    }

    @Test
    @Points(2)
    @Hint("the top-left output is 3·0 + 3·1 + 2·2 + 0·2 + 0·2 + 1·0 + 3·0 + 1·1 + 2·2 = 12: the kernel is not flipped")
    void theSlidesExample() {
        expect("conv2d of the slides' 5×5 image with their 3×3 kernel", Convolution.conv2d(IMAGE, KERNEL, 1, 0))
            .closeTo(new double[][] {{12, 12, 17}, {10, 17, 19}, {9, 6, 14}}, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("each output counts the lit cells on the two diagonals of its 3×3 window")
    void aBinaryImageAndAnXShapedKernel() {
        double[][] image = {
            {1, 1, 1, 0, 0},
            {0, 1, 1, 1, 0},
            {0, 0, 1, 1, 1},
            {0, 0, 1, 1, 0},
            {0, 1, 1, 0, 0}};
        double[][] cross = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};
        expect("conv2d of the binary image with the X-shaped kernel", Convolution.conv2d(image, cross, 1, 0))
            .closeTo(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("with padding 1 the window at (0, 0) covers rows −1..1 and columns −1..1: outside the image counts as 0;"
        + " with stride 2 the next window starts 2 columns further")
    void paddingAndStride() {
        double[][] ones5 = new double[5][5];
        for (double[] row : ones5) {
            java.util.Arrays.fill(row, 1);
        }
        double[][] ones3 = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
        expect("conv2d of a 5×5 image of ones with a 3×3 kernel of ones, stride 2, padding 1",
            Convolution.conv2d(ones5, ones3, 2, 1)).closeTo(new double[][] {{4, 6, 4}, {6, 9, 6}, {4, 6, 4}}, 1e-12);
    }
}
