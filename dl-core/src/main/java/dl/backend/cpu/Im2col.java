package dl.backend.cpu;

import dl.backend.ConvGeometry;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unrolls the windows of one image into the columns of a matrix, so that a convolution becomes one matrix
 * product (the "im2col" of Caffe and of PyTorch's CPU path). For an image {@code x [C, H, W]} the matrix
 * {@code col} has {@code K = C * kh * kw} rows and {@code P = OH * OW} columns, one per output position:
 * <pre>
 *   col[(c * kh + i) * kw + j, oh * OW + ow] = x[c, oh * s - p + i, ow * s - p + j]   (0 in the padding)
 * </pre>
 * {@link #col2im} is its adjoint: it adds every entry of {@code col} back to the pixel it was read from (pixels
 * seen by several windows receive several contributions), which is what the gradient needs.
 */
final class Im2col {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;

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
        if (s == 1 && outH == g.height() && outW == g.width()) {
            sameSize(x, xOff, g, col, colOff);
            return;
        }
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
                        // the padding is a few numbers: plain loops; the inside is a copy (arraycopy copies
                        // with SIMD, twice as fast as a loop even for the 28 numbers of an MNIST row)
                        int src = xOff + c * plane + ih * g.width() + first;
                        for (int ow = 0; ow < from; ow++) {
                            col[dst + ow] = 0f;
                        }
                        if (s == 1) {
                            System.arraycopy(x, src + from, col, dst + from, to - from);
                        } else {
                            for (int ow = from; ow < to; ow++) {
                                col[dst + ow] = x[src + ow * s];
                            }
                        }
                        for (int ow = to; ow < outW; ow++) {
                            col[dst + ow] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The common "same" convolution (stride 1, output as large as the input: a 3x3 kernel with padding 1): row
     * {@code (c, i, j)} of {@code col} is the whole plane {@code c} shifted by {@code (i - p, j - p)}, so it is one
     * long copy, after which the rows and columns that the shift brought in from outside the image are zeroed.
     */
    private static void sameSize(float[] x, int xOff, ConvGeometry g, float[] col, int colOff) {
        int h = g.height(), w = g.width(), plane = h * w, p = g.padding();
        int dst = colOff;
        for (int c = 0; c < g.channels(); c++) {
            int src = xOff + c * plane;
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, dst += plane) {
                    int shift = (i - p) * w + (j - p);   // col[q] = x[q + shift], inside the image
                    int from = Math.min(plane, Math.max(0, -shift)), to = Math.max(from, Math.min(plane, plane - shift));
                    Arrays.fill(col, dst, dst + from, 0f);
                    if (from < to) {
                        System.arraycopy(x, src + from + shift, col, dst + from, to - from);
                    }
                    Arrays.fill(col, dst + to, dst + plane, 0f);
                    for (int oh = 0; oh < h; oh++) {
                        int row = dst + oh * w, ih = oh + i - p;
                        if (ih < 0 || ih >= h) {
                            Arrays.fill(col, row, row + w, 0f);   // a row of padding
                            continue;
                        }
                        for (int ow = 0; ow < p - j; ow++) {            // columns left of the image
                            col[row + ow] = 0f;
                        }
                        for (int ow = Math.max(0, w - (j - p)); ow < w; ow++) {   // columns right of it
                            col[row + ow] = 0f;
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
                        if (s == 1) {
                            addRow(col, src + from, dx, dst + from, to - from);
                        } else {
                            for (int ow = from; ow < to; ow++) {
                                dx[dst + ow * s] += col[src + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code dx[d + i] += col[c + i]} for {@code i < length}, with SIMD (the plain loop is not vectorized). */
    private static void addRow(float[] col, int c, float[] dx, int d, int length) {
        int i = 0;
        for (int end = S.loopBound(length); i < end; i += S.length()) {
            FloatVector.fromArray(S, dx, d + i).add(FloatVector.fromArray(S, col, c + i)).intoArray(dx, d + i);
        }
        for (; i < length; i++) {
            dx[d + i] += col[c + i];
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
