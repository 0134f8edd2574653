package dl.backend.cpu;

import static dl.backend.cpu.Gemm.MR;
import static dl.backend.cpu.Gemm.NR;

import dl.backend.ConvGeometry;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 3x3 convolutions of stride 1 with Winograd's minimal filtering F(4, 3) down the columns: four output rows from six
 * input rows with 6 multiplications per column and channel instead of 12, so half as many in all.
 *
 * <p>Down one column {@code j} of a filter ({@code g = w[f, c, 0..2, j]}) and of the image ({@code d}, six padded
 * rows from row {@code 4t}):
 * <pre>
 *   (y[4t], .., y[4t+3]) = A^T [ (G g) (.) (B^T d) ]      (.) multiplies number by number
 *
 *   B^T = | 4  0 -5  0  1  0 |     G = |  1/4    0     0   |     A^T = | 1  1  1  1  1  0 |
 *         | 0 -4 -4  1  1  0 |         | -1/6  -1/6  -1/6  |           | 0  1 -1  2 -2  0 |
 *         | 0  4 -4 -1  1  0 |         | -1/6   1/6  -1/6  |           | 0  1  1  4  4  0 |
 *         | 0 -2 -1  2  1  0 |         |  1/24  1/12  1/6  |           | 0  1 -1  8 -8  1 |
 *         | 0  2 -1 -2  1  0 |         |  1/24 -1/12  1/6  |
 *         | 0  4  0 -5  0  1 |         |  0     0     1    |
 * </pre>
 * Along the rows nothing changes: the three columns of a filter are three taps, as in {@link ShiftedConvolution}. So
 * each of the six numbers {@code r} of a transformed column is a shifted matrix product over the strips of four
 * rows, with {@code 3 C} taps instead of {@code 9 C}:
 * <pre>
 *   V[r][c, t * Wp + x] = (B^T d)[r]     for each strip t of rows and each position x on the padded width Wp
 *   M[r][f, q]          = sum over (c, j) of (G g[f, c, ., j])[r] * V[r][c, q + j]
 *   y[f, 4t + a, x]     = (A^T M[.][f, t * Wp + x])[a]
 * </pre>
 * The rows of outputs land on the padded width, as {@link ShiftedConvolution} computes them, and are cropped or
 * pooled the same way. The input gradient is the same correlation of {@code dy} by the turned filters.
 *
 * <p>With {@code relu}, the convolution reads {@code relu(x)}: the ReLU is applied as each image is padded, and its
 * gradient as each image's input gradient is written, so {@code relu(x)} is never in memory whole.
 */
final class RowWinograd {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    private static final int L = S.length();
    /** Output rows of a strip, and the numbers of its transform (Winograd's alpha = 4 + 3 - 1). */
    private static final int STRIP = 4, ALPHA = 6;
    /**
     * Below this many channels or filters, or this many of both multiplied, the products are too short for the
     * transforms to pay.
     */
    private static final int MIN_CHANNELS = 16, MIN_PRODUCT = 1024;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[6][0]);
    private static final int PADDED = 0, TRANSFORMED = 1, PRODUCTS = 2, COMPUTED = 3, FILTERS = 4, GRADIENTS = 5;
    /** Vectors for gathering numbers that lie a plane apart. */
    private static final VectorSpecies<Float> GATHER = FloatVector.SPECIES_PREFERRED;

    private RowWinograd() {
    }

    /**
     * Whether a convolution is computed this way: 3x3, stride 1, padding up to 2, and enough channels and filters (32
     * of each, or 16 and 64).
     */
    static boolean applies(ConvGeometry g) {
        return g.kernelH() == 3 && g.kernelW() == 3 && g.stride() == 1 && g.padding() <= 2
                && Math.min(g.channels(), g.filters()) >= MIN_CHANNELS && g.channels() * g.filters() >= MIN_PRODUCT;
    }

    /**
     * {@code y = W * x + bias}: overwrites {@code y}. With an {@code argmax}, each image's outputs are pooled (2x2
     * windows of stride 2) into {@code y} and their winners into {@code argmax}, as {@link Pooling#max} would. With
     * {@code relu}, of {@code relu(x)}.
     */
    static void forward(float[] x, boolean relu, float[] w, float[] bias, float[] y, float[] argmax, ConvGeometry g) {
        Strips strips = new Strips(g.channels(), g.height(), g.width(), g.padding(), relu);
        correlate(g.batch(), x, strips, filters(w, g.filters(), g.channels(), false), g.filters(), bias, y, argmax,
                null);
    }

    /**
     * {@code dx}: the correlation of {@code dy}, padded with {@code 2 - p}, by the turned filters; overwrites it. With
     * {@code x} (not null), the gradient through the ReLU of a {@code relu} forward pass: 0 where {@code x <= 0}.
     */
    static void backwardInput(float[] dy, float[] w, float[] x, float[] dx, ConvGeometry g) {
        Strips strips = new Strips(g.filters(), g.outHeight(), g.outWidth(), 2 - g.padding(), false);
        correlate(g.batch(), dy, strips, filters(w, g.filters(), g.channels(), true), g.channels(), null, dx, null,
                x);
    }

    /**
     * {@code dW} (and {@code db} when not null): overwrites them. The same transform backwards: for each strip of rows
     * of {@code dy} (on the padded width, zeros on the cropped positions and past the last row), {@code Z = A dy}, and
     * <pre>
     *   dU[r][(c, j), f] = sum over images, over positions q of  V[r][c, q + j] * Z[r][q, f]
     *   dW[f, c, ., j]   = G^T dU[.][(c, j), f]
     * </pre>
     * Each {@code dU[r]} is summed as {@link ShiftedConvolution#backwardWeight} sums {@code dW^T}: a tile of taps by 32
     * filters in registers along the positions of an image. Each core sums its share of the images into arrays of its
     * own; the shares are added at the end. Each image is padded again from {@code x} (with {@code relu}, from
     * {@code relu(x)}): into a scratch array that stays in the cache, which is faster than writing the padded images
     * out in the forward pass and reading them back.
     */
    static void backwardWeight(float[] x, boolean relu, float[] dy, float[] dw, float[] db, ConvGeometry g) {
        Strips strips = new Strips(g.channels(), g.height(), g.width(), g.padding(), relu);
        ShiftedConvolution.Layout layout = strips.out;
        int f = g.filters(), k = strips.taps.length, kPadded = Gemm.roundUp(k, MR), cols = Gemm.roundUp(f, NR);
        int batch = g.batch(), inSize = strips.planes * layout.height * layout.width;
        int planeSize = layout.outHeight * layout.outWidth, positions = strips.positions;
        // a last, partial tile of taps reads tap 0 again, into rows of the sums past the last tap
        int[] taps = Arrays.copyOf(strips.taps, kPadded);
        int cores = Math.max(1, Math.min(batch, Parallel.CORES));
        float[][] shares = new float[cores][];
        double[][] biasShares = new double[cores][f];
        Parallel.forEach(cores, t -> {
            float[] sum = new float[ALPHA * kPadded * cols];   // an array of its own, as in ShiftedConvolution
            float[] padded = scratch(PADDED, strips.imageSize);
            float[] transformed = scratch(TRANSFORMED, ALPHA * strips.planes * strips.transformedStride);
            float[] z = scratch(GRADIENTS, ALPHA * positions * cols);
            for (int n = batch * t / cores; n < batch * (t + 1) / cores; n++) {
                strips.padAndTransform(x, n * inSize, padded, transformed, 0, true);
                strips.gradients(dy, n * f * planeSize, f, z, cols);
                PlaneSums.add(dy, n * f * planeSize, f, planeSize, biasShares[t]);
                for (int r = 0; r < ALPHA; r++) {
                    int vOff = r * strips.planes * strips.transformedStride, zOff = r * positions * cols;
                    for (int ir = 0; ir < k; ir += MR) {
                        for (int jr = 0; jr < cols; jr += NR) {
                            GemmKernel.tileFromRows(positions, transformed, vOff, taps, ir, z, zOff + jr, cols,
                                    sum, (r * kPadded + ir) * cols + jr, cols);
                        }
                    }
                }
            }
            shares[t] = sum;
        });
        float[] u = new float[ALPHA];
        for (int filter = 0; filter < f; filter++) {
            for (int c = 0; c < strips.planes; c++) {
                for (int j = 0; j < 3; j++) {
                    for (int r = 0; r < ALPHA; r++) {
                        float total = 0;
                        for (float[] share : shares) {
                            total += share[(r * kPadded + 3 * c + j) * cols + filter];
                        }
                        u[r] = total;
                    }
                    int at = (filter * strips.planes + c) * 9 + j;   // G^T, down column j of the filter
                    float even = u[1] + u[2], odd = u[1] - u[2], evenFar = u[3] + u[4], oddFar = u[3] - u[4];
                    dw[at] = u[0] / 4 - even / 6 + evenFar / 24;
                    dw[at + 3] = oddFar / 12 - odd / 6;
                    dw[at + 6] = (evenFar - even) / 6 + u[5];
                }
            }
        }
        if (db != null) {
            PlaneSums.write(biasShares, db);
        }
    }

    /**
     * {@code G g} of each column of each filter: six matrices {@code [rows, 3 depth]} (column {@code 3 k + j} for
     * input {@code k} and column {@code j} of the filter), written as the micro-kernel reads A: panels of {@code MR}
     * rows, column by column, zeros past the last row. The rows are the filters, or the channels with each filter
     * turned 180 degrees when {@code turned}. The six lie one after the other in this thread's scratch array.
     */
    private static float[] filters(float[] w, int f, int c, boolean turned) {
        int rows = turned ? c : f, depth = turned ? f : c, k = 3 * depth, size = Gemm.roundUp(rows, MR) * k;
        float[] packed = scratch(FILTERS, ALPHA * size);
        Arrays.fill(packed, 0, ALPHA * size, 0f);
        for (int row = 0; row < rows; row++) {
            for (int in = 0; in < depth; in++) {
                int at = ((turned ? in : row) * c + (turned ? row : in)) * 9;
                for (int j = 0; j < 3; j++) {
                    // column j of the filter: taps (0, j), (1, j), (2, j), or (2, 2 - j), (1, 2 - j), (0, 2 - j) turned
                    float g0 = w[turned ? at + 8 - j : at + j], g1 = w[turned ? at + 5 - j : at + 3 + j];
                    float g2 = w[turned ? at + 2 - j : at + 6 + j];
                    int to = row / MR * MR * k + (3 * in + j) * MR + row % MR;
                    float even = g0 + g2, far = g0 / 24 + g2 / 6;
                    packed[to] = g0 / 4;
                    packed[size + to] = -(even + g1) / 6;
                    packed[2 * size + to] = (g1 - even) / 6;
                    packed[3 * size + to] = far + g1 / 12;
                    packed[4 * size + to] = far - g1 / 12;
                    packed[5 * size + to] = g2;
                }
            }
        }
        return packed;
    }

    /**
     * The layouts: an image's {@code planes} planes of {@code height x width} (or their ReLU) padded with
     * {@code pad} (rows {@code Wp = width + pad} apart, as {@link ShiftedConvolution} pads them), the transforms
     * ({@code V}) of a group of images, one after the other, and where an image's outputs are computed ({@code out},
     * {@link ShiftedConvolution.Layout}'s).
     */
    static final class Strips {
        final ShiftedConvolution.Layout out;
        /** An image's strips of {@link #STRIP} output rows. */
        final int planes, paddedWidth, count;
        /** An image's strips on the padded width. */
        final int positions;
        /**
         * Images multiplied together: their positions lie one after the other, so that a small image's do not each
         * round up to whole tiles (a 28 x 28 image has 203, 224 in whole tiles; two have 406, 416 in tiles). A valid
         * output reads at most the left padding of the next row, zeros whichever image it belongs to.
         */
        final int group;
        /** Positions computed per transformed row {@code r} for a group, in whole tiles. */
        final int columns;
        final int paddedStride, imageSize, transformedStride;
        /** Tap {@code (c, j)} of a transformed image reads from {@code c * transformedStride + j}. */
        final int[] taps;
        /** Whether the padded images are those of {@code relu(x)}. */
        final boolean relu;

        Strips(int planes, int height, int width, int pad, boolean relu) {
            this.relu = relu;
            this.out = new ShiftedConvolution.Layout(planes, height, width, pad, pad, 3, 3);
            this.planes = planes;
            this.paddedWidth = out.paddedWidth;
            this.count = (out.outHeight + STRIP - 1) / STRIP;
            this.positions = count * paddedWidth;
            this.group = group(positions);
            this.columns = Gemm.roundUp(group * positions, NR);
            // the last strip reads padded rows up to 4 strips + 1, and whole vectors past the end of each row
            this.paddedStride = (STRIP * count + 2) * paddedWidth + pad + L;
            this.imageSize = planes * paddedStride;
            this.transformedStride = Math.max(columns + 2, group * positions + L);
            this.taps = new int[3 * planes];
            for (int c = 0; c < planes; c++) {
                for (int j = 0; j < 3; j++) {
                    taps[3 * c + j] = c * transformedStride + j;
                }
            }
        }

        /** Up to 4 images, the fewest that waste the least of their tiles. */
        private static int group(int positions) {
            int best = 1;
            for (int g = 2; g <= 4; g++) {
                if ((long) Gemm.roundUp(g * positions, NR) * best < (long) Gemm.roundUp(best * positions, NR) * g) {
                    best = g;
                }
            }
            return best;
        }

        /**
         * Copies the image at {@code x[xOff]} into its padded planes at the start of {@code padded}, zeros all round;
         * with {@code relu}, then takes the ReLU of the padded image, in place, in vectors (the zeros stay zeros).
         */
        private void pad(float[] x, int xOff, float[] padded) {
            Arrays.fill(padded, 0, imageSize, 0f);
            int height = out.height, width = out.width, first = out.padH * paddedWidth + out.padW;
            for (int c = 0; c < planes; c++) {
                for (int iy = 0; iy < height; iy++) {
                    System.arraycopy(x, xOff + (c * height + iy) * width, padded,
                            c * paddedStride + first + iy * paddedWidth, width);
                }
            }
            if (relu) {
                ElementWise.relu(padded, 0, padded, 0, imageSize);
            }
        }

        /** The image at {@code x[xOff]} padded into {@code padded}, then transformed as image {@code image}. */
        void padAndTransform(float[] x, int xOff, float[] padded, float[] v, int image, boolean last) {
            pad(x, xOff, padded);
            transform(padded, v, image, last);
        }

        /**
         * {@code V[r] = (B^T d)[r]} for every strip of every plane of the padded image in {@code padded}: six rows
         * from six, a vector of positions at a time, for image {@code image} of its group. A row's last vector runs
         * into the next row, which is computed after it; after the {@code last} image of a group, the positions are
         * zeros.
         */
        private void transform(float[] padded, float[] v, int image, boolean last) {
            int rStride = planes * transformedStride, w = paddedWidth;
            for (int c = 0; c < planes; c++) {
                int to = c * transformedStride + image * positions;
                for (int t = 0; t < count; t++) {
                    int from = c * paddedStride + STRIP * t * w, row = to + t * w;
                    for (int x = 0; x < w; x += L) {
                        transform(padded, from + x, w, v, row + x, rStride);
                    }
                }
                for (int r = 0; last && r < ALPHA; r++) {
                    int plane = c * transformedStride + r * rStride;
                    Arrays.fill(v, to + r * rStride + positions, plane + transformedStride, 0f);
                }
            }
        }

        /** {@code B^T d} for one vector of six rows {@code w} apart, into six rows {@code rStride} apart. */
        private static void transform(float[] padded, int from, int w, float[] v, int to, int rStride) {
            FloatVector d0 = FloatVector.fromArray(S, padded, from);
            FloatVector d1 = FloatVector.fromArray(S, padded, from + w);
            FloatVector d2 = FloatVector.fromArray(S, padded, from + 2 * w);
            FloatVector d3 = FloatVector.fromArray(S, padded, from + 3 * w);
            FloatVector d4 = FloatVector.fromArray(S, padded, from + 4 * w);
            FloatVector d5 = FloatVector.fromArray(S, padded, from + 5 * w);
            FloatVector near = d4.sub(d2), nearOdd = d1.sub(d3).mul(2f);
            d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(v, to);
            d3.add(d4).sub(d1.add(d2).mul(4f)).intoArray(v, to + rStride);
            d4.sub(d3).add(d1.sub(d2).mul(4f)).intoArray(v, to + 2 * rStride);
            near.sub(nearOdd).intoArray(v, to + 3 * rStride);
            near.add(nearOdd).intoArray(v, to + 4 * rStride);
            d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(v, to + 5 * rStride);
        }

        /**
         * {@code y = A^T M} for each strip {@code t} of {@code rows} outputs of image {@code image} of the group,
         * into its computed rows (rows {@code Wp} apart, planes {@code out.columns} apart; rows past the output are
         * left out). Each row's vectors run from its end to its start, so that a vector that runs past the end lands
         * on numbers written after it.
         */
        void untransform(float[] m, int rowsPadded, int rows, float[] computed, int image) {
            int rStride = rowsPadded * columns, w = paddedWidth, last = ((w - 1) / L) * L;
            for (int f = 0; f < rows; f++) {
                for (int t = 0; t < count; t++) {
                    int from = f * columns + image * positions + t * w, to = f * out.columns + STRIP * t * w;
                    int outRows = Math.min(STRIP, out.outHeight - STRIP * t);
                    for (int x = last; x >= 0; x -= L) {
                        untransform(m, from + x, rStride, computed, to + x, w, outRows);
                    }
                }
            }
        }

        /** {@code A^T M} for one vector of six products {@code rStride} apart, into its first {@code rows} rows. */
        private static void untransform(float[] m, int from, int rStride, float[] y, int to, int w, int rows) {
            FloatVector m1 = FloatVector.fromArray(S, m, from + rStride);
            FloatVector m2 = FloatVector.fromArray(S, m, from + 2 * rStride);
            FloatVector m3 = FloatVector.fromArray(S, m, from + 3 * rStride);
            FloatVector m4 = FloatVector.fromArray(S, m, from + 4 * rStride);
            FloatVector even = m1.add(m2), odd = m1.sub(m2), evenFar = m3.add(m4), oddFar = m3.sub(m4);
            even.add(evenFar).add(FloatVector.fromArray(S, m, from)).intoArray(y, to);
            if (rows > 1) {
                odd.add(oddFar.mul(2f)).intoArray(y, to + w);
            }
            if (rows > 2) {
                even.add(evenFar.mul(4f)).intoArray(y, to + 2 * w);
            }
            if (rows > 3) {
                odd.add(oddFar.mul(8f)).add(FloatVector.fromArray(S, m, from + 5 * rStride)).intoArray(y, to + 3 * w);
            }
        }

        /**
         * {@code Z = A dy} for each strip {@code t} of the image's gradient at {@code dy[dyOff]} ({@code rows} planes),
         * from its rows {@code dy0 .. dy3} (rows {@code 4t .. 4t + 3}, zeros past the last):
         * <pre>
         *   Z0 = dy0      Z1 = dy0 + dy1 + dy2 + dy3      Z3 = dy0 + 2 dy1 + 4 dy2 + 8 dy3      Z5 = dy3
         *                 Z2 = dy0 - dy1 + dy2 - dy3      Z4 = dy0 - 2 dy1 + 4 dy2 - 8 dy3
         * </pre>
         * Each {@code Z} has one row of {@code width} numbers per position on the padded width, the filters side by
         * side (zeros past the last filter, and on the cropped positions): a position's numbers lie a plane apart in
         * dy and are gathered a vector at a time, as {@link ShiftedConvolution.Layout#turn} does.
         */
        void gradients(float[] dy, int dyOff, int rows, float[] z, int width) {
            int outWidth = out.outWidth, plane = out.outHeight * outWidth, lanes = GATHER.length();
            int whole = rows - rows % lanes, zStride = count * paddedWidth * width;
            int[] apart = new int[lanes];
            for (int r = 0; r < lanes; r++) {
                apart[r] = r * plane;
            }
            float[] d = new float[STRIP];
            for (int t = 0; t < count; t++) {
                int dyRows = Math.min(STRIP, out.outHeight - STRIP * t);
                for (int x = 0; x < paddedWidth; x++) {
                    int to = (t * paddedWidth + x) * width, upper = dyOff + STRIP * t * outWidth + x, r = 0;
                    if (x < outWidth) {
                        for (; r < whole; r += lanes) {
                            gradients(dy, upper + r * plane, outWidth, apart, dyRows, z, to + r, zStride);
                        }
                        for (; r < rows; r++) {
                            for (int a = 0; a < STRIP; a++) {
                                d[a] = a < dyRows ? dy[upper + r * plane + a * outWidth] : 0f;
                            }
                            float even = d[0] + d[2], odd = d[1] + d[3], evenFar = d[0] + 4 * d[2];
                            float oddFar = 2 * d[1] + 8 * d[3];
                            z[to + r] = d[0];
                            z[to + zStride + r] = even + odd;
                            z[to + 2 * zStride + r] = even - odd;
                            z[to + 3 * zStride + r] = evenFar + oddFar;
                            z[to + 4 * zStride + r] = evenFar - oddFar;
                            z[to + 5 * zStride + r] = d[3];
                        }
                    }
                    for (int i = 0; i < ALPHA; i++) {
                        Arrays.fill(z, to + i * zStride + r, to + i * zStride + width, 0f);
                    }
                }
            }
        }

        /**
         * {@code Z = A dy} for a vector of filters at one position: its {@code dyRows} rows of dy lie {@code outWidth}
         * apart, its filters a plane apart ({@code apart}); the six rows of Z go {@code zStride} apart.
         */
        private static void gradients(float[] dy, int from, int outWidth, int[] apart, int dyRows, float[] z, int to,
                                      int zStride) {
            FloatVector zero = FloatVector.zero(GATHER), d0 = FloatVector.fromArray(GATHER, dy, from, apart, 0);
            FloatVector d1 = dyRows > 1 ? FloatVector.fromArray(GATHER, dy, from + outWidth, apart, 0) : zero;
            FloatVector d2 = dyRows > 2 ? FloatVector.fromArray(GATHER, dy, from + 2 * outWidth, apart, 0) : zero;
            FloatVector d3 = dyRows > 3 ? FloatVector.fromArray(GATHER, dy, from + 3 * outWidth, apart, 0) : zero;
            FloatVector even = d0.add(d2), odd = d1.add(d3);
            FloatVector evenFar = d0.add(d2.mul(4f)), oddFar = d1.mul(2f).add(d3.mul(8f));
            d0.intoArray(z, to);
            even.add(odd).intoArray(z, to + zStride);
            even.sub(odd).intoArray(z, to + 2 * zStride);
            evenFar.add(oddFar).intoArray(z, to + 3 * zStride);
            evenFar.sub(oddFar).intoArray(z, to + 4 * zStride);
            d3.intoArray(z, to + 5 * zStride);
        }
    }

    /**
     * The filters {@code u} ({@code rows} outputs) applied to each image of {@code x}, into {@code out} (plus
     * {@code bias}), or pooled when there is an {@code argmax}; where {@code positive} is given, each image's outputs
     * are kept only where it is above 0, while they are in the cache. Images are spread over the cores; a batch smaller
     * than the cores splits each image's products instead.
     */
    private static void correlate(int batch, float[] x, Strips strips, float[] u, int rows, float[] bias,
                                  float[] out, float[] argmax, float[] positive) {
        ShiftedConvolution.Layout layout = strips.out;
        int inSize = strips.planes * layout.height * layout.width;
        int outSize = rows * (argmax == null ? layout.outHeight * layout.outWidth
                : (layout.outHeight / 2) * (layout.outWidth / 2));
        int tiles = strips.columns / NR, rowsPadded = Gemm.roundUp(rows, MR);
        if (batch >= Parallel.CORES) {
            int cores = Parallel.CORES;
            Parallel.forEach(cores, t -> {   // a run of images on each core, a group at a time
                Scratch s = new Scratch(strips, rowsPadded);
                int end = batch * (t + 1) / cores;
                for (int first = batch * t / cores; first < end; first += strips.group) {
                    int count = Math.min(strips.group, end - first);
                    for (int i = 0; i < count; i++) {
                        strips.padAndTransform(x, (first + i) * inSize, s.padded, s.transformed, i, i == count - 1);
                    }
                    multiply(strips, u, rowsPadded, s.transformed, s.products, 0, tiles);
                    for (int i = 0; i < count; i++) {
                        strips.untransform(s.products, rowsPadded, rows, s.computed, i);
                        copyOut(layout, s.computed, rows, bias, out, argmax, positive, (first + i) * outSize, outSize);
                    }
                }
            });
            return;
        }
        Scratch s = new Scratch(strips, rowsPadded);
        int imageTiles = Gemm.roundUp(strips.positions, NR) / NR, parts = Math.min(imageTiles, Parallel.CORES);
        for (int n = 0; n < batch; n++) {   // one image at a time, its products on every core
            strips.padAndTransform(x, n * inSize, s.padded, s.transformed, 0, true);
            Parallel.forEach(parts, part -> multiply(strips, u, rowsPadded, s.transformed, s.products,
                    imageTiles * part / parts, imageTiles * (part + 1) / parts));
            strips.untransform(s.products, rowsPadded, rows, s.computed, 0);
            copyOut(layout, s.computed, rows, bias, out, argmax, positive, n * outSize, outSize);
        }
    }

    /**
     * An image's computed rows into {@code out[at]} ({@code size} numbers), cropped or pooled; with {@code positive},
     * then kept only where it is above 0, while they are in the cache.
     */
    private static void copyOut(ShiftedConvolution.Layout layout, float[] computed, int rows, float[] bias,
                                float[] out, float[] argmax, float[] positive, int at, int size) {
        layout.copyOut(computed, rows, bias, out, argmax, at);
        if (positive != null) {
            ElementWise.wherePositive(out, at, positive, at, out, at, size);
        }
    }

    /** This thread's arrays for one image: padded, transformed, the six products, the computed rows. */
    private record Scratch(float[] padded, float[] transformed, float[] products, float[] computed) {

        Scratch(Strips strips, int rowsPadded) {
            this(scratch(PADDED, strips.imageSize),
                    scratch(TRANSFORMED, ALPHA * strips.planes * strips.transformedStride),
                    scratch(PRODUCTS, ALPHA * rowsPadded * strips.columns + L),
                    scratch(COMPUTED, rowsPadded * strips.out.columns + 2 * strips.paddedWidth + L));
        }
    }

    /** Tiles {@code [fromTile, toTile)} of columns of the six products {@code M[r] = U[r] V[r]}, U packed. */
    private static void multiply(Strips strips, float[] u, int rowsPadded, float[] v, float[] m, int fromTile,
                                 int toTile) {
        int k = strips.taps.length, rStride = strips.planes * strips.transformedStride, uStride = rowsPadded * k;
        for (int r = 0; r < ALPHA; r++) {
            for (int jr = fromTile * NR; jr < toTile * NR; jr += NR) {
                for (int ir = 0; ir < rowsPadded; ir += MR) {
                    GemmKernel.tile(k, u, r * uStride + ir * k, v, r * rStride + jr, strips.taps,
                            m, (r * rowsPadded + ir) * strips.columns + jr, strips.columns, false);
                }
            }
        }
    }

    /** This thread's scratch array number {@code which}, at least {@code length} long (its contents are garbage). */
    private static float[] scratch(int which, int length) {
        float[][] all = SCRATCH.get();
        if (all[which].length < length) {
            all[which] = new float[length];
        }
        return all[which];
    }
}
