package dl.backend.cpu;

import dl.backend.ConvGeometry;
import java.util.Arrays;

/**
 * Unrolls the windows of one image into the columns of a matrix, so that a convolution becomes one matrix
 * product (the "im2col" of Caffe and of PyTorch's CPU path). For an image {@code x [C, H, W]} the matrix
 * {@code col} has {@code K = C * kh * kw} rows and {@code P = OH * OW} columns, one per output position:
 * <pre>
 *   col[(c * kh + i) * kw + j, oh * OW + ow] = x[c, oh * s - p + i, ow * s - p + j]   (0 in the padding)
 * </pre>
 * {@link #col2im} is its adjoint: it adds every entry of {@code col} back to the pixel it was read from (pixels
 * seen by several windows receive several contributions), which is what the gradient needs. Stride-1
 * convolutions do without it (see {@link ShiftedConvolution}): what comes here is strided, or padded more than its
 * kernel is wide.
 */
final class Im2col {

    /** One growing scratch matrix per thread, reused from call to call so that training allocates nothing. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private Im2col() {
    }

    /** This thread's scratch array, at least {@code length} long (its contents are garbage). */
    static float[] scratch(int length) {
        float[] s = SCRATCH.get();
        if (s.length < length) {
            s = new float[length];
            SCRATCH.set(s);
        }
        return s;
    }

    /** Fills {@code col [K, P]}, from {@code colOff} on, from the image of {@code x} that starts at {@code xOff}. */
    static void im2col(float[] x, int xOff, ConvGeometry g, float[] col, int colOff) {
        int outH = g.outHeight(), outW = g.outWidth(), s = g.stride(), plane = g.height() * g.width();
        int dst = colOff;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    // row (c, i, j) of col: output column ow reads input column ow * s + first
                    int first = j - g.padding(), from = firstInside(first, s, outW);
                    int to = endInside(first, s, g.width(), outW, from);
                    for (int oh = 0; oh < outH; oh++, dst += outW) {
                        int ih = oh * s - g.padding() + i;
                        if (ih < 0 || ih >= g.height()) {
                            Arrays.fill(col, dst, dst + outW, 0f);
                            continue;
                        }
                        int src = xOff + c * plane + ih * g.width() + first;
                        for (int ow = 0; ow < from; ow++) {
                            col[dst + ow] = 0f;
                        }
                        for (int ow = from; ow < to; ow++) {
                            col[dst + ow] = x[src + ow * s];
                        }
                        for (int ow = to; ow < outW; ow++) {
                            col[dst + ow] = 0f;
                        }
                    }
                }
            }
        }
    }

    /** Adds {@code col [K, P]} back into the image of {@code dx} that starts at {@code dxOff}, which it overwrites. */
    static void col2im(float[] col, ConvGeometry g, float[] dx, int dxOff) {
        int outH = g.outHeight(), outW = g.outWidth(), s = g.stride(), plane = g.height() * g.width();
        Arrays.fill(dx, dxOff, dxOff + g.channels() * plane, 0f);
        int src = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    int first = j - g.padding(), from = firstInside(first, s, outW);
                    int to = endInside(first, s, g.width(), outW, from);
                    for (int oh = 0; oh < outH; oh++, src += outW) {
                        int ih = oh * s - g.padding() + i;
                        if (ih < 0 || ih >= g.height()) {
                            continue;
                        }
                        int dst = dxOff + c * plane + ih * g.width() + first;
                        for (int ow = from; ow < to; ow++) {
                            dx[dst + ow * s] += col[src + ow];
                        }
                    }
                }
            }
        }
    }

    /** The first {@code ow} with {@code ow * s + first >= 0}, at most {@code outW}. */
    private static int firstInside(int first, int s, int outW) {
        return first >= 0 ? 0 : Math.min(outW, (-first + s - 1) / s);
    }

    /** One past the last {@code ow} with {@code ow * s + first < width}, between {@code from} and {@code outW}. */
    private static int endInside(int first, int s, int width, int outW, int from) {
        int end = width - first <= 0 ? 0 : (width - first + s - 1) / s;
        return Math.max(from, Math.min(outW, end));
    }
}
