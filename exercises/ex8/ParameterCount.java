package ex8;

import dl.grading.TodoException;

/**
 * Exercise 8: counting a network's parameters (nn4, a CNN).
 * <p>
 * A convolution with {@code k x k} kernels, C input channels and F filters learns one weight per kernel cell, input
 * channel and filter, plus one bias per filter; a dense layer learns one weight per input and output, plus one bias
 * per output. Pooling, ReLU and flattening learn nothing.
 * <pre>
 *   conv:   k · k · C · F + F          (nn4's conv 1: 3·3·1·64 + 64 = 640)
 *   dense:  N_in · N_out + N_out      (nn4's fc 7: 6·6·16·2 + 2 = 1,154)
 * </pre>
 */
class ParameterCount {

    /** The weights and biases of a convolution of {@code filters} kernels {@code k x k} over {@code inChannels}. */
    static long convParameters(int k, int inChannels, int filters) {
        requirePositive("convParameters", k, inChannels, filters);
        throw new TodoException("ex8: return k · k · C · F + F");
    }

    /** The weights and biases of a dense layer from {@code in} inputs to {@code out} outputs. */
    static long denseParameters(int in, int out) {
        requirePositive("denseParameters", in, out);
        throw new TodoException("ex8: return N_in · N_out + N_out");
    }

    /**
     * nn4's learned layers, in order: conv 1, conv 3, conv 5 and fc 7. The input is a 48x48 grey image (1 channel);
     * conv 1, 3, 5 have 3x3 kernels with "same" padding (the map keeps its size) and 64, 32, 16 filters, each
     * followed by a 2x2 max pool (the map's side halves); fc 7 maps the flattened last map to 2 classes.
     */
    static long[] nn4Layers() {
        throw new TodoException("ex8: nn4's four counts with convParameters and denseParameters (last map 6x6x16)");
    }

    /**
     * The Keras tutorial's MNIST net, in order: conv 16 3x3 on a 28x28 grey image without padding (26x26), pool 2
     * (13x13), conv 16 3x3 (11x11), pool 2 (5x5, rounded down), flatten, dense 32, dense 10.
     */
    static long[] kerasLayers() {
        throw new TodoException("ex8: the four counts: two convs and two dense layers (the flattened map is 5x5x16)");
    }

    /** All the numbers a network learns: the sum of its layers' counts. */
    static long total(long[] layers) {
        long sum = 0;
        for (long count : layers) {
            sum += count;
        }
        return sum;
    }

    private static void requirePositive(String method, int... sizes) {
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException(method + ": every size is at least 1, got " + size);
            }
        }
    }
}
