package dl.backend.cpu;

import dl.backend.ConvGeometry;

/**
 * 2-D convolution kernels, NCHW, computed as matrix products ("im2col + GEMM").
 *
 * <p>Shapes: {@code x [N, C, H, W]}, {@code w [F, C, kh, kw]}, {@code y [N, F, OH, OW]} with
 * {@code o = floor((i + 2p - k) / s) + 1}. The layer computes a cross-correlation (no kernel flip, no bias):
 * <pre>
 *   y[n, f, oh, ow] = sum over c, i, j of  w[f, c, i, j] * x[n, c, oh * s - p + i, ow * s - p + j]
 * </pre>
 * With {@code K = C * kh * kw}, {@code P = OH * OW}, {@code W} the weights seen as a matrix {@code [F, K]} and
 * {@code col = im2col(x[n])} the {@code [K, P]} matrix whose column {@code q} holds the {@code K} inputs that
 * output position {@code q} sees (see {@link Im2col}), each image is one matrix product, and so are its gradients:
 * <pre>
 *   forward:          y[n]  = W col                 [F, P]  = [F, K] [K, P]
 *   backwardInput:   dx[n]  = col2im(W^T dy[n])      [K, P]  = [K, F] [F, P], then each column back to its window
 *   backwardWeight:   dW    = sum over n of dy[n] col^T   [F, K] = [F, P] [P, K]
 * </pre>
 * Stride-1 convolutions (the common case) skip im2col and read the padded image in place: see
 * {@link ShiftedConvolution}, and {@link RowWinograd} for 3x3 filters on many channels, which takes half the
 * multiplications; this class hands those over and computes the others (strided ones, and the rare padding as wide
 * as the kernel).
 *
 * <p>Cores: a batch of at least as many images as cores is split over the cores by images, each image's products
 * on one core ({@link Gemm#sgemmSingleThread}); a smaller batch (one image at inference) runs its images one after
 * the other, each product on every core ({@link Gemm#sgemm}).
 */
final class Convolution {

    /** The calling thread's per-core partial sums of {@code dW} (the first core sums straight into {@code dw}). */
    private static final ThreadLocal<float[]> PARTIALS = ThreadLocal.withInitial(() -> new float[0]);

    private Convolution() {
    }

    /** Above this many numbers (64 MB), unrolled images are made again for the weight gradient, not kept. */
    private static final long KEEP_LIMIT = 1 << 24;

    /**
     * How many numbers the unrolled images of a batch take, {@code N * K * P} (or the padded images, for a
     * {@link ShiftedConvolution}), when it pays to keep them from the forward pass for the weight gradient; 0 when not
     * (a very large batch would take too much memory, and a {@link RowWinograd} pads its images again).
     */
    static int keptLength(ConvGeometry g) {
        long length = RowWinograd.applies(g) ? 0
                : ShiftedConvolution.applies(g) ? ShiftedConvolution.keptLength(g)
                : (long) g.batch() * rows(g) * positions(g);
        return length > KEEP_LIMIT ? 0 : (int) length;
    }

    /**
     * {@code y[n] = W im2col(x[n]) + bias}: overwrites {@code y}. The bias (one number per filter, or null) is added
     * to each image's output right after its product, while that output is still in cache. With {@code kept}
     * ({@link #keptLength} numbers, or null), the unrolled images are left there for {@link #backwardWeight}.
     */
    static void forward(float[] x, float[] w, float[] bias, float[] y, float[] kept, ConvGeometry g) {
        if (RowWinograd.applies(g)) {
            RowWinograd.forward(x, false, w, bias, y, null, g);
            return;
        }
        if (ShiftedConvolution.applies(g)) {
            ShiftedConvolution.forward(x, w, bias, y, kept, g);
            return;
        }
        int k = rows(g), p = positions(g), f = g.filters();
        forEachImage(g.batch(), (n, allCores) -> {
            Columns col = unroll(x, kept, n, g);
            gemm(allCores, false, f, p, k, w, col.data(), col.offset(), y, n * f * p);
            if (bias != null) {
                for (int filter = 0, at = n * f * p; filter < f; filter++, at += p) {
                    float b = bias[filter];
                    for (int q = at; q < at + p; q++) {
                        y[q] += b;
                    }
                }
            }
        });
    }

    /** {@code dx[n] = col2im(W^T dy[n])}: overwrites {@code dx}. */
    static void backwardInput(float[] dy, float[] w, float[] dx, ConvGeometry g) {
        if (RowWinograd.applies(g)) {
            RowWinograd.backwardInput(dy, w, null, dx, g);
            return;
        }
        if (ShiftedConvolution.applies(g)) {
            ShiftedConvolution.backwardInput(dy, w, dx, g);
            return;
        }
        int k = rows(g), p = positions(g), f = g.filters();
        forEachImage(g.batch(), (n, allCores) -> {
            float[] dcol = Im2col.scratch(k * p);
            gemm(allCores, true, k, p, f, w, dy, n * f * p, dcol, 0);
            Im2col.col2im(dcol, g, dx, n * inputSize(g));
        });
    }

    /**
     * {@code dW = sum over n of dy[n] im2col(x[n])^T}: overwrites {@code dw}; the unrolled images come from
     * {@code kept} when the forward pass left them there, else they are made again. Each core sums its share of
     * the images into its own partial {@code dW}; the partials are added up at the end. A single image's product
     * runs on every core.
     */
    static void backwardWeight(float[] x, float[] kept, float[] dy, float[] dw, float[] db, ConvGeometry g) {
        if (RowWinograd.applies(g)) {
            RowWinograd.backwardWeight(x, false, dy, dw, db, g);
            return;
        }
        if (ShiftedConvolution.applies(g)) {
            ShiftedConvolution.backwardWeight(x, kept, dy, dw, db, g);
            return;
        }
        int f = g.filters(), k = rows(g), p = positions(g), size = f * k, batch = g.batch();
        int cores = Math.max(1, Math.min(batch, Parallel.CORES));
        double[][] biasShares = new double[cores][f];
        if (cores == 1) {   // one image: its product on every core
            for (int n = 0; n < batch; n++) {
                Columns col = columns(x, kept, n, g);
                Gemm.sgemm(false, true, f, k, p, dy, n * f * p, p, col.data(), col.offset(), p, dw, 0, k, n > 0);
                PlaneSums.add(dy, n * f * p, f, p, biasShares[0]);
            }
            PlaneSums.write(biasShares, db);
            return;
        }
        float[] partials = partials((cores - 1) * size);
        Parallel.forEach(cores, t -> {
            float[] sum = t == 0 ? dw : partials;
            int at = t == 0 ? 0 : (t - 1) * size, first = batch * t / cores;
            for (int n = first; n < batch * (t + 1) / cores; n++) {
                Columns col = columns(x, kept, n, g);
                Gemm.sgemmSingleThread(false, true, f, k, p, dy, n * f * p, p, col.data(), col.offset(), p,
                        sum, at, k, n > first);
                PlaneSums.add(dy, n * f * p, f, p, biasShares[t]);
            }
        });
        for (int i = 0; i < (cores - 1) * size; i++) {
            dw[i % size] += partials[i];
        }
        PlaneSums.write(biasShares, db);
    }

    /** Where the {@code [K, P]} matrix of image {@code n} starts. */
    private record Columns(float[] data, int offset) {
    }

    /**
     * {@code im2col(x[n])}, made now: into {@code kept} when there is one, else into this thread's scratch.
     */
    private static Columns unroll(float[] x, float[] kept, int n, ConvGeometry g) {
        int length = rows(g) * positions(g);
        Columns col = kept != null ? new Columns(kept, n * length) : new Columns(Im2col.scratch(length), 0);
        Im2col.im2col(x, n * inputSize(g), g, col.data(), col.offset());
        return col;
    }

    /** {@code im2col(x[n])} as the forward pass kept it, or made again. */
    private static Columns columns(float[] x, float[] kept, int n, ConvGeometry g) {
        return kept != null ? new Columns(kept, n * rows(g) * positions(g)) : unroll(x, null, n, g);
    }

    /** What to do with one image; {@code allCores} says whether its products may use every core. */
    private interface ImageWork {
        void run(int n, boolean allCores);
    }

    /** Images spread over the cores when there are enough of them, else one after the other on every core. */
    private static void forEachImage(int batch, ImageWork work) {
        if (batch >= Parallel.CORES && batch > 1) {
            Parallel.forEach(batch, n -> work.run(n, false));
        } else {
            for (int n = 0; n < batch; n++) {
                work.run(n, true);
            }
        }
    }

    /** {@code C = op(W) B}: {@code W} the weights, all three matrices dense; on every core or on this one. */
    private static void gemm(boolean allCores, boolean transA, int m, int n, int k, float[] w,
                             float[] b, int bOff, float[] c, int cOff) {
        int lda = transA ? m : k;
        if (allCores) {
            Gemm.sgemm(transA, false, m, n, k, w, 0, lda, b, bOff, n, c, cOff, n, false);
        } else {
            Gemm.sgemmSingleThread(transA, false, m, n, k, w, 0, lda, b, bOff, n, c, cOff, n, false);
        }
    }

    private static float[] partials(int length) {
        float[] s = PARTIALS.get();
        if (s.length < length) {
            s = new float[length];
            PARTIALS.set(s);
        }
        return s;
    }

    /** {@code K = C * kh * kw}: the rows of {@code col}, the columns of {@code W}. */
    private static int rows(ConvGeometry g) {
        return g.channels() * g.kernelH() * g.kernelW();
    }

    /** {@code P = OH * OW}: the output positions of one image. */
    private static int positions(ConvGeometry g) {
        return g.outHeight() * g.outWidth();
    }

    private static int inputSize(ConvGeometry g) {
        return g.channels() * g.height() * g.width();
    }
}
