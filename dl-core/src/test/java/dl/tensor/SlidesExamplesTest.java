package dl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.backend.ConvGeometry;
import org.junit.jupiter.api.Test;

/** The worked convolution and pooling examples of the course slides, reproduced through the Tensor API. */
class SlidesExamplesTest {

    /** The 5x5 input of the computer-vision lecture's "discrete convolution" and pooling pages. */
    private static final float[][] INPUT = {
        {3, 3, 2, 1, 0},
        {0, 0, 1, 3, 1},
        {3, 1, 2, 2, 3},
        {2, 0, 0, 2, 2},
        {2, 0, 0, 0, 1},
    };

    /** One grey image as a batch of one: {@code [1, 1, h, w]}. */
    private static Tensor image(float[][] rows) {
        return Tensor.of(rows).reshape(1, 1, rows.length, rows[0].length);
    }

    private static float[] flat(float[][] rows) {
        return Tensor.of(rows).toFloatArray();
    }

    @Test
    void discreteConvolutionOfTheFiveByFiveInput() {
        Tensor kernel = image(new float[][] {{0, 1, 2}, {2, 2, 0}, {0, 1, 2}});
        Tensor out = image(INPUT).conv2d(kernel, 1, 0);
        assertArrayEquals(new int[] {1, 1, 3, 3}, out.shape());
        assertArrayEquals(flat(new float[][] {{12, 12, 17}, {10, 17, 19}, {9, 6, 14}}), out.toFloatArray());
    }

    @Test
    void averagePoolingThreeByThreeStrideOne() {
        float[] out = image(INPUT).avgPool2d(3, 1, 0).toFloatArray();
        float[] slides = flat(new float[][] {{1.7f, 1.7f, 1.7f}, {1.0f, 1.2f, 1.8f}, {1.1f, 0.8f, 1.3f}});
        for (int i = 0; i < out.length; i++) {
            assertEquals(slides[i], Math.round(out[i] * 10) / 10f, "cell " + i + " is " + out[i]);
        }
    }

    @Test
    void maxPoolingThreeByThreeStrideOne() {
        Tensor out = image(INPUT).maxPool2d(3, 1, 0);
        assertArrayEquals(flat(new float[][] {{3, 3, 3}, {3, 3, 3}, {3, 2, 3}}), out.toFloatArray());
    }

    @Test
    void binaryImageWithTheXShapedKernel() {
        Tensor binary = image(new float[][] {
            {1, 1, 1, 0, 0},
            {0, 1, 1, 1, 0},
            {0, 0, 1, 1, 1},
            {0, 0, 1, 1, 0},
            {0, 1, 1, 0, 0},
        });
        Tensor kernel = image(new float[][] {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}});
        assertArrayEquals(flat(new float[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}),
                binary.conv2d(kernel, 1, 0).toFloatArray());
    }

    @Test
    void outputSizeRule() {
        // o = floor((i + 2p - k) / s) + 1, on the convolution-arithmetic cases of the slides
        assertEquals(3, ConvGeometry.outputSize(5, 3, 1, 0));    // no padding, unit stride
        assertEquals(5, ConvGeometry.outputSize(5, 3, 1, 1));    // "same" padding
        assertEquals(7, ConvGeometry.outputSize(5, 3, 1, 2));    // full padding
        assertEquals(2, ConvGeometry.outputSize(5, 3, 2, 0));    // stride 2
        assertEquals(3, ConvGeometry.outputSize(5, 3, 2, 1));    // stride 2 with padding
        assertEquals(3, ConvGeometry.outputSize(6, 3, 2, 1));    // the floor at work
        assertEquals(55, ConvGeometry.outputSize(227, 11, 4, 0)); // AlexNet conv1
        assertEquals(27, ConvGeometry.outputSize(55, 3, 2, 0));  // AlexNet max pool 1
        // and the tensors have that size
        assertArrayEquals(new int[] {1, 1, 3, 3}, Tensor.zeros(1, 1, 6, 6).conv2d(Tensor.zeros(1, 1, 3, 3), 2, 1)
                .shape());
        assertArrayEquals(new int[] {1, 1, 7, 7}, Tensor.zeros(1, 1, 5, 5).conv2d(Tensor.zeros(1, 1, 3, 3), 1, 2)
                .shape());
    }
}
