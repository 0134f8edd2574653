package dl.backend.cpu;

import dl.backend.Backend;
import dl.backend.BinaryOp;
import dl.backend.ConvGeometry;
import dl.backend.Device;
import dl.backend.PoolGeometry;
import dl.backend.ReduceOp;
import dl.backend.StepMemory;
import dl.backend.Storage;
import dl.backend.UnaryOp;
import java.util.function.IntConsumer;

/**
 * The default backend: pure Java on the heap, every core, SIMD through the Vector API where it pays (matrix
 * multiply, which convolution also runs on). The kernels live in small classes of this package: {@link Gemm},
 * {@link Convolution}, {@link Pooling}, {@link ElementWise}, {@link Reductions}.
 */
public final class CpuBackend implements Backend {

    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    static float[] data(Storage s) {
        if (s instanceof CpuStorage cpu) {
            return cpu.data;
        }
        throw new IllegalArgumentException("the cpu device was given a tensor of the " + s.backend().device()
                + " device; move it with .to(Device.cpu()) first");
    }

    @Override
    public Storage allocate(int length) {
        return new CpuStorage(new float[length]);
    }

    @Override
    public Storage allocateForOverwrite(int length) {
        return StepArrays.forOverwrite(length);
    }

    @Override
    public StepMemory stepMemory() {
        return StepArrays.open();
    }

    @Override
    public Storage upload(float[] values) {
        return new CpuStorage(values.clone());
    }

    @Override
    public Storage uploadRows(float[] values, int rowLength, int[] rows) {
        // Within a training step the batch goes into last step's batch array, still in the cache: a fresh array
        // is cold memory, slower to write.
        Storage batch = allocateForOverwrite(rows.length * rowLength);
        float[] out = data(batch);
        IntConsumer copyRow = i -> System.arraycopy(values, rows[i] * rowLength, out, i * rowLength, rowLength);
        if ((long) rows.length * rowLength >= ElementWise.CHUNK / 4) {
            Parallel.forEach(rows.length, copyRow);   // rows from all over memory: each core waits for its own
        } else {
            for (int i = 0; i < rows.length; i++) {
                copyRow.accept(i);
            }
        }
        return batch;
    }

    @Override
    public float[] download(Storage s) {
        return data(s).clone();
    }

    @Override
    public void fill(Storage s, float value) {
        java.util.Arrays.fill(data(s), value);
    }

    @Override
    public void copyBlocks(Storage src, int srcOffset, int srcStride, Storage dst, int dstOffset, int dstStride,
                           int blockLength, int count) {
        float[] from = data(src), to = data(dst);
        for (int i = 0; i < count; i++) {
            System.arraycopy(from, srcOffset + i * srcStride, to, dstOffset + i * dstStride, blockLength);
        }
    }

    @Override
    public void permute(Storage x, int[] shape, int[] axes, Storage out) {
        ElementWise.permute(data(x), shape, axes, data(out));
    }

    @Override
    public void map(UnaryOp op, Storage x, float alpha, Storage out) {
        ElementWise.map(op, data(x), alpha, data(out));
    }

    @Override
    public void zip(BinaryOp op, Storage a, int[] aShape, Storage b, int[] bShape, Storage out, int[] outShape) {
        ElementWise.zip(op, data(a), aShape, data(b), bShape, data(out), outShape);
    }

    @Override
    public void axpy(float alpha, Storage x, Storage y) {
        ElementWise.axpy(alpha, data(x), data(y));
    }

    @Override
    public void reduce(ReduceOp op, Storage x, int outer, int n, int inner, Storage out) {
        Reductions.reduce(op, data(x), outer, n, inner, data(out));
    }

    @Override
    public void softmax(Storage x, int rows, int cols, boolean log, Storage out) {
        Reductions.softmax(data(x), rows, cols, log, data(out));
    }

    @Override
    public void matmul(Storage a, boolean transA, int strideA, Storage b, boolean transB, int strideB,
                       Storage c, int batch, int m, int n, int k, boolean accumulate) {
        float[] av = data(a), bv = data(b), cv = data(c);
        int lda = transA ? m : k, ldb = transB ? k : n;
        if (batch == 1) {
            Gemm.sgemm(transA, transB, m, n, k, av, 0, lda, bv, 0, ldb, cv, 0, n, accumulate);
            return;
        }
        // Many products: one per core at a time, each on one thread.
        Parallel.forEach(batch, i -> Gemm.sgemmSingleThread(transA, transB, m, n, k,
                av, i * strideA, lda, bv, i * strideB, ldb, cv, i * m * n, n, accumulate));
    }

    @Override
    public Storage conv2d(Storage x, Storage w, Storage bias, Storage y, ConvGeometry g, boolean forWeightGradient) {
        int length = forWeightGradient ? Convolution.keptLength(g) : 0;
        Storage kept = length > 0 ? allocateForOverwrite(length) : null;
        Convolution.forward(data(x), data(w), bias == null ? null : data(bias), data(y),
                kept == null ? null : data(kept), g);
        return kept;
    }

    /**
     * Together where the convolution is {@link ShiftedConvolution}'s or {@link RowWinograd}'s and the pooling has 2x2
     * windows of stride 2 (the course's CNNs): each image's output is pooled while it is in the cache, never written out
     * whole.
     */
    @Override
    public Storage conv2dMaxPool(Storage x, Storage w, Storage bias, Storage y, Storage argmax, ConvGeometry g,
                                 PoolGeometry pool, boolean forWeightGradient) {
        if (!ShiftedConvolution.applies(g) || !twoByTwo(pool)) {
            return Backend.super.conv2dMaxPool(x, w, bias, y, argmax, g, pool, forWeightGradient);
        }
        return convolveThenMaxPool(x, false, w, bias, y, argmax, g, forWeightGradient);
    }

    /** Where {@link RowWinograd} computes the convolution, the ReLU is applied as it pads each image. */
    @Override
    public Storage reluConv2d(Storage x, Storage w, Storage bias, Storage y, ConvGeometry g,
                              boolean forWeightGradient) {
        if (!RowWinograd.applies(g)) {
            return Backend.super.reluConv2d(x, w, bias, y, g, forWeightGradient);
        }
        RowWinograd.forward(data(x), true, data(w), bias == null ? null : data(bias), data(y), null, g);
        return null;
    }

    @Override
    public Storage reluConv2dMaxPool(Storage x, Storage w, Storage bias, Storage y, Storage argmax, ConvGeometry g,
                                     PoolGeometry pool, boolean forWeightGradient) {
        if (!RowWinograd.applies(g) || !twoByTwo(pool)) {
            return Backend.super.reluConv2dMaxPool(x, w, bias, y, argmax, g, pool, forWeightGradient);
        }
        return convolveThenMaxPool(x, true, w, bias, y, argmax, g, forWeightGradient);
    }

    /** Whether the pooling has the windows that the convolutions pool as they go: 2x2, stride 2, no padding. */
    private static boolean twoByTwo(PoolGeometry pool) {
        return pool.kernel() == 2 && pool.stride() == 2 && pool.padding() == 0;
    }

    /** The convolution of {@code x} (or of {@code relu(x)}), each image's output pooled 2x2 as it is made. */
    private Storage convolveThenMaxPool(Storage x, boolean relu, Storage w, Storage bias, Storage y, Storage argmax,
                                        ConvGeometry g, boolean forWeightGradient) {
        int length = forWeightGradient ? Convolution.keptLength(g) : 0;
        Storage kept = length > 0 ? allocateForOverwrite(length) : null;
        float[] b = bias == null ? null : data(bias);
        if (RowWinograd.applies(g)) {
            RowWinograd.forward(data(x), relu, data(w), b, data(y), data(argmax), g);
        } else {
            ShiftedConvolution.forwardMaxPool(data(x), data(w), b, data(y), data(argmax),
                    kept == null ? null : data(kept), g);
        }
        return kept;
    }

    /** Where {@link RowWinograd} computes the convolution, each image's gradient is masked while it is in the cache. */
    @Override
    public void reluConv2dBackwardInput(Storage dy, Storage w, Storage x, Storage dx, ConvGeometry g) {
        if (!RowWinograd.applies(g)) {
            Backend.super.reluConv2dBackwardInput(dy, w, x, dx, g);
            return;
        }
        RowWinograd.backwardInput(data(dy), data(w), data(x), data(dx), g);
    }

    @Override
    public void reluConv2dBackwardWeight(Storage x, Storage kept, Storage dy, Storage dw, Storage db,
                                         ConvGeometry g) {
        if (!RowWinograd.applies(g)) {
            Backend.super.reluConv2dBackwardWeight(x, kept, dy, dw, db, g);
            return;
        }
        RowWinograd.backwardWeight(data(x), true, data(dy), data(dw), db == null ? null : data(db), g);
    }

    /**
     * Each image's gradient is routed to its windows' winners when it is used, where the convolution is shifted; a
     * {@link RowWinograd} convolution takes the default, its own weight gradient from the routed gradient.
     */
    @Override
    public void conv2dMaxPoolBackwardWeight(Storage x, Storage kept, Storage dy, Storage argmax, Storage dw,
                                            Storage db, ConvGeometry g, PoolGeometry pool) {
        if (!ShiftedConvolution.applies(g) || RowWinograd.applies(g)) {
            Backend.super.conv2dMaxPoolBackwardWeight(x, kept, dy, argmax, dw, db, g, pool);
            return;
        }
        ShiftedConvolution.backwardWeightFromPooled(data(x), kept == null ? null : data(kept), data(dy),
                data(argmax), pool.outHeight() * pool.outWidth(), data(dw), db == null ? null : data(db), g);
    }

    @Override
    public void conv2dBackwardInput(Storage dy, Storage w, Storage dx, ConvGeometry g) {
        Convolution.backwardInput(data(dy), data(w), data(dx), g);
    }

    @Override
    public void conv2dBackwardWeight(Storage x, Storage kept, Storage dy, Storage dw, Storage db, ConvGeometry g) {
        Convolution.backwardWeight(data(x), kept == null ? null : data(kept), data(dy), data(dw),
                db == null ? null : data(db), g);
    }

    @Override
    public void maxPool(Storage x, Storage y, Storage argmax, PoolGeometry g) {
        Pooling.max(data(x), data(y), data(argmax), g);
    }

    @Override
    public void maxPoolBackward(Storage dy, Storage argmax, Storage dx, PoolGeometry g) {
        Pooling.maxBackward(data(dy), data(argmax), data(dx), g);
    }

    @Override
    public void avgPool(Storage x, Storage y, PoolGeometry g) {
        Pooling.avg(data(x), data(y), g);
    }

    @Override
    public void avgPoolBackward(Storage dy, Storage dx, PoolGeometry g) {
        Pooling.avgBackward(data(dy), data(dx), g);
    }
}
