package dl.backend.cpu;

import static dl.backend.cpu.Gemm.MR;
import static dl.backend.cpu.Gemm.NR;

import dl.backend.ConvGeometry;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stride-1 convolutions as matrix products that read the padded image where it lies: no im2col.
 *
 * <p>Pad each input plane with {@code p} zeros all round, and number its positions row by row, {@code q = y * Wp + x},
 * with rows {@code Wp = W + p} apart: a row's right padding is the next row's left padding (zeros either way), so
 * only {@code p} numbers a row are padding, not {@code 2p}. Number the output positions the same way, on the padded
 * width. Then the input that tap {@code t = (c, i, j)} of a filter multiplies for output {@code q} is always the
 * same distance away:
 * <pre>
 *   y[f, q] = sum over taps t of  W[f, t] * xpad[c, q + i * Wp + j]        q = oy * Wp + ox
 * </pre>
 * That is the product {@code W [F, K]} times a matrix {@code B [K, OH * Wp]} whose row {@code t} is plane
 * {@code c} of the padded image read from offset {@code i * Wp + j}: the GEMM micro-kernel ({@link GemmKernel})
 * reads each row of B from its offset, and B is never written out. The last {@code Wp - OW} outputs of each row
 * fall on the padding; they are computed and dropped ("cropped") when the result is copied out.
 *
 * <p>The gradients are products of the same kind:
 * <pre>
 *   dx       = the same correlation of dy padded with k - 1 - p, by the filters turned 180 degrees, with F and C
 *              swapped:  dx[c, q] = sum over (f, i, j) of W[f, c, kh-1-i, kw-1-j] * dypad[f, q + i * Wp' + j]
 *   dW[f, t] = sum over images, over q of  dy[f, q] * xpad[c, q + i * Wp + j]
 *              (dy spread on the padded width, zeros on the cropped positions)
 * </pre>
 * Compared with im2col, which writes each input {@code kh * kw} times, the only copies are the padded images and
 * the cropped outputs, once each. The forward pass can keep the padded images for the weight gradient.
 */
final class ShiftedConvolution {

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[5][0]);
    /**
     * Vectors for copying rows: the machine's width. Vectors of another width beside them (8 numbers, as long as an
     * image's short rows) were compiled as calls in some JVMs, each vector put on the heap; a mask for a row's end
     * costs JDK 17 more than it saves.
     */
    private static final VectorSpecies<Float> ROW = Gemm.SPECIES;
    /** Below this many taps per filter, the weight gradient is summed as dot products. */
    private static final int FEW_TAPS = 32;
    private static final int PADDED = 0, OUT = 1, FILTERS = 2, TURNED = 3, UNPOOLED = 4;

    private ShiftedConvolution() {
    }

    /** Whether a convolution can be computed this way: stride 1, and padding less than the kernel. */
    static boolean applies(ConvGeometry g) {
        return g.stride() == 1 && g.padding() < Math.min(g.kernelH(), g.kernelW());
    }

    /** How many numbers the padded images of a batch take, kept from the forward pass for the weight gradient. */
    static long keptLength(ConvGeometry g) {
        return (long) g.batch() * forward(g).imageSize;
    }

    /**
     * The layout of one padded image: {@code planes} planes of {@code height x width} padded with {@code padH}
     * rows above and below and {@code padW} columns between rows, each {@code planeStride} numbers long (zeros
     * past the padded plane, so that a whole tile of outputs can be read), and where each tap of a
     * {@code kh x kw} filter reads it.
     */
    static final class Layout {
        final int planes, height, width, padH, padW, paddedWidth, outHeight, outWidth;
        /** Outputs computed per plane, {@code OH * Wp}, and rounded up to whole tiles. */
        final int positions, columns;
        final int planeStride, imageSize;
        /** Tap {@code (c, i, j)} reads from {@code c * planeStride + i * Wp + j}. */
        final int[] taps;

        Layout(int planes, int height, int width, int padH, int padW, int kh, int kw) {
            this.planes = planes;
            this.height = height;
            this.width = width;
            this.padH = padH;
            this.padW = padW;
            this.paddedWidth = width + padW;   // a row's right padding is the next row's left padding
            int paddedHeight = height + 2 * padH;
            this.outHeight = paddedHeight - kh + 1;
            this.outWidth = width + 2 * padW - kw + 1;
            this.positions = outHeight * paddedWidth;
            this.columns = Gemm.roundUp(positions, NR);
            this.planeStride = Math.max(paddedHeight * paddedWidth + padW,
                    columns + (kh - 1) * paddedWidth + kw - 1);
            this.imageSize = planes * planeStride;
            this.taps = new int[planes * kh * kw];
            int t = 0;
            for (int c = 0; c < planes; c++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        taps[t++] = c * planeStride + i * paddedWidth + j;
                    }
                }
            }
        }

        /** Copies the image at {@code x[xOff]} ({@code planes x height x width}) into its padded layout. */
        void pad(float[] x, int xOff, float[] out, int outOff) {
            for (int c = 0; c < planes; c++) {
                int from = xOff + c * height * width, to = outOff + c * planeStride;
                Arrays.fill(out, to, to + planeStride, 0f);
                to += padH * paddedWidth + padW;
                for (int y = 0; y < height; y++, from += width, to += paddedWidth) {
                    copyRow(x, from, out, to, width, 0f);
                }
            }
        }

        /** Copies the computed rows at {@code computed} (rows {@code columns} apart) into {@code out}, cropped. */
        void crop(float[] computed, int rows, float[] bias, float[] out, int outOff) {
            for (int r = 0; r < rows; r++) {
                float b = bias == null ? 0f : bias[r];
                for (int oy = 0; oy < outHeight; oy++) {
                    int from = r * columns + oy * paddedWidth, to = outOff + (r * outHeight + oy) * outWidth;
                    copyRow(computed, from, out, to, outWidth, b);
                }
            }
        }

        /** An image's computed rows into {@code out}: cropped, or pooled when there is an {@code argmax} to fill. */
        void copyOut(float[] computed, int rows, float[] bias, float[] out, float[] argmax, int outOff) {
            if (argmax == null) {
                crop(computed, rows, bias, out, outOff);
            } else {
                pool(computed, rows, bias, out, argmax, outOff);
            }
        }

        /**
         * Adds {@code bias} to the computed rows (in place, as {@link #crop} adds it) and pools them into {@code out},
         * 2x2 windows of stride 2, the winners into {@code argmax}: their indices on the output's width, as
         * {@link Pooling#max} gives them.
         */
        void pool(float[] computed, int rows, float[] bias, float[] out, float[] argmax, int outOff) {
            int pooledHeight = outHeight / 2, pooledWidth = outWidth / 2;
            for (int r = 0; r < rows; r++) {
                addInPlace(computed, r * columns, positions, bias == null ? 0f : bias[r]);
                Pooling.maxTwoByTwo(computed, r * columns, paddedWidth, outWidth, out, argmax,
                        outOff + r * pooledHeight * pooledWidth, pooledHeight, pooledWidth);
            }
        }

        /** Spreads {@code rows} planes of outputs ({@code OH x OW}) onto the padded width, zeros elsewhere. */
        void spread(float[] dy, int dyOff, int rows, float[] out, int rowLength) {
            Arrays.fill(out, 0, rows * rowLength, 0f);
            for (int r = 0; r < rows; r++) {
                for (int oy = 0; oy < outHeight; oy++) {
                    System.arraycopy(dy, dyOff + (r * outHeight + oy) * outWidth, out,
                            r * rowLength + oy * paddedWidth, outWidth);
                }
            }
        }

        /**
         * Turns {@code rows} planes of outputs ({@code OH x OW}) into one row per computed position (of
         * {@code width} numbers, rows past {@code rows} zero), zeros on the cropped positions. A position's numbers
         * lie a plane apart. They are copied one by one: a vector gathered from them was compiled, in some JVMs, as
         * calls that put each vector on the heap.
         */
        void turn(float[] dy, int dyOff, int rows, float[] out, int width) {
            int plane = outHeight * outWidth;
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < paddedWidth; ox++) {   // each row of out written once, in order
                    int to = (oy * paddedWidth + ox) * width, from = dyOff + oy * outWidth + ox;
                    int r = 0;
                    if (ox < outWidth) {
                        for (; r < rows; r++) {
                            out[to + r] = dy[from + r * plane];
                        }
                    }
                    Arrays.fill(out, to + r, to + width, 0f);
                }
            }
        }
    }

    /**
     * {@code to[toOff + i] = from[fromOff + i] + add} for {@code i < length}: a short row (an image's), so in
     * vectors with the last one overlapping the one before, rather than a loop with a tail; one by one if it is
     * shorter than a vector.
     */
    private static void copyRow(float[] from, int fromOff, float[] to, int toOff, int length, float add) {
        if (length < ROW.length()) {
            for (int i = 0; i < length; i++) {
                to[toOff + i] = from[fromOff + i] + add;
            }
            return;
        }
        for (int i = 0; ; i += ROW.length()) {
            int at = Math.min(i, length - ROW.length());
            FloatVector.fromArray(ROW, from, fromOff + at).add(add).intoArray(to, toOff + at);
            if (at == length - ROW.length()) {
                return;
            }
        }
    }

    /** {@code a[from + i] += add} for {@code i < length}. */
    private static void addInPlace(float[] a, int from, int length, float add) {
        int i = 0;
        for (; i <= length - ROW.length(); i += ROW.length()) {
            FloatVector.fromArray(ROW, a, from + i).add(add).intoArray(a, from + i);
        }
        for (; i < length; i++) {
            a[from + i] += add;
        }
    }

    /** The layout of the input images of a forward pass. */
    private static Layout forward(ConvGeometry g) {
        return new Layout(g.channels(), g.height(), g.width(), g.padding(), g.padding(), g.kernelH(), g.kernelW());
    }

    /**
     * {@code y = W * x + bias}: overwrites {@code y}. With {@code kept} ({@link #keptLength} numbers, or null), the
     * padded images are left there for {@link #backwardWeight}.
     */
    static void forward(float[] x, float[] w, float[] bias, float[] y, float[] kept, ConvGeometry g) {
        forwardMaxPool(x, w, bias, y, null, kept, g);
    }

    /**
     * {@link #forward} followed by max pooling, 2x2 windows of stride 2, when there is an {@code argmax}: {@code y}
     * then receives the pooled planes and {@code argmax} their winners, as {@link Pooling#max} would from the
     * convolution's output. That output is never written out whole: each image's rows are pooled as soon as they are
     * computed, while they are in the cache.
     */
    static void forwardMaxPool(float[] x, float[] w, float[] bias, float[] y, float[] argmax, float[] kept,
                               ConvGeometry g) {
        Layout layout = forward(g);
        int f = g.filters(), k = layout.taps.length;
        float[] filters = scratch(FILTERS, Gemm.roundUp(f, MR) * k);
        GemmPacking.packA(false, w, 0, k, 0, f, 0, k, filters);
        int planeSize = argmax == null ? layout.outHeight * layout.outWidth
                : (layout.outHeight / 2) * (layout.outWidth / 2);
        correlate(g.batch(), x, layout, filters, f, bias, y, argmax, kept, f * planeSize);
    }

    /** {@code dx}: overwrites it. */
    static void backwardInput(float[] dy, float[] w, float[] dx, ConvGeometry g) {
        int f = g.filters(), c = g.channels(), kh = g.kernelH(), kw = g.kernelW(), k = f * kh * kw;
        Layout layout = new Layout(f, g.outHeight(), g.outWidth(), kh - 1 - g.padding(), kw - 1 - g.padding(), kh, kw);
        float[] turned = new float[c * k];   // turned[c, (f, i, j)] = w[f, c, kh-1-i, kw-1-j]
        for (int filter = 0; filter < f; filter++) {
            for (int channel = 0; channel < c; channel++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        turned[channel * k + (filter * kh + i) * kw + j] =
                                w[((filter * c + channel) * kh + kh - 1 - i) * kw + kw - 1 - j];
                    }
                }
            }
        }
        float[] filters = scratch(FILTERS, Gemm.roundUp(c, MR) * k);
        GemmPacking.packA(false, turned, 0, k, 0, c, 0, k, filters);
        correlate(g.batch(), dy, layout, filters, c, null, dx, null, null, c * g.height() * g.width());
    }

    /**
     * The packed {@code filters} (its {@code rows} rows in panels of {@code MR}) times each padded image of
     * {@code x}, cropped into {@code out} (plus {@code bias}), or pooled when there is an {@code argmax} to fill.
     * Images are spread over the cores; a batch smaller than the cores splits each image's columns instead.
     */
    private static void correlate(int batch, float[] x, Layout layout, float[] filters, int rows, float[] bias,
                                  float[] out, float[] argmax, float[] kept, int outSize) {
        int tiles = layout.columns / NR;
        if (batch >= Parallel.CORES) {
            int cores = Parallel.CORES;
            Parallel.forEach(cores, t -> {   // a run of images on each core, with this core's scratch arrays
                float[] computed = scratch(OUT, Gemm.roundUp(rows, MR) * layout.columns), spare = spare(kept, layout);
                for (int n = batch * t / cores; n < batch * (t + 1) / cores; n++) {
                    At image = pad(x, kept, n, layout, spare);
                    multiply(layout, filters, rows, image.data(), image.offset(), computed, 0, tiles);
                    layout.copyOut(computed, rows, bias, out, argmax, n * outSize);
                }
            });
            return;
        }
        float[] computed = scratch(OUT, Gemm.roundUp(rows, MR) * layout.columns), spare = spare(kept, layout);
        for (int n = 0; n < batch; n++) {
            At image = pad(x, kept, n, layout, spare);
            int parts = Math.min(tiles, Parallel.CORES);
            Parallel.forEach(parts, part -> multiply(layout, filters, rows, image.data(), image.offset(), computed,
                    tiles * part / parts, tiles * (part + 1) / parts));
            layout.copyOut(computed, rows, bias, out, argmax, n * outSize);
        }
    }

    /** Tiles {@code [fromTile, toTile)} of columns of {@code filters x B}, B read from the padded image. */
    private static void multiply(Layout layout, float[] filters, int rows, float[] padded, int at,
                                 float[] computed, int fromTile, int toTile) {
        int k = layout.taps.length;
        for (int jr = fromTile * NR; jr < toTile * NR; jr += NR) {
            for (int ir = 0; ir < rows; ir += MR) {
                GemmKernel.tile(k, filters, ir * k, padded, at + jr, layout.taps,
                        computed, ir * layout.columns + jr, layout.columns, false);
            }
        }
    }

    /**
     * {@code dW}: overwrites {@code dw}. Computed transposed, {@code dW^T [K, F] = sum over images of B [K, Q] dy^T
     * [Q, F]}, so that the micro-kernel reads B's rows (the shifted padded image) where they lie and holds a tile of
     * {@code MR} taps by 32 filters in registers along all the positions of an image; {@code dy^T} is each image's
     * gradient turned to one row per position, zeros on the cropped positions. Each core sums its share of the
     * images; the shares are added at the end. The padded images come from {@code kept}, or are made again.
     *
     * <p>A filter with few taps (a first layer, on one channel, often with few filters too) would leave much of
     * each tile empty; its gradient is summed as dot products instead, {@code dW[f, t] = dy[f, :] . B[t, :]}
     * ({@link ConvWeightKernel}).
     */
    static void backwardWeight(float[] x, float[] kept, float[] dy, float[] dw, float[] db, ConvGeometry g) {
        backwardWeight(x, kept, new OutputGradient(dy, null, 0), dw, db, g);
    }

    /**
     * {@link #backwardWeight} given the gradient of the max pooling that followed the convolution: {@code dy} and
     * {@code argmax} are the pooled ones ({@code pooledSize} numbers a plane). Each image's gradient is routed to the
     * winners of its windows just before it is used, while it fits in the cache, not the whole batch's at once.
     */
    static void backwardWeightFromPooled(float[] x, float[] kept, float[] dy, float[] argmax, int pooledSize,
                                         float[] dw, float[] db, ConvGeometry g) {
        backwardWeight(x, kept, new OutputGradient(dy, argmax, pooledSize), dw, db, g);
    }

    /**
     * The gradient of the convolution's output, {@code dy}, or the pooled gradient {@code dy} and its winners
     * {@code argmax} ({@code pooledSize} numbers a plane) when a max pooling followed.
     */
    private record OutputGradient(float[] dy, float[] argmax, int pooledSize) {

        /**
         * Image {@code n}'s gradient, {@code planes} planes of {@code planeSize}: where it lies in {@code dy}, or
         * routed from the pooled one into this thread's scratch array, as {@link Pooling#maxBackward} routes it.
         */
        At image(int n, int planes, int planeSize) {
            if (argmax == null) {
                return new At(dy, n * planes * planeSize);
            }
            float[] out = scratch(UNPOOLED, planes * planeSize);
            Arrays.fill(out, 0, planes * planeSize, 0f);
            for (int p = 0, o = n * planes * pooledSize; p < planes; p++) {
                for (int end = o + pooledSize; o < end; o++) {
                    out[p * planeSize + (int) argmax[o]] += dy[o];
                }
            }
            return new At(out, 0);
        }
    }

    private static void backwardWeight(float[] x, float[] kept, OutputGradient dy, float[] dw, float[] db,
                                       ConvGeometry g) {
        Layout layout = forward(g);
        int f = g.filters(), k = layout.taps.length, batch = g.batch(), cols = Gemm.roundUp(f, NR);
        int planeSize = layout.outHeight * layout.outWidth;
        if (k < FEW_TAPS) {
            backwardWeightAsDots(x, kept, dy, dw, db, g, layout);
            return;
        }
        // a last, partial tile reads row 0 again, into rows of the sums past the last tap
        int[] taps = Arrays.copyOf(layout.taps, Gemm.roundUp(k, MR));
        int cores = Math.max(1, Math.min(batch, Parallel.CORES));
        float[][] shares = new float[cores][];
        double[][] biasShares = new double[cores][f];
        Parallel.forEach(cores, t -> {
            // Each share is an array of its own: when the cores are busy with other work, one thread runs every t.
            float[] sum = new float[taps.length * cols], turned = scratch(TURNED, layout.positions * cols);
            float[] spare = spare(kept, layout);
            for (int n = batch * t / cores; n < batch * (t + 1) / cores; n++) {
                At image = padded(x, kept, n, layout, spare), gradient = dy.image(n, f, planeSize);
                layout.turn(gradient.data(), gradient.offset(), f, turned, cols);
                PlaneSums.add(gradient.data(), gradient.offset(), f, planeSize, biasShares[t]);
                for (int ir = 0; ir < k; ir += MR) {
                    for (int jr = 0; jr < cols; jr += NR) {
                        GemmKernel.tileFromRows(layout.positions, image.data(), image.offset(), taps, ir,
                                turned, jr, cols, sum, ir * cols + jr, cols);
                    }
                }
            }
            shares[t] = sum;
        });
        for (int filter = 0; filter < f; filter++) {
            for (int tap = 0; tap < k; tap++) {
                float total = 0;
                for (float[] share : shares) {
                    total += share[tap * cols + filter];
                }
                dw[filter * k + tap] = total;
            }
        }
        PlaneSums.write(biasShares, db);
    }

    private static void backwardWeightAsDots(float[] x, float[] kept, OutputGradient dy, float[] dw, float[] db,
                                             ConvGeometry g, Layout layout) {
        int f = g.filters(), k = layout.taps.length, size = f * k, batch = g.batch();
        int planeSize = layout.outHeight * layout.outWidth;
        int rowLength = Gemm.roundUp(layout.positions, Gemm.SPECIES.length());
        int cores = Math.max(1, Math.min(batch, Parallel.CORES));
        float[][] shares = new float[cores][];
        double[][] biasShares = new double[cores][f];
        Parallel.forEach(cores, t -> {
            ConvWeightKernel.Accumulator sum = ConvWeightKernel.accumulator(f, k);
            float[] spread = scratch(TURNED, f * rowLength), spare = spare(kept, layout);
            for (int n = batch * t / cores; n < batch * (t + 1) / cores; n++) {
                At image = padded(x, kept, n, layout, spare), gradient = dy.image(n, f, planeSize);
                layout.spread(gradient.data(), gradient.offset(), f, spread, rowLength);
                PlaneSums.add(gradient.data(), gradient.offset(), f, planeSize, biasShares[t]);
                sum.addProduct(rowLength, spread, 0, rowLength, image.data(), image.offset(), layout.taps);
            }
            shares[t] = new float[size];   // an array of its own, as in backwardWeight
            sum.writeTo(shares[t], 0);
        });
        for (int i = 0; i < size; i++) {
            float total = 0;
            for (float[] share : shares) {
                total += share[i];
            }
            dw[i] = total;
        }
        PlaneSums.write(biasShares, db);
    }

    /** An array, and where in it an image (padded, or its gradient) starts. */
    private record At(float[] data, int offset) {
    }

    /** Image {@code n} of {@code x} padded now: into {@code kept} if there is one, else into {@code spare}. */
    private static At pad(float[] x, float[] kept, int n, Layout layout, float[] spare) {
        At image = kept != null ? new At(kept, n * layout.imageSize) : new At(spare, 0);
        layout.pad(x, n * layout.planes * layout.height * layout.width, image.data(), image.offset());
        return image;
    }

    /** Image {@code n} padded, as the forward pass kept it, or padded again into {@code spare}. */
    private static At padded(float[] x, float[] kept, int n, Layout layout, float[] spare) {
        return kept != null ? new At(kept, n * layout.imageSize) : pad(x, null, n, layout, spare);
    }

    /**
     * Where this thread pads images when there is no {@code kept} to pad into (null when there is): taken once per
     * run of images, not once per image.
     */
    private static float[] spare(float[] kept, Layout layout) {
        return kept != null ? null : scratch(PADDED, layout.imageSize);
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
