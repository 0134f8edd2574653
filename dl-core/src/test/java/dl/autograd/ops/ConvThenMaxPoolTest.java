package dl.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.autograd.NoGrad;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#conv2dMaxPool} gives, to the last bit, what {@code conv2d(...).maxPool2d(...)} gives: the output, and
 * the gradients of the input, the filters and the bias, also when the input needs no gradient (a first layer, whose
 * weight gradient the CPU takes from the pooled gradient). The CPU computes the two together where the convolution
 * is shifted (stride 1) and the windows are 2x2 of stride 2; the other cases run the two kernels.
 */
class ConvThenMaxPoolTest {

    @Test
    void aFirstLayerLikeTheCoursesOne() {   // one channel: the weight gradient is summed as dot products
        assertSameAsTwoOps(new Random(1), 3, 1, 28, 28, 8, 3, true, 1, 1, 2, 2, 0);
    }

    @Test
    void aLayerWithManyTaps() {   // 4 channels x 3x3: the weight gradient as matrix products
        assertSameAsTwoOps(new Random(2), 4, 4, 14, 14, 6, 3, true, 1, 1, 2, 2, 0);
    }

    @Test
    void oddOutputsLeaveTheirLastRowAndColumnOut() {   // 7x7 pooled to 3x3, and rows shorter than a vector
        assertSameAsTwoOps(new Random(3), 2, 3, 7, 7, 5, 3, true, 1, 1, 2, 2, 0);
        assertSameAsTwoOps(new Random(4), 2, 2, 11, 11, 4, 3, true, 1, 1, 2, 2, 0);
    }

    @Test
    void oneImageWithoutBiasAndLeNetsFiveByFive() {
        assertSameAsTwoOps(new Random(5), 1, 2, 12, 12, 3, 3, false, 1, 1, 2, 2, 0);
        assertSameAsTwoOps(new Random(6), 3, 1, 28, 28, 6, 5, true, 1, 2, 2, 2, 0);
    }

    @Test
    void otherConvolutionsAndPoolingsRunTheTwoKernels() {
        assertSameAsTwoOps(new Random(7), 2, 2, 13, 13, 4, 3, true, 2, 1, 2, 2, 0);   // stride 2
        assertSameAsTwoOps(new Random(8), 2, 2, 12, 12, 4, 3, true, 1, 1, 3, 2, 1);   // overlapping, padded
    }

    /** Whole numbers: many windows tie, and the first of the tied cells must win in both. */
    @Test
    void tiesGoToTheSameCell() {
        Random rng = new Random(9);
        Tensor x = Tensor.of(wholeNumbers(rng, 2 * 2 * 10 * 10), 2, 2, 10, 10);
        Tensor w = Tensor.of(wholeNumbers(rng, 3 * 2 * 3 * 3), 3, 2, 3, 3);
        Tensor b = Tensor.of(new float[] {0f, 0.5f, -1f}, 3);
        assertSameAsTwoOps(x, w, b, 1, 1, 2, 2, 0);
    }

    @Test
    void withoutGradientsTheOutputIsTheSame() {
        Random rng = new Random(10);
        Tensor x = Tensor.randn(rng, 2, 3, 8, 8), w = Tensor.randn(rng, 4, 3, 3, 3), b = Tensor.randn(rng, 4);
        try (var off = NoGrad.scope()) {
            assertArrayEquals(bits(x.conv2d(w, b, 1, 1).maxPool2d(2)), bits(x.conv2dMaxPool(w, b, 1, 1, 2, 2, 0)));
        }
    }

    @Test
    void badShapesAreReportedAsTheConvolutionsOrThePoolings() {
        Tensor x = Tensor.randn(new Random(11), 1, 1, 4, 4);
        assertEquals("conv2d: input [1, 1, 4, 4], weight [2, 3, 3, 3]: the input has 1 channels but the filters"
                + " expect 3", message(() -> x.conv2dMaxPool(Tensor.zeros(2, 3, 3, 3), null, 1, 0, 2, 2, 0)));
        assertEquals(message(() -> Tensor.zeros(1, 2, 2, 2).maxPool2d(3, 1, 0)),
                message(() -> x.conv2dMaxPool(Tensor.zeros(2, 1, 3, 3), null, 1, 0, 3, 1, 0)));
    }

    private static void assertSameAsTwoOps(Random rng, int batch, int channels, int height, int width, int filters,
                                           int kernel, boolean bias, int stride, int padding,
                                           int poolKernel, int poolStride, int poolPadding) {
        Tensor x = Tensor.randn(rng, batch, channels, height, width);
        Tensor w = Tensor.randn(rng, filters, channels, kernel, kernel);
        Tensor b = bias ? Tensor.randn(rng, filters) : null;
        assertSameAsTwoOps(x, w, b, stride, padding, poolKernel, poolStride, poolPadding);
    }

    private static void assertSameAsTwoOps(Tensor x, Tensor w, Tensor b, int stride, int padding,
                                           int poolKernel, int poolStride, int poolPadding) {
        for (boolean inputGradient : new boolean[] {true, false}) {
            List<int[]> twoOps = run(x, w, b, inputGradient, in -> in[0].conv2d(in[1], in[2], stride, padding)
                    .maxPool2d(poolKernel, poolStride, poolPadding));
            List<int[]> oneOp = run(x, w, b, inputGradient, in -> in[0].conv2dMaxPool(in[1], in[2], stride, padding,
                    poolKernel, poolStride, poolPadding));
            String[] what = {"output", "filter gradient", "bias gradient", "input gradient"};
            for (int i = 0; i < twoOps.size(); i++) {
                assertArrayEquals(twoOps.get(i), oneOp.get(i), what[i] + (inputGradient ? "" : ", no input gradient"));
            }
        }
    }

    /**
     * The output and the gradients (of the loss {@code sum(y * r)}, r fixed) of copies of w, b and x (of x when
     * {@code inputGradient}), as bits.
     */
    private static List<int[]> run(Tensor x, Tensor w, Tensor b, boolean inputGradient,
                                   java.util.function.Function<Tensor[], Tensor> op) {
        Tensor[] in = {Tensor.of(x.toFloatArray(), x.shape()), copy(w), b == null ? null : copy(b)};
        if (inputGradient) {
            in[0].requiresGrad();
        }
        Tensor y = op.apply(in);
        y.mul(Tensor.randn(new Random(12), y.shape())).sum().backward();
        List<int[]> numbers = new ArrayList<>(List.of(bits(y), bits(in[1].grad())));
        numbers.add(b == null ? new int[0] : bits(in[2].grad()));
        if (inputGradient) {
            numbers.add(bits(in[0].grad()));
        }
        return numbers;
    }

    private static Tensor copy(Tensor t) {
        return Tensor.of(t.toFloatArray(), t.shape()).requiresGrad();
    }

    private static int[] bits(Tensor t) {
        float[] v = t.toFloatArray();
        int[] bits = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = Float.floatToRawIntBits(v[i]);
        }
        return bits;
    }

    private static float[] wholeNumbers(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(3) - 1;
        }
        return v;
    }

    private static String message(Runnable r) {
        try {
            r.run();
            return "no error";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
