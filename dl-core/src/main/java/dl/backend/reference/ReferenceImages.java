package dl.backend.reference;

import dl.backend.ConvGeometry;
import dl.backend.PoolGeometry;

/**
 * Convolution and pooling of the reference backend, NCHW, straight from their definitions, with
 * {@code o = floor((i + 2p - k) / s) + 1} and input cell {@code (oh * s - p + i, ow * s - p + j)} under kernel cell
 * {@code (i, j)}; a cell outside the image is padding:
 * <pre>
 *   conv     y[b, f, oh, ow] = bias[f] + sum_{c, i, j} x[b, c, cell] w[f, c, i, j]
 *            dx[b, c, cell] += dy[b, f, oh, ow] w[f, c, i, j]        dw[f, c, i, j] = sum_{b, oh, ow} dy x[b, c, cell]
 *            db[f] = sum_{b, oh, ow} dy[b, f, oh, ow]
 *   max      y = the largest cell of the window (the first in reading order; padding never wins)
 *            dx[winner] += dy
 *   average  y = (1 / k^2) sum of the window's cells (padding counts as 0)      dx[cell] += dy / k^2
 * </pre>
 */
final class ReferenceImages {

    private ReferenceImages() {
    }

    static void conv2d(float[] x, float[] w, float[] bias, float[] y, ConvGeometry g) {
        int oh = g.outHeight(), ow = g.outWidth();
        for (int b = 0; b < g.batch(); b++) {
            for (int f = 0; f < g.filters(); f++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        double sum = bias == null ? 0 : bias[f];
                        for (int c = 0; c < g.channels(); c++) {
                            for (int i = 0; i < g.kernelH(); i++) {
                                for (int j = 0; j < g.kernelW(); j++) {
                                    int h = r * g.stride() - g.padding() + i, v = q * g.stride() - g.padding() + j;
                                    if (h >= 0 && h < g.height() && v >= 0 && v < g.width()) {
                                        sum += (double) x[xAt(g, b, c, h, v)] * w[wAt(g, f, c, i, j)];
                                    }
                                }
                            }
                        }
                        y[((b * g.filters() + f) * oh + r) * ow + q] = (float) sum;
                    }
                }
            }
        }
    }

    static void conv2dBackwardInput(float[] dy, float[] w, float[] dx, ConvGeometry g) {
        double[] sums = new double[dx.length];
        forEachTap(g, (b, f, c, i, j, out, cell) -> sums[cell] += (double) dy[out] * w[wAt(g, f, c, i, j)]);
        for (int n = 0; n < dx.length; n++) {
            dx[n] = (float) sums[n];
        }
    }

    static void conv2dBackwardWeight(float[] x, float[] dy, float[] dw, float[] db, ConvGeometry g) {
        double[] sums = new double[dw.length];
        forEachTap(g, (b, f, c, i, j, out, cell) -> sums[wAt(g, f, c, i, j)] += (double) dy[out] * x[cell]);
        for (int n = 0; n < dw.length; n++) {
            dw[n] = (float) sums[n];
        }
        if (db != null) {
            int plane = g.outHeight() * g.outWidth();
            for (int f = 0; f < g.filters(); f++) {
                double sum = 0;
                for (int b = 0; b < g.batch(); b++) {
                    for (int n = 0; n < plane; n++) {
                        sum += dy[(b * g.filters() + f) * plane + n];
                    }
                }
                db[f] = (float) sum;
            }
        }
    }

    /** What one kernel cell meets at one output position: the flat indices of the output and of the input cell. */
    private interface Tap {
        void at(int b, int f, int c, int i, int j, int out, int cell);
    }

    /** Every (output position, kernel cell) pair whose input cell is inside the image. */
    private static void forEachTap(ConvGeometry g, Tap tap) {
        int oh = g.outHeight(), ow = g.outWidth();
        for (int b = 0; b < g.batch(); b++) {
            for (int f = 0; f < g.filters(); f++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        int out = ((b * g.filters() + f) * oh + r) * ow + q;
                        for (int c = 0; c < g.channels(); c++) {
                            for (int i = 0; i < g.kernelH(); i++) {
                                for (int j = 0; j < g.kernelW(); j++) {
                                    int h = r * g.stride() - g.padding() + i, v = q * g.stride() - g.padding() + j;
                                    if (h >= 0 && h < g.height() && v >= 0 && v < g.width()) {
                                        tap.at(b, f, c, i, j, out, xAt(g, b, c, h, v));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static int xAt(ConvGeometry g, int b, int c, int h, int v) {
        return ((b * g.channels() + c) * g.height() + h) * g.width() + v;
    }

    private static int wAt(ConvGeometry g, int f, int c, int i, int j) {
        return ((f * g.channels() + c) * g.kernelH() + i) * g.kernelW() + j;
    }

    static void maxPool(float[] x, float[] y, float[] argmax, PoolGeometry g) {
        forEachWindow(g, (plane, out, h0, h1, w0, w1) -> {
            int best = h0 * g.width() + w0;
            for (int h = h0; h < h1; h++) {
                for (int v = w0; v < w1; v++) {
                    best = x[plane + h * g.width() + v] > x[plane + best] ? h * g.width() + v : best;
                }
            }
            y[out] = x[plane + best];
            argmax[out] = best;
        });
    }

    static void maxPoolBackward(float[] dy, float[] argmax, float[] dx, PoolGeometry g) {
        java.util.Arrays.fill(dx, 0f);
        forEachWindow(g, (plane, out, h0, h1, w0, w1) -> dx[plane + (int) argmax[out]] += dy[out]);
    }

    static void avgPool(float[] x, float[] y, PoolGeometry g) {
        double area = g.kernel() * g.kernel();
        forEachWindow(g, (plane, out, h0, h1, w0, w1) -> {
            double sum = 0;
            for (int h = h0; h < h1; h++) {
                for (int v = w0; v < w1; v++) {
                    sum += x[plane + h * g.width() + v];
                }
            }
            y[out] = (float) (sum / area);
        });
    }

    static void avgPoolBackward(float[] dy, float[] dx, PoolGeometry g) {
        double area = g.kernel() * g.kernel();
        double[] sums = new double[dx.length];
        forEachWindow(g, (plane, out, h0, h1, w0, w1) -> {
            for (int h = h0; h < h1; h++) {
                for (int v = w0; v < w1; v++) {
                    sums[plane + h * g.width() + v] += dy[out] / area;
                }
            }
        });
        for (int n = 0; n < dx.length; n++) {
            dx[n] = (float) sums[n];
        }
    }

    /** One pooling window: where its plane starts in the input, its output's flat index, its rows and columns. */
    private interface Window {
        void at(int plane, int out, int h0, int h1, int w0, int w1);
    }

    /** Every window of every plane, cut to the image (padding is outside it). */
    private static void forEachWindow(PoolGeometry g, Window window) {
        int oh = g.outHeight(), ow = g.outWidth(), k = g.kernel(), s = g.stride(), p = g.padding();
        for (int n = 0; n < g.batch() * g.channels(); n++) {
            for (int r = 0; r < oh; r++) {
                for (int q = 0; q < ow; q++) {
                    window.at(n * g.height() * g.width(), (n * oh + r) * ow + q,
                            Math.max(0, r * s - p), Math.min(g.height(), r * s - p + k),
                            Math.max(0, q * s - p), Math.min(g.width(), q * s - p + k));
                }
            }
        }
    }
}
