package dl.backend;

/**
 * The sizes of one 2-D convolution, NCHW layout: input {@code [batch, channels, height, width]}, weights
 * {@code [filters, channels, kernelH, kernelW]}, output {@code [batch, filters, outH, outW]} with
 * {@code o = floor((i + 2p - k) / s) + 1}.
 */
public record ConvGeometry(int batch, int channels, int height, int width,
                           int filters, int kernelH, int kernelW, int stride, int padding) {

    public int outHeight() {
        return outputSize(height, kernelH, stride, padding);
    }

    public int outWidth() {
        return outputSize(width, kernelW, stride, padding);
    }

    /** The output-size rule of the slides: {@code o = floor((i + 2p - k) / s) + 1}. */
    public static int outputSize(int input, int kernel, int stride, int padding) {
        return Math.floorDiv(input + 2 * padding - kernel, stride) + 1;
    }
}
