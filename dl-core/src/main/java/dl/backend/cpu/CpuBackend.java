package dl.backend.cpu;

import dl.backend.Backend;
import dl.backend.BinaryOp;
import dl.backend.ConvGeometry;
import dl.backend.PoolGeometry;
import dl.backend.ReduceOp;
import dl.backend.StepMemory;
import dl.backend.Storage;
import dl.backend.UnaryOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public String name() {
        return "cpu";
    }

    static float[] data(Storage s) {
        if (s instanceof CpuStorage cpu) {
            return cpu.data;
        }
        throw new IllegalArgumentException("the cpu backend was given a storage of the " + s.backend().name()
                + " backend; move the tensor with .to(cpu()) first");
    }

    @Override
    public Storage allocate(int length) {
        return allocate(length, true);
    }

    @Override
    public Storage allocateForOverwrite(int length) {
        return allocate(length, false);
    }

    @Override
    public Storage allocateLasting(int length) {
        return new CpuStorage(new float[length]);
    }

    /** A new array, or within a training step last step's (zeroed when {@code zeros}). */
    private static Storage allocate(int length, boolean zeros) {
        StepArrays steps = STEPS.get();
        return steps == null || steps.paused > 0 ? new CpuStorage(new float[length]) : steps.allocate(length, zeros);
    }

    /** One per training thread while its loop runs: see {@link StepMemory}. */
    private static final ThreadLocal<StepArrays> STEPS = new ThreadLocal<>();

    @Override
    public StepMemory stepMemory() {
        if (STEPS.get() != null) {
            return StepMemory.NONE;   // a loop inside a loop: the outer one owns the memory
        }
        StepArrays steps = new StepArrays();
        STEPS.set(steps);
        return steps;
    }

    /** The arrays of this step, and those of the last step waiting to be reused, by length. */
    private static final class StepArrays implements StepMemory {

        private final List<CpuStorage> allocated = new ArrayList<>();
        /** By {@link #key} of their length. */
        private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
        /** Above 0 while {@link #outside} runs: allocations are plain, not recorded. */
        private int paused;

        CpuStorage allocate(int length, boolean zeros) {
            ArrayDeque<float[]> same = free.get(key(length));
            float[] data = same == null ? null : same.poll();
            if (data == null) {
                data = new float[length];
            } else if (zeros) {
                Arrays.fill(data, 0f);
            }
            CpuStorage storage = new CpuStorage(data);
            allocated.add(storage);
            return storage;
        }

        /**
         * A length scrambled into a hash key, one to one (times an odd number): tensor lengths are often multiples
         * of 64, which a HashMap would put into the same few buckets.
         */
        private static Integer key(int length) {
            return length * 0x9E3779B9;
        }

        @Override
        public void endStep(Set<Storage> keep) {
            free.values().forEach(ArrayDeque::clear);   // what this step did not need, the next will not either
            for (CpuStorage s : allocated) {
                if (!keep.contains(s)) {
                    // A tensor that still holds it now fails on reading instead of reading the next step's numbers.
                    s.markReused();
                    free.computeIfAbsent(key(s.data.length), n -> new ArrayDeque<>()).add(s.data);
                }
            }
            allocated.clear();
        }

        @Override
        public void outside(Runnable work) {
            paused++;
            try {
                work.run();
            } finally {
                paused--;
            }
        }

        @Override
        public void close() {
            STEPS.remove();
            free.clear();
            allocated.clear();
        }
    }

    @Override
    public Storage upload(float[] values) {
        Storage copy = allocateForOverwrite(values.length);   // within a training step: last step's array
        System.arraycopy(values, 0, data(copy), 0, values.length);
        return copy;
    }

    @Override
    public Storage uploadRows(float[] values, int rowLength, int[] rows) {
        // Within a training step the batch goes into last step's batch array, still in the cache: a fresh array
        // is cold memory, slower to write.
        Storage batch = allocateForOverwrite(rows.length * rowLength);
        float[] out = data(batch);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * rowLength, out, i * rowLength, rowLength);
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
