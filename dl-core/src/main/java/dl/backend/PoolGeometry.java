package dl.backend;

/**
 * The sizes of one 2-D pooling, NCHW layout: input {@code [batch, channels, height, width]}, a
 * {@code kernel x kernel} window moved by {@code stride}, {@code padding} cells on each side (padding never wins
 * a max and counts as zero in an average, like PyTorch's {@code count_include_pad=True}).
 */
public record PoolGeometry(int batch, int channels, int height, int width, int kernel, int stride, int padding) {

    public int outHeight() {
        return ConvGeometry.outputSize(height, kernel, stride, padding);
    }

    public int outWidth() {
        return ConvGeometry.outputSize(width, kernel, stride, padding);
    }
}
