package dl.backend.cpu;

import static dl.backend.cpu.Floats.dot;
import static dl.backend.cpu.Floats.garbage;
import static dl.backend.cpu.Floats.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.backend.PoolGeometry;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pooling kernels against the definition written as plain loops, and the slides' worked examples. */
class PoolingTest {

    private final Random rng = new Random(7);

    // ---- against the definition ------------------------------------------------------------------------

    @ParameterizedTest(name = "N={0} C={1} {2}x{3} kernel {4} stride {5} pad {6}")
    @CsvSource({
        "1, 1, 5, 5, 3, 1, 0",
        "3, 2, 7, 6, 2, 2, 0",
        "3, 2, 7, 7, 3, 2, 1",
        "1, 3, 9, 8, 3, 3, 1",
        "3, 2, 6, 6, 4, 2, 2",
        "1, 1, 3, 3, 2, 3, 1",
        "64, 6, 28, 28, 2, 2, 0",   // LeNet-5's first pooling: big enough to use every core
        "2, 3, 34, 35, 2, 2, 0",    // 17 windows a row, an odd width: whole vectors, an overlapping last one
    })
    void matchesTheDefinition(int n, int c, int h, int w, int k, int s, int p) {
        PoolGeometry g = new PoolGeometry(n, c, h, w, k, s, p);
        float[] x = random(rng, n * c * h * w), dy = random(rng, n * c * g.outHeight() * g.outWidth());
        float[] y = garbage(dy.length), argmax = garbage(dy.length), dx = garbage(x.length);

        Pooling.max(x, y, argmax, g);
        float[][] expected = naiveMax(x, g);
        assertArrayEquals(expected[0], y, 0f);
        assertArrayEquals(expected[1], argmax, 0f);
        Pooling.maxBackward(dy, argmax, dx, g);
        assertArrayEquals(naiveMaxBackward(dy, expected[1], g), dx, 1e-6f);

        Pooling.avg(x, y, g);
        assertArrayEquals(naiveAvg(x, g), y, 1e-5f);
        Pooling.avgBackward(dy, dx, g);
        assertArrayEquals(naiveAvgBackward(dy, g), dx, 1e-5f);
    }

    /** Both backwards are adjoints: {@code <dy, pool(x)> = <poolBackward(dy), x>} (max: for the argmax found). */
    @Test
    void backwardKernelsAreAdjointsOfTheForwardOnes() {
        PoolGeometry g = new PoolGeometry(3, 4, 11, 9, 3, 2, 1);
        float[] x = random(rng, 3 * 4 * 11 * 9), dy = random(rng, 3 * 4 * g.outHeight() * g.outWidth());
        float[] y = new float[dy.length], argmax = new float[dy.length], dx = new float[x.length];
        Pooling.max(x, y, argmax, g);
        Pooling.maxBackward(dy, argmax, dx, g);
        assertEquals(dot(dy, y), dot(dx, x), 1e-4);
        Pooling.avg(x, y, g);
        Pooling.avgBackward(dy, dx, g);
        assertEquals(dot(dy, y), dot(dx, x), 1e-4);
    }

    /**
     * After a ReLU most cells are 0, so windows tie: the winner must be the first cell in reading order, in the
     * SIMD path as in the plain loop (the gradient goes to that one cell only).
     */
    @Test
    void tiesGoToTheFirstCellInReadingOrder() {
        PoolGeometry g = new PoolGeometry(2, 3, 28, 28, 2, 2, 0);
        float[] x = random(rng, 2 * 3 * 28 * 28);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0f, Math.round(x[i] * 2) / 2f);   // 0, 0.5 or 1: many ties
        }
        float[] y = new float[2 * 3 * 14 * 14], argmax = new float[y.length];
        Pooling.max(x, y, argmax, g);
        float[][] expected = naiveMax(x, g);
        assertArrayEquals(expected[0], y, 0f);
        assertArrayEquals(expected[1], argmax, 0f);
    }

    /** With every input negative, a window that overlaps the padding still picks an input, not the padding's 0. */
    @Test
    void paddingNeverWinsAMax() {
        PoolGeometry g = new PoolGeometry(1, 1, 2, 2, 2, 1, 1);
        float[] x = {-4, -3, -2, -1}, y = new float[9], argmax = new float[9];
        Pooling.max(x, y, argmax, g);
        assertArrayEquals(new float[] {-4, -3, -3, -2, -1, -1, -2, -1, -1}, y, 0f);
        assertArrayEquals(new float[] {0, 1, 1, 2, 3, 3, 2, 3, 3}, argmax, 0f);
    }

    // ---- the slides ------------------------------------------------------------------------------------

    /** The 5x5 input of slide deck 004's convolution and pooling examples. */
    private static final float[] SLIDES_INPUT = {
        3, 3, 2, 1, 0,
        0, 0, 1, 3, 1,
        3, 1, 2, 2, 3,
        2, 0, 0, 2, 2,
        2, 0, 0, 0, 1};

    /** Slide deck 004 (computer vision, "Pooling: Average Pooling"): 3x3 windows, stride 1, shown to one decimal. */
    @Test
    void slidesAveragePoolingExample() {
        float[] y = new float[9];
        Pooling.avg(SLIDES_INPUT, y, new PoolGeometry(1, 1, 5, 5, 3, 1, 0));
        float[] shown = {
            1.7f, 1.7f, 1.7f,
            1.0f, 1.2f, 1.8f,
            1.1f, 0.8f, 1.3f};
        for (int i = 0; i < 9; i++) {
            assertEquals(shown[i], Math.round(y[i] * 10) / 10f, 0f, "element " + i);
        }
        assertEquals(15 / 9f, y[0], 1e-6f);   // the first window: (3+3+2 + 0+0+1 + 3+1+2) / 9
    }

    /** Slide deck 004 (computer vision, "Pooling: Max Pooling"): 3x3 windows, stride 1. */
    @Test
    void slidesMaxPoolingExample() {
        float[] y = new float[9], argmax = new float[9];
        Pooling.max(SLIDES_INPUT, y, argmax, new PoolGeometry(1, 1, 5, 5, 3, 1, 0));
        assertArrayEquals(new float[] {3, 3, 3, 3, 3, 3, 3, 2, 3}, y, 0f);
    }

    /**
     * Slide deck 003 (Keras tutorial on MNIST, "ReLU" then "Pooling layer"): three 12x12 feature maps go through
     * ReLU and a 2x2 max pooling of stride 2, giving three 6x6 maps ({@code MP = (FM - MPF) / S + 1 = 6}).
     */
    @Test
    void slidesReluAndMaxPoolingOnTwelveByTwelveMaps() {
        float[] maps = KERAS_FEATURE_MAPS.clone();
        for (int i = 0; i < maps.length; i++) {
            maps[i] = Math.max(0f, maps[i]);   // ReLU
        }
        PoolGeometry g = new PoolGeometry(1, 3, 12, 12, 2, 2, 0);
        assertEquals(6, g.outHeight());
        float[] y = new float[3 * 36], argmax = new float[3 * 36];
        Pooling.max(maps, y, argmax, g);
        assertArrayEquals(KERAS_POOLED, y, 0f);
    }

    /** Pooling's output sizes in the slides: deck 003's Keras MNIST network (26 -> 13, 11 -> 5), deck 002's AlexNet. */
    @ParameterizedTest(name = "i={0} k={1} s={2} -> {3}")
    @CsvSource({"12, 2, 2, 6", "26, 2, 2, 13", "11, 2, 2, 5", "55, 3, 2, 27", "27, 3, 2, 13", "13, 3, 2, 6"})
    void outputSizeRuleOnTheSlidesCases(int i, int k, int s, int expected) {
        PoolGeometry g = new PoolGeometry(1, 1, i, i, k, s, 0);
        assertEquals(expected, g.outHeight());
        float[] x = random(rng, i * i), y = new float[expected * expected], argmax = new float[y.length];
        Pooling.max(x, y, argmax, g);
        assertArrayEquals(naiveMax(x, g)[0], y, 0f);
    }

    // ---- the definition, as plain loops ----------------------------------------------------------------

    /** The window of output {@code (oh, ow)}, as the flat indices of its cells inside the plane (padding left out). */
    private static int[] window(PoolGeometry g, int oh, int ow) {
        int[] cells = new int[g.kernel() * g.kernel()];
        int count = 0;
        for (int i = 0; i < g.kernel(); i++) {
            for (int j = 0; j < g.kernel(); j++) {
                int h = oh * g.stride() - g.padding() + i, w = ow * g.stride() - g.padding() + j;
                if (h >= 0 && h < g.height() && w >= 0 && w < g.width()) {
                    cells[count++] = h * g.width() + w;
                }
            }
        }
        return Arrays.copyOf(cells, count);
    }

    /** {@code {y, argmax}}: the largest cell of each window, the first one on ties. */
    private static float[][] naiveMax(float[] x, PoolGeometry g) {
        int planes = g.batch() * g.channels(), plane = g.height() * g.width();
        float[] y = new float[planes * g.outHeight() * g.outWidth()], argmax = new float[y.length];
        for (int pl = 0, o = 0; pl < planes; pl++) {
            for (int oh = 0; oh < g.outHeight(); oh++) {
                for (int ow = 0; ow < g.outWidth(); ow++, o++) {
                    int best = -1;
                    for (int cell : window(g, oh, ow)) {
                        if (best < 0 || x[pl * plane + cell] > x[pl * plane + best]) {
                            best = cell;
                        }
                    }
                    y[o] = x[pl * plane + best];
                    argmax[o] = best;
                }
            }
        }
        return new float[][] {y, argmax};
    }

    private static float[] naiveMaxBackward(float[] dy, float[] argmax, PoolGeometry g) {
        int plane = g.height() * g.width(), outPlane = g.outHeight() * g.outWidth();
        float[] dx = new float[g.batch() * g.channels() * plane];
        for (int o = 0; o < dy.length; o++) {
            dx[o / outPlane * plane + (int) argmax[o]] += dy[o];
        }
        return dx;
    }

    private static float[] naiveAvg(float[] x, PoolGeometry g) {
        int planes = g.batch() * g.channels(), plane = g.height() * g.width();
        float[] y = new float[planes * g.outHeight() * g.outWidth()];
        for (int pl = 0, o = 0; pl < planes; pl++) {
            for (int oh = 0; oh < g.outHeight(); oh++) {
                for (int ow = 0; ow < g.outWidth(); ow++, o++) {
                    double sum = 0;
                    for (int cell : window(g, oh, ow)) {
                        sum += x[pl * plane + cell];
                    }
                    y[o] = (float) (sum / (g.kernel() * g.kernel()));
                }
            }
        }
        return y;
    }

    private static float[] naiveAvgBackward(float[] dy, PoolGeometry g) {
        int planes = g.batch() * g.channels(), plane = g.height() * g.width();
        double[] dx = new double[planes * plane];
        for (int pl = 0, o = 0; pl < planes; pl++) {
            for (int oh = 0; oh < g.outHeight(); oh++) {
                for (int ow = 0; ow < g.outWidth(); ow++, o++) {
                    for (int cell : window(g, oh, ow)) {
                        dx[pl * plane + cell] += dy[o] / (g.kernel() * g.kernel());
                    }
                }
            }
        }
        float[] out = new float[dx.length];
        for (int i = 0; i < dx.length; i++) {
            out[i] = (float) dx[i];
        }
        return out;
    }

    // ---- deck 003's three 12x12 feature maps (the "Convolution layer" slide) and their pooled 6x6 maps ----------

    /**
     * The three maps, reconstructed from the extracted slide text: the first is symmetric, the third is the
     * transpose of the second, and the second is mirrored (with a change of sign) left to right; a few signs
     * lost in the extraction were restored from these symmetries and from the ReLU slide's {@code -0}s.
     */
    private static final float[] KERAS_FEATURE_MAPS = {
        0, 1, 1.5f, 2, 1, 0, 1, 1, 1, 0.5f, 0, 0,
        1, 2, 1, 0, -1, -2, -1, -1, 0, 1, 0, 0,
        1.5f, 1, -1, -2, -1.5f, -1, 0, -0.5f, -1, 0, -1, -0.5f,
        2, 0, -2, -1, 0, 0, 0, 0, 0, 1, 0, -1,
        1, -1, -1.5f, 0, 0, 0, 0, 0, 0, 0.5f, 1, -1,
        0, -2, -1, 0, 0, 0, 0, 0, 0, 0, 1, -1,
        1, -1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0,
        1, -1, -0.5f, 0, 0, 0, 0, 0, 0, 1.5f, 1, -1,
        1, 0, -1, 0, 0, 0, 0, 0, 1, 2, 0, -2,
        0.5f, 1, 0, 1, 0.5f, 0, 1, 1.5f, 2, 1, -1, -1.5f,
        0, 0, -1, 0, 1, 1, 2, 1, 0, -1, -2, -1,
        0, 0, -0.5f, -1, -1, -1, 0, -1, -2, -1.5f, -1, 0,
        0, 1, 1, 1, 0, -1, 1, 0, -1, -1, -1, 0,
        1, 2, 0, 0, 0, -1, 1, 0, 0, 0, -2, -1,
        2, 2, -1, -1, -1, -1, 1, 1, 1, 1, -2, -2,
        3, 0, -3, -1, 0, 0, 0, 0, 1, 3, 0, -3,
        2, -2, -2, 0, 0, 0, 0, 0, 0, 2, 2, -2,
        1, -3, -1, 0, 0, 0, 0, 0, 0, 1, 3, -1,
        1, -3, -1, 0, 0, 0, 0, 0, 0, 1, 3, -1,
        2, -2, -2, 0, 0, 0, 0, 0, 0, 2, 2, -2,
        3, 0, -3, -1, 0, 0, 0, 0, 1, 3, 0, -3,
        2, 2, -1, -1, -1, -1, 1, 1, 1, 1, -2, -2,
        1, 2, 0, 0, 0, -1, 1, 0, 0, 0, -2, -1,
        0, 1, 1, 1, 0, -1, 1, 0, -1, -1, -1, 0,
        0, 1, 2, 3, 2, 1, 1, 2, 3, 2, 1, 0,
        1, 2, 2, 0, -2, -3, -3, -2, 0, 2, 2, 1,
        1, 0, -1, -3, -2, -1, -1, -2, -3, -1, 0, 1,
        1, 0, -1, -1, 0, 0, 0, 0, -1, -1, 0, 1,
        0, 0, -1, 0, 0, 0, 0, 0, 0, -1, 0, 0,
        -1, -1, -1, 0, 0, 0, 0, 0, 0, -1, -1, -1,
        1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0,
        -1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, -1,
        -1, 0, 1, 3, 2, 1, 1, 2, 3, 1, 0, -1,
        -1, -2, -2, 0, 2, 3, 3, 2, 0, -2, -2, -1,
        0, -1, -2, -3, -2, -1, -1, -2, -3, -2, -1, 0,
    };

    /** ReLU then 2x2 max pooling of stride 2, as printed on the "Pooling layer" slide. */
    private static final float[] KERAS_POOLED = {
        2, 2, 1, 1, 1, 0,
        2, 0, 0, 0, 1, 0,
        1, 0, 0, 0, 0.5f, 1,
        1, 0, 0, 0, 1.5f, 2,
        1, 1, 0.5f, 1.5f, 2, 0,
        0, 0, 1, 2, 0, 0,
        2, 1, 0, 1, 0, 0,
        3, 0, 0, 1, 3, 0,
        2, 0, 0, 0, 2, 3,
        2, 0, 0, 0, 2, 3,
        3, 0, 0, 1, 3, 0,
        2, 1, 0, 1, 0, 0,
        2, 3, 2, 2, 3, 2,
        1, 0, 0, 0, 0, 1,
        0, 0, 0, 0, 0, 0,
        1, 1, 0, 0, 1, 1,
        0, 3, 2, 2, 3, 0,
        0, 0, 3, 3, 0, 0,
    };
}
