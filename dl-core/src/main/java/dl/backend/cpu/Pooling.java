package dl.backend.cpu;

import dl.backend.PoolGeometry;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * 2-D pooling kernels, NCHW. Each of the {@code N * C} planes {@code [H, W]} is pooled on its own, with a
 * {@code k x k} window moved by {@code s}, {@code p} cells of padding on each side,
 * {@code o = floor((i + 2p - k) / s) + 1}:
 * <pre>
 *   max:  y[oh, ow] = max over the window of x[oh * s - p + i, ow * s - p + j]   (padding never wins)
 *         dL/dx[winner] += dL/dy[oh, ow]                  (the winner's flat index h * W + w is kept in argmax)
 *   avg:  y[oh, ow] = (1 / k^2) * sum over the window of x[...]   (padding counts as 0, still divided by k^2)
 *         dL/dx[h, w] += dL/dy[oh, ow] / k^2              for every (h, w) of the window
 * </pre>
 * Ties go to the first cell in reading order. The padding must be at most {@code k / 2} (as PyTorch requires), so
 * that every window holds at least one input cell. Big batches are spread over the cores by planes.
 */
final class Pooling {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    /**
     * Half a vector's lanes: as many windows as one vector holds cells of a row. They are written through a mask of
     * the first half, not as a vector half as wide: every vector keeps the machine's width (see {@link Gemm#SPECIES}).
     */
    private static final int HALF = S.length() / 2;
    private static final VectorMask<Float> FIRST_HALF = S.indexInRange(0, HALF);
    /** Lanes 0, 2, 4, ... (the windows' left cells) and 1, 3, 5, ... (their right cells) into the first half. */
    private static final VectorShuffle<Float> LEFT = VectorShuffle.fromOp(S, i -> 2 * i % S.length());
    private static final VectorShuffle<Float> RIGHT = VectorShuffle.fromOp(S, i -> (2 * i + 1) % S.length());
    /** 0, 2, 4, ...: the index of each window's top-left cell, from the first. */
    private static final FloatVector TWICE_IOTA = FloatVector.zero(S).addIndex(2);

    /** Below this many window cells in all, one core is faster than waking the others. */
    private static final long SMALL = 1 << 15;

    private Pooling() {
    }

    /** Max over each window; {@code argmax} receives the winner's flat index {@code h * W + w} in its plane. */
    static void max(float[] x, float[] y, float[] argmax, PoolGeometry g) {
        int outH = g.outHeight(), outW = g.outWidth(), k = g.kernel(), s = g.stride(), p = g.padding();
        if (k == 2 && s == 2 && p == 0) {
            forEachPlane(g, plane -> maxTwoByTwo(x, y, argmax, g, plane));
            return;
        }
        forEachPlane(g, plane -> {
            int in = plane * g.height() * g.width(), out = plane * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int h0 = Math.max(0, oh * s - p), h1 = Math.min(g.height(), oh * s - p + k);
                for (int ow = 0; ow < outW; ow++, out++) {
                    int w0 = Math.max(0, ow * s - p), w1 = Math.min(g.width(), ow * s - p + k);
                    int best = h0 * g.width() + w0;
                    float max = x[in + best];
                    for (int h = h0; h < h1; h++) {
                        for (int i = h * g.width() + w0; i < h * g.width() + w1; i++) {
                            float v = x[in + i];
                            best = v > max ? i : best;
                            max = Math.max(max, v);
                        }
                    }
                    y[out] = max;
                    argmax[out] = best;
                }
            }
        });
    }

    /**
     * The most common pooling, 2x2 windows side by side, with SIMD: the two input rows of {@link #HALF} windows are
     * loaded as one vector each and split into their left and right cells. (As plain loops, the comparisons become
     * branches that random activations mispredict half the time.) A row too short for a vector goes the scalar way.
     */
    private static void maxTwoByTwo(float[] x, float[] y, float[] argmax, PoolGeometry g, int plane) {
        int planeOut = g.outHeight() * g.outWidth();
        maxTwoByTwo(x, plane * g.height() * g.width(), g.width(), g.width(), y, argmax, plane * planeOut,
                g.outHeight(), g.outWidth());
    }

    /**
     * 2x2 windows of the plane at {@code x[in]}, whose rows lie {@code stride} apart, into the {@code outH x outW}
     * plane at {@code y[out]}; {@code argmax} counts cells on rows {@code width} long (a convolution's computed rows
     * are longer than its output's: see {@link ShiftedConvolution}).
     */
    static void maxTwoByTwo(float[] x, int in, int stride, int width, float[] y, float[] argmax, int out,
                            int outH, int outW) {
        int h = HALF;
        for (int oh = 0; oh < outH; oh++, out += outW) {
            int top = in + 2 * oh * stride, cell = 2 * oh * width;
            if (outW < h) {
                windowsOneByOne(x, top, stride, cell, width, y, argmax, out, outW);
                continue;
            }
            for (int ow = 0; ; ow += h) {
                int at = Math.min(ow, outW - h);   // the last vector overlaps the one before: same numbers again
                maxOfWindows(x, top + 2 * at, stride, cell + 2 * at, width, y, argmax, out + at);
                if (at == outW - h) {
                    break;
                }
            }
        }
    }

    /**
     * {@link #HALF} windows side by side from {@code x[at]} (the next row {@code stride} further), their top-left
     * cell's index {@code cell} on rows {@code width} long.
     */
    private static void maxOfWindows(float[] x, int at, int stride, int cell, int width, float[] y, float[] argmax,
                                     int out) {
        FloatVector top = FloatVector.fromArray(S, x, at);
        FloatVector bottom = FloatVector.fromArray(S, x, at + stride);
        FloatVector a = top.rearrange(LEFT), b = top.rearrange(RIGHT);
        FloatVector c = bottom.rearrange(LEFT), d = bottom.rearrange(RIGHT);
        FloatVector index = TWICE_IOTA.add(cell);
        FloatVector upper = a.max(b), lower = c.max(d);
        FloatVector upperIndex = index.blend(index.add(1), b.compare(VectorOperators.GT, a));
        FloatVector lowerIndex = index.add(width).blend(index.add(width + 1), d.compare(VectorOperators.GT, c));
        FloatVector max = upper.max(lower);
        FloatVector winner = upperIndex.blend(lowerIndex, lower.compare(VectorOperators.GT, upper));
        max.intoArray(y, out, FIRST_HALF);
        winner.intoArray(argmax, out, FIRST_HALF);
    }

    /** The first {@code count} windows of an output row, one at a time (the arguments of {@link #maxOfWindows}). */
    private static void windowsOneByOne(float[] x, int at, int stride, int cell, int width, float[] y,
                                        float[] argmax, int out, int count) {
        for (int ow = 0; ow < count; ow++) {
            int i = at + 2 * ow, j = i + stride, upperCell = cell + 2 * ow, lowerCell = upperCell + width;
            float a = x[i], b = x[i + 1], c = x[j], d = x[j + 1];
            int upper = b > a ? upperCell + 1 : upperCell, lower = d > c ? lowerCell + 1 : lowerCell;
            float upperMax = Math.max(a, b), lowerMax = Math.max(c, d);
            y[out + ow] = Math.max(upperMax, lowerMax);
            argmax[out + ow] = lowerMax > upperMax ? lower : upper;
        }
    }

    /** Routes each {@code dy} to the input cell that won its window: overwrites {@code dx}. */
    static void maxBackward(float[] dy, float[] argmax, float[] dx, PoolGeometry g) {
        int planeIn = g.height() * g.width(), planeOut = g.outHeight() * g.outWidth();
        forEachPlane(g, plane -> {
            int in = plane * planeIn, out = plane * planeOut;
            Arrays.fill(dx, in, in + planeIn, 0f);
            for (int o = out; o < out + planeOut; o++) {
                dx[in + (int) argmax[o]] += dy[o];
            }
        });
    }

    /** Mean over each window, padding counted as zeros: {@code y = sum / k^2}. */
    static void avg(float[] x, float[] y, PoolGeometry g) {
        int outH = g.outHeight(), outW = g.outWidth(), k = g.kernel(), s = g.stride(), p = g.padding();
        float scale = 1f / (k * k);
        forEachPlane(g, plane -> {
            int in = plane * g.height() * g.width(), out = plane * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int h0 = Math.max(0, oh * s - p), h1 = Math.min(g.height(), oh * s - p + k);
                for (int ow = 0; ow < outW; ow++, out++) {
                    int w0 = Math.max(0, ow * s - p), w1 = Math.min(g.width(), ow * s - p + k);
                    float sum = 0f;
                    for (int h = h0; h < h1; h++) {
                        for (int i = in + h * g.width() + w0; i < in + h * g.width() + w1; i++) {
                            sum += x[i];
                        }
                    }
                    y[out] = sum * scale;
                }
            }
        });
    }

    /** Spreads each {@code dy / k^2} over the cells of its window: overwrites {@code dx}. */
    static void avgBackward(float[] dy, float[] dx, PoolGeometry g) {
        int outH = g.outHeight(), outW = g.outWidth(), k = g.kernel(), s = g.stride(), p = g.padding();
        float scale = 1f / (k * k);
        forEachPlane(g, plane -> {
            int in = plane * g.height() * g.width(), out = plane * outH * outW;
            Arrays.fill(dx, in, in + g.height() * g.width(), 0f);
            for (int oh = 0; oh < outH; oh++) {
                int h0 = Math.max(0, oh * s - p), h1 = Math.min(g.height(), oh * s - p + k);
                for (int ow = 0; ow < outW; ow++, out++) {
                    int w0 = Math.max(0, ow * s - p), w1 = Math.min(g.width(), ow * s - p + k);
                    float share = dy[out] * scale;
                    for (int h = h0; h < h1; h++) {
                        for (int i = in + h * g.width() + w0; i < in + h * g.width() + w1; i++) {
                            dx[i] += share;
                        }
                    }
                }
            }
        });
    }

    /** Runs {@code body} on every plane {@code 0 .. N*C-1}: on every core when the work is big enough. */
    private static void forEachPlane(PoolGeometry g, java.util.function.IntConsumer body) {
        int planes = g.batch() * g.channels();
        long cells = (long) planes * g.outHeight() * g.outWidth() * g.kernel() * g.kernel();
        if (cells < SMALL) {
            for (int plane = 0; plane < planes; plane++) {
                body.accept(plane);
            }
        } else {
            Parallel.forEach(planes, body);
        }
    }
}
