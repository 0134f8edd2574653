package ex4;

import dl.grading.TodoException;

/**
 * Exercise 4: a convolution's forward pass, and the size of its output (nn4).
 * <p>
 * The kernel slides over the image, {@code s} pixels at a time; at each position the numbers that lie on top of
 * each other are multiplied and added up:
 * <pre>
 *   out[r][c] = Σ_m Σ_n in[r·s + m][c·s + n] · kernel[m][n]
 * </pre>
 * where {@code in} is the image with {@code p} rows and columns of zeros added around it. The kernel is not
 * flipped (cross-correlation), as in the slides' worked examples and in every deep-learning library. Along each
 * axis, an input of i numbers and a kernel of k give o = ⌊(i + 2p − k) / s⌋ + 1 numbers.
 */
class Convolution {

    /**
     * o = ⌊(i + 2p − k) / s⌋ + 1, the output's size along one axis: input size i, kernel size k, stride s, padding p.
     * E.g. a 5×5 image and a 3×3 kernel give 3×3; with padding 1, 5×5; with padding 1 and stride 2, 3×3.
     */
    static int outputSize(int i, int k, int s, int p) {
        throw new TodoException("ex4: return ⌊(i + 2p − k) / s⌋ + 1");
    }

    /**
     * The convolution of {@code image} with {@code kernel}: the kernel moves {@code stride} pixels at a time over
     * the image framed by {@code padding} rows and columns of zeros. Images and kernels may be rectangular; the
     * output has {@link #outputSize} rows and columns.
     */
    static double[][] conv2d(double[][] image, double[][] kernel, int stride, int padding) {
        throw new TodoException("ex4: Σ_m Σ_n image[r·s − p + m][c·s − p + n] · kernel[m][n], 0 outside the image");
    }
}
