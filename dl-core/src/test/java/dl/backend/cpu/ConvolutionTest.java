package dl.backend.cpu;

import static dl.backend.cpu.Floats.dot;
import static dl.backend.cpu.Floats.garbage;
import static dl.backend.cpu.Floats.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.backend.ConvGeometry;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The convolution kernels against the definition written as plain loops, and the slides' worked examples. */
class ConvolutionTest {

    private static final double TOLERANCE = 1e-4;

    private final Random rng = new Random(42);

    // ---- against the definition ------------------------------------------------------------------------

    @ParameterizedTest(name = "N={0} C={1} {2}x{3} F={4} kernel {5}x{6} stride {7} pad {8}")
    @CsvSource({
        "1, 1, 5, 5, 1, 3, 3, 1, 0",
        "3, 2, 7, 6, 4, 3, 3, 1, 1",
        "3, 3, 9, 8, 2, 3, 2, 2, 1",
        "1, 2, 10, 11, 5, 5, 3, 3, 2",
        "3, 2, 8, 8, 3, 2, 4, 2, 0",
        "3, 4, 6, 5, 3, 1, 1, 1, 0",     // 1x1, stride 1, no padding: no im2col
        "3, 2, 7, 7, 3, 1, 1, 2, 0",     // 1x1 with a stride
        "2, 2, 1, 1, 3, 3, 3, 1, 1",     // a 1x1 image: most of each window is padding
        "1, 3, 4, 9, 2, 2, 2, 3, 1",
        "3, 1, 28, 28, 6, 5, 5, 1, 2",   // LeNet-5's first layer
        "2, 3, 7, 5, 4, 3, 3, 1, 1",     // a "same" 3x3 convolution on a small, not square image
        "1, 2, 4, 6, 3, 5, 3, 1, 1",     // kernel taller than the padding allows for the same height
        "1, 6, 14, 14, 16, 5, 5, 1, 0",  // LeNet-5's second layer, one image
        "5, 5, 9, 8, 40, 3, 3, 1, 1",    // 45 taps, 40 filters: tiles cut in both directions, images on each core
        "2, 3, 5, 4, 2, 1, 1, 1, 1",     // stride 1 but padding as wide as the kernel: im2col, not the shifted way
    })
    void matchesTheDefinition(int n, int c, int h, int w, int f, int kh, int kw, int s, int p) {
        ConvGeometry g = new ConvGeometry(n, c, h, w, f, kh, kw, s, p);
        float[] x = random(rng, n * c * h * w), weights = random(rng, f * c * kh * kw);
        float[] dy = random(rng, n * f * g.outHeight() * g.outWidth());

        float[] y = garbage(dy.length);
        Convolution.forward(x, weights, null, y, null, g);
        assertClose(naiveForward(x, weights, g), y);

        float[] dx = garbage(x.length);
        Convolution.backwardInput(dy, weights, dx, g);
        assertClose(naiveBackwardInput(dy, weights, g), dx);

        float[] dw = garbage(weights.length), db = garbage(f);
        Convolution.backwardWeight(x, null, dy, dw, db, g);
        assertClose(naiveBackwardWeight(x, dy, g), dw);
        assertClose(naiveBiasGradient(dy, g), db);

        // the same gradients from the images the forward pass keeps, bit for bit
        int kept = Convolution.keptLength(g);
        if (kept > 0) {
            float[] images = garbage(kept), keptDw = garbage(weights.length), keptDb = garbage(f);
            Convolution.forward(x, weights, null, garbage(dy.length), images, g);
            Convolution.backwardWeight(x, images, dy, keptDw, keptDb, g);
            assertArrayEquals(dw, keptDw, 0f);
            assertArrayEquals(db, keptDb, 0f);
        }
    }

    /**
     * When the cores are busy with other work (another thread training, or a call from inside a parallel loop),
     * one thread computes every core's share of the weight gradient: the result must be the same, bit for bit.
     */
    @ParameterizedTest(name = "N={0} C={1} {2}x{3} F={4} kernel {5}x{6}")
    @CsvSource({
        "6, 8, 9, 9, 12, 3, 3, 1",     // 72 taps: the transposed product
        "6, 1, 9, 9, 12, 3, 3, 1",     // 9 taps: the dot products
        "6, 3, 9, 9, 5, 3, 3, 0",      // stride 2 below: the GEMM of unrolled images
    })
    void theWeightGradientIsTheSameWhenOneThreadDoesEveryShare(int n, int c, int h, int w, int f, int kh, int kw,
                                                                int p) {
        ConvGeometry g = new ConvGeometry(n, c, h, w, f, kh, kw, p == 0 ? 2 : 1, p);
        float[] x = random(rng, n * c * h * w), dy = random(rng, n * f * g.outHeight() * g.outWidth());
        float[] dw = new float[f * c * kh * kw], db = new float[f];
        Convolution.backwardWeight(x, null, dy, dw, db, g);
        float[] aloneDw = new float[dw.length], aloneDb = new float[f];
        Parallel.forEach(2, i -> {
            if (i == 1) {   // on a worker thread: every Parallel.forEach inside runs on this thread alone
                Convolution.backwardWeight(x, null, dy, aloneDw, aloneDb, g);
            }
        });
        assertArrayEquals(dw, aloneDw, 0f);
        assertArrayEquals(db, aloneDb, 0f);
    }

    /**
     * The backward kernels are the adjoints of the forward one: for the bilinear form {@code <dy, conv(x, w)>},
     * {@code backwardInput} is its gradient in {@code x} and {@code backwardWeight} its gradient in {@code w}, so
     * {@code <dy, conv(x, w)> = <backwardInput(dy, w), x> = <backwardWeight(x, dy), w>}.
     */
    @ParameterizedTest(name = "N={0} C={1} {2}x{3} F={4} kernel {5}x{6} stride {7} pad {8}")
    @CsvSource({
        "3, 2, 9, 7, 4, 3, 3, 2, 1",
        "1, 3, 12, 12, 2, 5, 5, 3, 2",
        "4, 5, 6, 6, 7, 1, 1, 1, 0",
        "64, 6, 14, 14, 16, 5, 5, 1, 0",
    })
    void backwardKernelsAreAdjointsOfTheForwardOne(int n, int c, int h, int w, int f, int kh, int kw, int s, int p) {
        ConvGeometry g = new ConvGeometry(n, c, h, w, f, kh, kw, s, p);
        float[] x = random(rng, n * c * h * w), weights = random(rng, f * c * kh * kw);
        float[] y = new float[n * f * g.outHeight() * g.outWidth()], dy = random(rng, y.length);
        float[] dx = new float[x.length], dw = new float[weights.length];
        Convolution.forward(x, weights, null, y, null, g);
        Convolution.backwardInput(dy, weights, dx, g);
        Convolution.backwardWeight(x, null, dy, dw, null, g);
        double form = dot(dy, y);
        assertEquals(form, dot(dx, x), 1e-4 * Math.max(1, Math.abs(form)));
        assertEquals(form, dot(dw, weights), 1e-4 * Math.max(1, Math.abs(form)));
    }

    // ---- the slides ------------------------------------------------------------------------------------

    /** Slide deck 004 (computer vision, "Discrete Convolutions"): a 3x3 kernel slides over a 5x5 input. */
    @Test
    void slidesWorkedConvolutionExample() {
        float[] input = {
            3, 3, 2, 1, 0,
            0, 0, 1, 3, 1,
            3, 1, 2, 2, 3,
            2, 0, 0, 2, 2,
            2, 0, 0, 0, 1};
        float[] kernel = {
            0, 1, 2,
            2, 2, 0,
            0, 1, 2};
        float[] expected = {
            12, 12, 17,
            10, 17, 19,
            9, 6, 14};
        float[] y = new float[9];
        Convolution.forward(input, kernel, null, y, null, new ConvGeometry(1, 1, 5, 5, 1, 3, 3, 1, 0));
        assertArrayEquals(expected, y, 0f);
    }

    /** Slide deck 002 (university lecture, "Convolutional layers, Goal"): a binary image and an X-shaped kernel. */
    @Test
    void slidesBinaryImageConvolutionExample() {
        float[] image = {
            1, 1, 1, 0, 0,
            0, 1, 1, 1, 0,
            0, 0, 1, 1, 1,
            0, 0, 1, 1, 0,
            0, 1, 1, 0, 0};
        float[] kernel = {
            1, 0, 1,
            0, 1, 0,
            1, 0, 1};
        float[] expected = {
            4, 3, 4,
            2, 4, 3,
            2, 3, 4};
        float[] y = new float[9];
        Convolution.forward(image, kernel, null, y, null, new ConvGeometry(1, 1, 5, 5, 1, 3, 3, 1, 0));
        assertArrayEquals(expected, y, 0f);
    }

    /**
     * The output-size rule {@code o = floor((i + 2p - k) / s) + 1} on the slides' cases: deck 004's convolution
     * arithmetic (i=4 k=3 -> 2; i=5 k=3 p=1 -> 5; i=5 k=3 s=2 p=1 -> 3), deck 003's Keras tutorial
     * ({@code FM = (I - F + 2P) / S + 1}: 14 -> 12, and its MNIST network 28 -> 26, 13 -> 11), deck 002's AlexNet
     * (224 with 11x11 stride 4 pad 2 -> 55, 27 with 5x5 pad 2 -> 27, 13 with 3x3 pad 1 -> 13). The kernel must
     * fill an output of exactly that size, and the count of window positions that fit must agree.
     */
    @ParameterizedTest(name = "i={0} k={1} s={2} p={3} -> {4}")
    @CsvSource({
        "4, 3, 1, 0, 2",
        "5, 3, 1, 1, 5",
        "5, 3, 2, 1, 3",
        "5, 3, 1, 0, 3",
        "14, 3, 1, 0, 12",
        "28, 3, 1, 0, 26",
        "13, 3, 1, 0, 11",
        "224, 11, 4, 2, 55",
        "27, 5, 1, 2, 27",
        "13, 3, 1, 1, 13",
    })
    void outputSizeRuleOnTheSlidesCases(int i, int k, int s, int p, int expected) {
        assertEquals(expected, ConvGeometry.outputSize(i, k, s, p));
        assertEquals(expected, windowPositionsThatFit(i, k, s, p));
        ConvGeometry g = new ConvGeometry(1, 1, i, i, 1, k, k, s, p);
        float[] x = random(rng, i * i), w = random(rng, k * k), y = new float[expected * expected];
        Convolution.forward(x, w, null, y, null, g);
        assertClose(naiveForward(x, w, g), y);
    }

    /** Counts the positions {@code 0, s, 2s, ...} where a window of {@code k} fits in {@code p + i + p} cells. */
    private static int windowPositionsThatFit(int i, int k, int s, int p) {
        int count = 0;
        for (int start = 0; start + k <= i + 2 * p; start += s) {
            count++;
        }
        return count;
    }

    // ---- the definition, as plain loops, in double -----------------------------------------------------

    /** {@code x[n, c, h, w]}, or 0 in the padding. */
    private static double at(float[] x, ConvGeometry g, int n, int c, int h, int w) {
        if (h < 0 || h >= g.height() || w < 0 || w >= g.width()) {
            return 0;
        }
        return x[((n * g.channels() + c) * g.height() + h) * g.width() + w];
    }

    private static int weightIndex(ConvGeometry g, int f, int c, int i, int j) {
        return ((f * g.channels() + c) * g.kernelH() + i) * g.kernelW() + j;
    }

    /** {@code y[n, f, oh, ow] = sum_{c,i,j} w[f, c, i, j] x[n, c, oh s - p + i, ow s - p + j]}. */
    private static double[] naiveForward(float[] x, float[] w, ConvGeometry g) {
        int oh = g.outHeight(), ow = g.outWidth();
        double[] y = new double[g.batch() * g.filters() * oh * ow];
        for (int n = 0, o = 0; n < g.batch(); n++) {
            for (int f = 0; f < g.filters(); f++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++, o++) {
                        for (int c = 0; c < g.channels(); c++) {
                            for (int i = 0; i < g.kernelH(); i++) {
                                for (int j = 0; j < g.kernelW(); j++) {
                                    y[o] += w[weightIndex(g, f, c, i, j)] * at(x, g, n, c,
                                            r * g.stride() - g.padding() + i, q * g.stride() - g.padding() + j);
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    /** {@code dx[n, c, h, w] = sum of w[f, c, i, j] dy[n, f, oh, ow]} over the windows that read that pixel. */
    private static double[] naiveBackwardInput(float[] dy, float[] w, ConvGeometry g) {
        double[] dx = new double[g.batch() * g.channels() * g.height() * g.width()];
        forEachTerm(g, (n, f, c, o, i, j, h, v) -> {
            if (h >= 0 && h < g.height() && v >= 0 && v < g.width()) {
                dx[((n * g.channels() + c) * g.height() + h) * g.width() + v] += w[weightIndex(g, f, c, i, j)] * dy[o];
            }
        });
        return dx;
    }

    /** {@code dw[f, c, i, j] = sum over n and output positions of dy[n, f, oh, ow] x[n, c, oh s - p + i, ...]}. */
    private static double[] naiveBackwardWeight(float[] x, float[] dy, ConvGeometry g) {
        double[] dw = new double[g.filters() * g.channels() * g.kernelH() * g.kernelW()];
        forEachTerm(g, (n, f, c, o, i, j, h, v) -> dw[weightIndex(g, f, c, i, j)] += dy[o] * at(x, g, n, c, h, v));
        return dw;
    }

    /** One product {@code w[f, c, i, j] * x[n, c, h, v]} of the sum that makes output {@code o}. */
    private interface Term {
        void accept(int n, int f, int c, int o, int i, int j, int h, int v);
    }

    private static void forEachTerm(ConvGeometry g, Term term) {
        for (int n = 0, o = 0; n < g.batch(); n++) {
            for (int f = 0; f < g.filters(); f++) {
                for (int r = 0; r < g.outHeight(); r++) {
                    for (int q = 0; q < g.outWidth(); q++, o++) {
                        for (int c = 0; c < g.channels(); c++) {
                            for (int i = 0; i < g.kernelH(); i++) {
                                for (int j = 0; j < g.kernelW(); j++) {
                                    term.accept(n, f, c, o, i, j, r * g.stride() - g.padding() + i,
                                            q * g.stride() - g.padding() + j);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code db[f] = sum over n, oh, ow of dy[n, f, oh, ow]}. */
    private static double[] naiveBiasGradient(float[] dy, ConvGeometry g) {
        double[] db = new double[g.filters()];
        int plane = g.outHeight() * g.outWidth();
        for (int i = 0; i < dy.length; i++) {
            db[i / plane % g.filters()] += dy[i];
        }
        return db;
    }

    private static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, "element " + i);
        }
    }
}
