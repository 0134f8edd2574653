package dl.backend.cpu;

import static dl.backend.cpu.Gemm.MR;
import static dl.backend.cpu.Gemm.NR;

import dl.backend.ConvGeometry;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 3x3 convolutions of stride 1 with Winograd's minimal filtering F(2, 3) down the columns: two output rows from four
 * input rows with 4 multiplications per column and channel instead of 6, so a third fewer in all.
 *
 * <p>Down one column {@code j} of a filter ({@code g = w[f, c, 0..2, j]}) and of the image ({@code d}, four padded
 * rows from row {@code 2t}):
 * <pre>
 *   (y[2t], y[2t+1]) = A^T [ (G g) (.) (B^T d) ]      (.) multiplies number by number
 *
 *   B^T = | 1  0 -1  0 |     G = | 1    0    0   |     A^T = | 1  1  1  0 |
 *         | 0  1  1  0 |         | 1/2  1/2  1/2 |           | 0  1 -1 -1 |
 *         | 0 -1  1  0 |         | 1/2 -1/2  1/2 |
 *         | 0  1  0 -1 |         | 0    0    1   |
 * </pre>
 * Along the rows nothing changes: the three columns of a filter are three taps, as in {@link ShiftedConvolution}. So
 * each of the four numbers {@code r} of a transformed column is a shifted matrix product over the pairs of rows, with
 * {@code 3 C} taps instead of {@code 9 C}:
 * <pre>
 *   V[r][c, t * Wp + x] = (B^T d)[r]     for each pair t of rows and each position x on the padded width Wp
 *   M[r][f, q]          = sum over (c, j) of (G g[f, c, ., j])[r] * V[r][c, q + j]
 *   y[f, 2t + a, x]     = (A^T M[.][f, t * Wp + x])[a]
 * </pre>
 * The two rows of outputs land on the padded width, as {@link ShiftedConvolution} computes them, and are cropped or
 * pooled the same way. The input gradient is the same correlation of {@code dy} by the turned filters.
 */
final class RowWinograd {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    private static final int L = S.length();
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

    /** How many numbers the padded images of a batch take, kept from the forward pass for the weight gradient. */
    static long keptLength(ConvGeometry g) {
        return (long) g.batch() * new Pairs(g.channels(), g.height(), g.width(), g.padding()).imageSize;
    }

    /**
     * {@code y = W * x + bias}: overwrites {@code y}. With an {@code argmax}, each image's outputs are pooled (2x2
     * windows of stride 2) into {@code y} and their winners into {@code argmax}, as {@link Pooling#max} would. With
     * {@code kept} ({@link #keptLength} numbers, or null), the padded images are left there for
     * {@link #backwardWeight}.
     */
    static void forward(float[] x, float[] w, float[] bias, float[] y, float[] argmax, float[] kept,
                        ConvGeometry g) {
        Pairs pairs = new Pairs(g.channels(), g.height(), g.width(), g.padding());
        correlate(g.batch(), x, pairs, filters(w, g.filters(), g.channels(), false), g.filters(), bias, y, argmax,
                kept);
    }

    /** {@code dx}: the correlation of {@code dy}, padded with {@code 2 - p}, by the turned filters; overwrites it. */
    static void backwardInput(float[] dy, float[] w, float[] dx, ConvGeometry g) {
        Pairs pairs = new Pairs(g.filters(), g.outHeight(), g.outWidth(), 2 - g.padding());
        correlate(g.batch(), dy, pairs, filters(w, g.filters(), g.channels(), true), g.channels(), null, dx, null,
                null);
    }

    /**
     * {@code dW} (and {@code db} when not null): overwrites them. The same transform backwards: for each pair of rows
     * of {@code dy} (on the padded width, zeros on the cropped positions and past the last row), {@code Z = A dy}, and
     * <pre>
     *   dU[r][(c, j), f] = sum over images, over positions q of  V[r][c, q + j] * Z[r][q, f]
     *   dW[f, c, ., j]   = G^T dU[.][(c, j), f]
     * </pre>
     * Each {@code dU[r]} is summed as {@link ShiftedConvolution#backwardWeight} sums {@code dW^T}: a tile of taps by 32
     * filters in registers along the positions of an image. Each core sums its share of the images into arrays of its
     * own; the shares are added at the end. The padded images come from {@code kept}, or are made again.
     */
    static void backwardWeight(float[] x, float[] kept, float[] dy, float[] dw, float[] db, ConvGeometry g) {
        Pairs pairs = new Pairs(g.channels(), g.height(), g.width(), g.padding());
        ShiftedConvolution.Layout layout = pairs.out;
        int f = g.filters(), k = pairs.taps.length, kPadded = Gemm.roundUp(k, MR), cols = Gemm.roundUp(f, NR);
        int batch = g.batch(), inSize = pairs.planes * layout.height * layout.width;
        int planeSize = layout.outHeight * layout.outWidth, positions = pairs.positions;
        // a last, partial tile of taps reads tap 0 again, into rows of the sums past the last tap
        int[] taps = Arrays.copyOf(pairs.taps, kPadded);
        int cores = Math.max(1, Math.min(batch, Parallel.CORES));
        float[][] shares = new float[cores][];
        double[][] biasShares = new double[cores][f];
        Parallel.forEach(cores, t -> {
            float[] sum = new float[4 * kPadded * cols];   // an array of its own, as in ShiftedConvolution
            float[] padded = kept != null ? null : scratch(PADDED, pairs.imageSize);
            float[] transformed = scratch(TRANSFORMED, 4 * pairs.planes * pairs.transformedStride);
            float[] z = scratch(GRADIENTS, 4 * positions * cols);
            for (int n = batch * t / cores; n < batch * (t + 1) / cores; n++) {
                if (kept != null) {
                    pairs.transform(kept, n * pairs.imageSize, transformed, 0, true);
                } else {
                    pairs.pad(x, n * inSize, padded, 0);
                    pairs.transform(padded, 0, transformed, 0, true);
                }
                pairs.gradients(dy, n * f * planeSize, f, z, cols);
                PlaneSums.add(dy, n * f * planeSize, f, planeSize, biasShares[t]);
                for (int r = 0; r < 4; r++) {
                    int vOff = r * pairs.planes * pairs.transformedStride, zOff = r * positions * cols;
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
        float[] u = new float[4];
        for (int filter = 0; filter < f; filter++) {
            for (int c = 0; c < pairs.planes; c++) {
                for (int j = 0; j < 3; j++) {
                    for (int r = 0; r < 4; r++) {
                        float total = 0;
                        for (float[] share : shares) {
                            total += share[(r * kPadded + 3 * c + j) * cols + filter];
                        }
                        u[r] = total;
                    }
                    int at = (filter * pairs.planes + c) * 9 + j;   // G^T, down column j of the filter
                    float half = 0.5f * (u[1] + u[2]);
                    dw[at] = u[0] + half;
                    dw[at + 3] = 0.5f * (u[1] - u[2]);
                    dw[at + 6] = half + u[3];
                }
            }
        }
        if (db != null) {
            PlaneSums.write(biasShares, db);
        }
    }

    /**
     * {@code G g} of each column of each filter: four matrices {@code [rows, 3 depth]} (column {@code 3 k + j} for
     * input {@code k} and column {@code j} of the filter), written as the micro-kernel reads A: panels of {@code MR}
     * rows, column by column, zeros past the last row. The rows are the filters, or the channels with each filter
     * turned 180 degrees when {@code turned}. The four lie one after the other in this thread's scratch array.
     */
    private static float[] filters(float[] w, int f, int c, boolean turned) {
        int rows = turned ? c : f, depth = turned ? f : c, k = 3 * depth, size = Gemm.roundUp(rows, MR) * k;
        float[] packed = scratch(FILTERS, 4 * size);
        Arrays.fill(packed, 0, 4 * size, 0f);
        for (int row = 0; row < rows; row++) {
            for (int in = 0; in < depth; in++) {
                int at = ((turned ? in : row) * c + (turned ? row : in)) * 9;
                for (int j = 0; j < 3; j++) {
                    // column j of the filter: taps (0, j), (1, j), (2, j), or (2, 2 - j), (1, 2 - j), (0, 2 - j) turned
                    float g0 = w[turned ? at + 8 - j : at + j], g1 = w[turned ? at + 5 - j : at + 3 + j];
                    float g2 = w[turned ? at + 2 - j : at + 6 + j];
                    int to = row / MR * MR * k + (3 * in + j) * MR + row % MR;
                    packed[to] = g0;
                    packed[size + to] = 0.5f * (g0 + g1 + g2);
                    packed[2 * size + to] = 0.5f * (g0 - g1 + g2);
                    packed[3 * size + to] = g2;
                }
            }
        }
        return packed;
    }

    /**
     * The layouts: an image's {@code planes} planes of {@code height x width} padded with {@code pad} (rows
     * {@code Wp = width + pad} apart, as {@link ShiftedConvolution} pads them), the transforms ({@code V}) of a group of
     * images, one after the other, and where an image's outputs are computed ({@code out},
     * {@link ShiftedConvolution.Layout}'s).
     */
    static final class Pairs {
        final ShiftedConvolution.Layout out;
        final int planes, paddedWidth, pairs;
        /** An image's pairs of rows on the padded width. */
        final int positions;
        /**
         * Images multiplied together: their positions lie one after the other, so that a small image's do not each
         * round up to whole tiles (a 14 x 14 image has 105, 128 in whole tiles; three have 315, 320 in tiles). A valid
         * output reads at most the left padding of the next row, zeros whichever image it belongs to.
         */
        final int group;
        /** Positions computed per transformed row {@code r} for a group, in whole tiles. */
        final int columns;
        final int paddedStride, imageSize, transformedStride;
        /** Tap {@code (c, j)} of a transformed image reads from {@code c * transformedStride + j}. */
        final int[] taps;

        Pairs(int planes, int height, int width, int pad) {
            this.out = new ShiftedConvolution.Layout(planes, height, width, pad, pad, 3, 3);
            this.planes = planes;
            this.paddedWidth = out.paddedWidth;
            this.pairs = (out.outHeight + 1) / 2;
            this.positions = pairs * paddedWidth;
            this.group = group(positions);
            this.columns = Gemm.roundUp(group * positions, NR);
            // the last pair reads padded rows up to 2 pairs + 1, and whole vectors past the end of each row
            this.paddedStride = (2 * pairs + 2) * paddedWidth + pad + L;
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

        /** Copies the image at {@code x[xOff]} into its padded planes at {@code padded[at]}, zeros all round. */
        void pad(float[] x, int xOff, float[] padded, int at) {
            Arrays.fill(padded, at, at + imageSize, 0f);
            int height = out.height, width = out.width, first = out.padH * paddedWidth + out.padW;
            for (int c = 0; c < planes; c++) {
                for (int iy = 0; iy < height; iy++) {
                    System.arraycopy(x, xOff + (c * height + iy) * width, padded,
                            at + c * paddedStride + first + iy * paddedWidth, width);
                }
            }
        }

        /**
         * {@code V[r] = (B^T d)[r]} for every pair of rows of every plane of the padded image at {@code padded[at]}: four
         * rows from four, a vector of positions at a time, for image {@code image} of its group. A row's last vector
         * runs into the next row, which is computed after it; after the {@code last} image of a group, the positions
         * are zeros.
         */
        void transform(float[] padded, int at, float[] v, int image, boolean last) {
            int rStride = planes * transformedStride, w = paddedWidth;
            for (int c = 0; c < planes; c++) {
                int to = c * transformedStride + image * positions;
                for (int t = 0; t < pairs; t++) {
                    int from = at + c * paddedStride + 2 * t * w, row = to + t * w;
                    for (int x = 0; x < w; x += L) {
                        FloatVector d0 = load(padded, from + x), d1 = load(padded, from + w + x);
                        FloatVector d2 = load(padded, from + 2 * w + x), d3 = load(padded, from + 3 * w + x);
                        d0.sub(d2).intoArray(v, row + x);
                        d1.add(d2).intoArray(v, row + rStride + x);
                        d2.sub(d1).intoArray(v, row + 2 * rStride + x);
                        d1.sub(d3).intoArray(v, row + 3 * rStride + x);
                    }
                }
                for (int r = 0; last && r < 4; r++) {
                    int plane = c * transformedStride + r * rStride;
                    Arrays.fill(v, to + r * rStride + positions, plane + transformedStride, 0f);
                }
            }
        }

        /**
         * {@code y[2t] = M0 + M1 + M2} and {@code y[2t+1] = M1 - M2 - M3} for each pair {@code t} of rows of
         * {@code rows} outputs of image {@code image} of the group, into its computed rows (rows {@code Wp} apart, planes {@code out.columns} apart; a
         * last row past the output is left out). Each row's vectors run from its end to its start, so that a vector
         * that runs past the end lands on numbers written after it.
         */
        void untransform(float[] m, int rowsPadded, int rows, float[] computed, int image) {
            int rStride = rowsPadded * columns, w = paddedWidth, last = ((w - 1) / L) * L;
            for (int f = 0; f < rows; f++) {
                for (int t = 0; t < pairs; t++) {
                    int from = f * columns + image * positions + t * w, upper = f * out.columns + 2 * t * w, lower = upper + w;
                    boolean both = 2 * t + 1 < out.outHeight;
                    for (int x = last; x >= 0; x -= L) {
                        FloatVector m0 = load(m, from + x), m1 = load(m, from + rStride + x);
                        FloatVector m2 = load(m, from + 2 * rStride + x);
                        m0.add(m1).add(m2).intoArray(computed, upper + x);
                        if (both) {
                            m1.sub(m2).sub(load(m, from + 3 * rStride + x)).intoArray(computed, lower + x);
                        }
                    }
                }
            }
        }

        /**
         * {@code Z = A dy} for each pair of rows {@code t} of the image's gradient at {@code dy[dyOff]} ({@code rows}
         * planes): {@code Z0 = dy0}, {@code Z1 = dy0 + dy1}, {@code Z2 = dy0 - dy1}, {@code Z3 = -dy1}, with
         * {@code dy0, dy1} its rows {@code 2t} and {@code 2t + 1} (zeros past the last). Each {@code Z} has one row of
         * {@code width} numbers per position on the padded width, the filters side by side (zeros past the last
         * filter, and on the cropped positions): a position's numbers lie a plane apart in dy and are gathered a
         * vector at a time, as {@link ShiftedConvolution.Layout#turn} does.
         */
        void gradients(float[] dy, int dyOff, int rows, float[] z, int width) {
            int outWidth = out.outWidth, plane = out.outHeight * outWidth, lanes = GATHER.length();
            int whole = rows - rows % lanes, zStride = pairs * paddedWidth * width;
            int[] apart = new int[lanes];
            for (int r = 0; r < lanes; r++) {
                apart[r] = r * plane;
            }
            for (int t = 0; t < pairs; t++) {
                boolean both = 2 * t + 1 < out.outHeight;
                for (int x = 0; x < paddedWidth; x++) {
                    int to = (t * paddedWidth + x) * width, upper = dyOff + 2 * t * outWidth + x, r = 0;
                    if (x < outWidth) {
                        for (; r < whole; r += lanes) {
                            FloatVector dy0 = FloatVector.fromArray(GATHER, dy, upper + r * plane, apart, 0);
                            FloatVector dy1 = both ? FloatVector.fromArray(GATHER, dy, upper + outWidth + r * plane,
                                    apart, 0) : FloatVector.zero(GATHER);
                            dy0.intoArray(z, to + r);
                            dy0.add(dy1).intoArray(z, to + zStride + r);
                            dy0.sub(dy1).intoArray(z, to + 2 * zStride + r);
                            dy1.neg().intoArray(z, to + 3 * zStride + r);
                        }
                        for (; r < rows; r++) {
                            float dy0 = dy[upper + r * plane], dy1 = both ? dy[upper + outWidth + r * plane] : 0f;
                            z[to + r] = dy0;
                            z[to + zStride + r] = dy0 + dy1;
                            z[to + 2 * zStride + r] = dy0 - dy1;
                            z[to + 3 * zStride + r] = -dy1;
                        }
                    }
                    for (int i = 0; i < 4; i++) {
                        Arrays.fill(z, to + i * zStride + r, to + i * zStride + width, 0f);
                    }
                }
            }
        }
    }

    /**
     * The filters {@code u} ({@code rows} outputs) applied to each image of {@code x}, into {@code out} (plus
     * {@code bias}), or pooled when there is an {@code argmax}. Images are spread over the cores; a batch smaller than
     * the cores splits each image's products instead.
     */
    private static void correlate(int batch, float[] x, Pairs pairs, float[] u, int rows, float[] bias,
                                  float[] out, float[] argmax, float[] kept) {
        ShiftedConvolution.Layout layout = pairs.out;
        int inSize = pairs.planes * layout.height * layout.width;
        int outSize = rows * (argmax == null ? layout.outHeight * layout.outWidth
                : (layout.outHeight / 2) * (layout.outWidth / 2));
        int tiles = pairs.columns / NR, rowsPadded = Gemm.roundUp(rows, MR);
        if (batch >= Parallel.CORES) {
            int cores = Parallel.CORES;
            Parallel.forEach(cores, t -> {   // a run of images on each core, a group at a time
                Scratch s = new Scratch(pairs, rowsPadded);
                int end = batch * (t + 1) / cores;
                for (int first = batch * t / cores; first < end; first += pairs.group) {
                    int count = Math.min(pairs.group, end - first);
                    for (int i = 0; i < count; i++) {
                        padAndTransform(pairs, x, first + i, inSize, kept, s, i, i == count - 1);
                    }
                    multiply(pairs, u, rowsPadded, s.transformed, s.products, 0, tiles);
                    for (int i = 0; i < count; i++) {
                        pairs.untransform(s.products, rowsPadded, rows, s.computed, i);
                        layout.copyOut(s.computed, rows, bias, out, argmax, (first + i) * outSize);
                    }
                }
            });
            return;
        }
        Scratch s = new Scratch(pairs, rowsPadded);
        int imageTiles = Gemm.roundUp(pairs.positions, NR) / NR, parts = Math.min(imageTiles, Parallel.CORES);
        for (int n = 0; n < batch; n++) {   // one image at a time, its products on every core
            padAndTransform(pairs, x, n, inSize, kept, s, 0, true);
            Parallel.forEach(parts, part -> multiply(pairs, u, rowsPadded, s.transformed, s.products,
                    imageTiles * part / parts, imageTiles * (part + 1) / parts));
            pairs.untransform(s.products, rowsPadded, rows, s.computed, 0);
            layout.copyOut(s.computed, rows, bias, out, argmax, n * outSize);
        }
    }

    /**
     * Image {@code n} padded (into {@code kept} if there is one, else into the scratch) and transformed, as image
     * {@code image} of its group.
     */
    private static void padAndTransform(Pairs pairs, float[] x, int n, int inSize, float[] kept, Scratch s,
                                        int image, boolean last) {
        float[] padded = kept != null ? kept : s.padded;
        int at = kept != null ? n * pairs.imageSize : 0;
        pairs.pad(x, n * inSize, padded, at);
        pairs.transform(padded, at, s.transformed, image, last);
    }

    /** This thread's arrays for one image: padded, transformed, the four products, the computed rows. */
    private record Scratch(float[] padded, float[] transformed, float[] products, float[] computed) {

        Scratch(Pairs pairs, int rowsPadded) {
            this(scratch(PADDED, pairs.imageSize),
                    scratch(TRANSFORMED, 4 * pairs.planes * pairs.transformedStride),
                    scratch(PRODUCTS, 4 * rowsPadded * pairs.columns + L),
                    scratch(COMPUTED, rowsPadded * pairs.out.columns + 2 * pairs.paddedWidth + L));
        }
    }

    /** Tiles {@code [fromTile, toTile)} of columns of the four products {@code M[r] = U[r] V[r]}, U packed. */
    private static void multiply(Pairs pairs, float[] u, int rowsPadded, float[] v, float[] m, int fromTile,
                                 int toTile) {
        int k = pairs.taps.length, rStride = pairs.planes * pairs.transformedStride, uStride = rowsPadded * k;
        for (int r = 0; r < 4; r++) {
            for (int jr = fromTile * NR; jr < toTile * NR; jr += NR) {
                for (int ir = 0; ir < rowsPadded; ir += MR) {
                    GemmKernel.tile(k, u, r * uStride + ir * k, v, r * rStride + jr, pairs.taps,
                            m, (r * rowsPadded + ir) * pairs.columns + jr, pairs.columns);
                }
            }
        }
    }

    private static FloatVector load(float[] a, int at) {
        return FloatVector.fromArray(S, a, at);
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
