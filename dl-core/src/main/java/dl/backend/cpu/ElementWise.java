package dl.backend.cpu;

import dl.backend.BinaryOp;
import dl.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels: maps of one array, broadcasting combinations of two, and axis permutation. Large arrays
 * are split over the cores in chunks of {@link #CHUNK} elements; a map or an {@code axpy} from {@link #SPLIT} elements
 * in one equal part per core.
 *
 * <p>Exponentials are {@link Exponential}'s, logarithms and the rest {@link StrictMath}'s: {@code Math.log} may give
 * a different last bit once the JIT has compiled it, and a seed must repeat a run bit for bit.
 */
final class ElementWise {

    /** Below this many elements a kernel runs on the calling thread: splitting would cost more than it saves. */
    static final int CHUNK = 1 << 16;
    /**
     * From this many elements {@link #map} and {@link #axpy}, the kernels of the optimizers' in-place updates, run on
     * every core. A weight's gradient was computed on every core, each its share of the rows: split in equal parts
     * (as the GEMM splits rows), most of each part is still in the cache of the core that updates it.
     */
    static final int SPLIT = 1 << 14;

    private ElementWise() {
    }

    static void map(UnaryOp op, float[] x, float alpha, float[] out) {
        inParts(x.length, (from, to) -> map(op, x, alpha, out, from, to));
    }

    private static void map(UnaryOp op, float[] x, float alpha, float[] out, int from, int to) {
        switch (op) {
            case EXP -> Exponential.exp(x, out, from, to);
            case LOG -> { for (int i = from; i < to; i++) out[i] = (float) StrictMath.log(x[i]); }
            case ABS -> { for (int i = from; i < to; i++) out[i] = Math.abs(x[i]); }
            case SIGN -> { for (int i = from; i < to; i++) out[i] = Math.signum(x[i]); }
            case RELU -> relu(x, from, out, from, to - from);
            case LEAKY_RELU -> { for (int i = from; i < to; i++) out[i] = x[i] > 0 ? x[i] : alpha * x[i]; }
            case LEAKY_STEP -> { for (int i = from; i < to; i++) out[i] = x[i] > 0 ? 1f : alpha; }
            case SIGMOID -> Exponential.sigmoid(x, out, from, to);
            case TANH -> { for (int i = from; i < to; i++) out[i] = (float) StrictMath.tanh(x[i]); }
            case ADD_SCALAR -> { for (int i = from; i < to; i++) out[i] = x[i] + alpha; }
            case MUL_SCALAR -> { for (int i = from; i < to; i++) out[i] = x[i] * alpha; }
            case POW_SCALAR -> { for (int i = from; i < to; i++) out[i] = pow(x[i], alpha); }
            case MAX_SCALAR -> { for (int i = from; i < to; i++) out[i] = Math.max(x[i], alpha); }
            case MIN_SCALAR -> { for (int i = from; i < to; i++) out[i] = Math.min(x[i], alpha); }
            default -> throw new IllegalArgumentException("unknown map " + op);
        }
    }

    /**
     * {@code out[oi ..] = max(x[xi ..], 0)}, {@code len} numbers, with SIMD (the lanes' max is {@code Math.max}'s, so
     * the bits are the same).
     */
    static void relu(float[] x, int xi, float[] out, int oi, int len) {
        VectorSpecies<Float> s = Gemm.SPECIES;
        int i = 0;
        for (int end = s.loopBound(len); i < end; i += s.length()) {
            FloatVector.fromArray(s, x, xi + i).max(0f).intoArray(out, oi + i);
        }
        for (; i < len; i++) {
            out[oi + i] = Math.max(x[xi + i], 0f);
        }
    }

    /** {@code y += alpha x}, with SIMD, over the cores when it is long. */
    static void axpy(float alpha, float[] x, float[] y) {
        inParts(y.length, (from, to) -> axpy(alpha, x, y, from, to));
    }

    /** {@code kernel} over {@code [0, n)}: on this thread below {@link #SPLIT} elements, else one equal part per core. */
    private static void inParts(int n, Range kernel) {
        int parts = n < SPLIT ? 1 : Parallel.CORES;
        Parallel.forEach(parts, p -> kernel.run((int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)));
    }

    /** A kernel over the elements {@code [from, to)}. */
    private interface Range {
        void run(int from, int to);
    }

    private static void axpy(float alpha, float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {   // a plain loop: the JIT makes it SIMD (and runs it well before that)
            y[i] = Math.fma(x[i], alpha, y[i]);
        }
    }

    private static float pow(float x, float p) {
        if (p == 2) {
            return x * x;
        }
        return p == 1 ? x : (float) StrictMath.pow(x, p);
    }

    /**
     * Broadcasting: both shapes are right-aligned against {@code outShape}; an axis of size 1 in an input gets a
     * stride of 0, so the same value is read again. The last axis is the inner loop.
     */
    static void zip(BinaryOp op, float[] a, int[] aShape, float[] b, int[] bShape, float[] out, int[] outShape) {
        int n = out.length;
        if (a.length == n && b.length == n) {
            int chunks = (n + CHUNK - 1) / CHUNK;
            Parallel.forEach(Math.max(chunks, 1), c -> combine(op, a, c * CHUNK, 1, b, c * CHUNK, 1,
                    out, c * CHUNK, Math.min(n, (c + 1) * CHUNK) - c * CHUNK));
            return;
        }
        int[] aStride = broadcastStrides(aShape, outShape), bStride = broadcastStrides(bShape, outShape);
        int[] shape = outShape.clone();
        int rank = merge(shape, aStride, bStride);
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int rows = inner == 0 ? 0 : n / inner;
        int rowsPerChunk = Math.max(1, CHUNK / Math.max(inner, 1)), chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        Parallel.forEach(Math.max(chunks, 1), c -> combineRows(op, a, aStride, b, bStride, out, shape, rank,
                c * rowsPerChunk, Math.min(rows, (c + 1) * rowsPerChunk)));
    }

    /** Rows {@code [from, to)} of a broadcasting combination: the last axis is the inner loop. */
    private static void combineRows(BinaryOp op, float[] a, int[] aStride, float[] b, int[] bStride, float[] out,
                                    int[] shape, int rank, int from, int to) {
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int aInner = rank == 0 ? 0 : aStride[rank - 1], bInner = rank == 0 ? 0 : bStride[rank - 1];
        int[] index = new int[rank];
        int aBase = 0, bBase = 0;
        for (int d = rank - 2, rest = from; d >= 0; d--) {   // where row `from` starts
            index[d] = rest % shape[d];
            rest /= shape[d];
            aBase += index[d] * aStride[d];
            bBase += index[d] * bStride[d];
        }
        for (int r = from; r < to; r++) {
            combine(op, a, aBase, aInner, b, bBase, bInner, out, r * inner, inner);
            // advance the odometer over all axes but the last
            for (int d = rank - 2; d >= 0; d--) {
                index[d]++;
                aBase += aStride[d];
                bBase += bStride[d];
                if (index[d] < shape[d]) {
                    break;
                }
                aBase -= aStride[d] * shape[d];
                bBase -= bStride[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    /**
     * Merges neighbouring axes that both inputs walk the same way (both in step, or both broadcast), so that the
     * inner loop is as long as possible: adding a bias {@code [1, 6, 1, 1]} to {@code [64, 6, 28, 28]} becomes
     * rows of 784. Rewrites the arrays in place and returns the new rank.
     */
    private static int merge(int[] shape, int[] aStride, int[] bStride) {
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (rank > 0 && mergeable(aStride, rank - 1, d, shape[d]) && mergeable(bStride, rank - 1, d, shape[d])) {
                shape[rank - 1] *= shape[d];
                aStride[rank - 1] = aStride[d];
                bStride[rank - 1] = bStride[d];
            } else {
                shape[rank] = shape[d];
                aStride[rank] = aStride[d];
                bStride[rank] = bStride[d];
                rank++;
            }
        }
        return rank;
    }

    private static boolean mergeable(int[] stride, int outer, int inner, int innerSize) {
        return stride[outer] == stride[inner] * innerSize;   // both 0 (broadcast) or contiguous
    }

    /** Row-major strides of {@code shape} seen inside {@code outShape}: 0 where the axis is broadcast. */
    private static int[] broadcastStrides(int[] shape, int[] outShape) {
        int rank = outShape.length, offset = rank - shape.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d + offset] = shape[d] == 1 ? 0 : stride;
            stride *= shape[d];
        }
        return strides;
    }

    /**
     * {@code out[oi + i] = op(a[ai + i * as], b[bi + i * bs])} for {@code i < len}. The common cases (both inputs in
     * step, or one of them a single repeated number) get loops the JIT turns into SIMD code.
     */
    private static void combine(BinaryOp op, float[] a, int ai, int as, float[] b, int bi, int bs,
                                float[] out, int oi, int len) {
        if (as == 1 && bs == 1) {
            switch (op) {
                case ADD -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] + b[bi + i]; }
                case SUB -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] - b[bi + i]; }
                case MUL -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] * b[bi + i]; }
                case DIV -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] / b[bi + i]; }
                case WHERE_POSITIVE -> wherePositive(a, ai, b, bi, out, oi, len);
                default -> strided(op, a, ai, as, b, bi, bs, out, oi, len);
            }
        } else if (as == 1 && bs == 0) {
            float v = b[bi];
            switch (op) {
                case ADD -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] + v; }
                case SUB -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] - v; }
                case MUL -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] * v; }
                case DIV -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i] / v; }
                default -> strided(op, a, ai, as, b, bi, bs, out, oi, len);
            }
        } else {
            strided(op, a, ai, as, b, bi, bs, out, oi, len);
        }
    }

    /**
     * {@code out = b > 0 ? a : 0} (the gradient through a ReLU) with SIMD: as a plain loop the JIT keeps the
     * branch, which the random signs of activations mispredict half the time.
     */
    static void wherePositive(float[] a, int ai, float[] b, int bi, float[] out, int oi, int len) {
        VectorSpecies<Float> s = Gemm.SPECIES;
        FloatVector zero = FloatVector.zero(s);
        int i = 0;
        for (int end = s.loopBound(len); i < end; i += s.length()) {
            VectorMask<Float> positive = FloatVector.fromArray(s, b, bi + i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(s, a, ai + i), positive).intoArray(out, oi + i);
        }
        for (; i < len; i++) {
            out[oi + i] = b[bi + i] > 0 ? a[ai + i] : 0f;
        }
    }

    private static void strided(BinaryOp op, float[] a, int ai, int as, float[] b, int bi, int bs,
                                float[] out, int oi, int len) {
        switch (op) {
            case ADD -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i * as] + b[bi + i * bs]; }
            case SUB -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i * as] - b[bi + i * bs]; }
            case MUL -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i * as] * b[bi + i * bs]; }
            case DIV -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i * as] / b[bi + i * bs]; }
            case GT -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i * as] > b[bi + i * bs] ? 1f : 0f; }
            case LT -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i * as] < b[bi + i * bs] ? 1f : 0f; }
            case EQ -> { for (int i = 0; i < len; i++) out[oi + i] = a[ai + i * as] == b[bi + i * bs] ? 1f : 0f; }
            case WHERE_POSITIVE -> {
                for (int i = 0; i < len; i++) out[oi + i] = b[bi + i * bs] > 0 ? a[ai + i * as] : 0f;
            }
            default -> throw new IllegalArgumentException("unknown zip " + op);
        }
    }

    /** {@code out[j] = x[i]} where the index of {@code j} is the index of {@code i} with its axes reordered. */
    static void permute(float[] x, int[] shape, int[] axes, float[] out) {
        int rank = shape.length;
        if (rank == 2 && axes[0] == 1) {
            transpose(x, shape[0], shape[1], out);
            return;
        }
        int[] inStride = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            inStride[d] = s;
            s *= shape[d];
        }
        int[] outShape = new int[rank], stride = new int[rank];
        for (int d = 0; d < rank; d++) {
            outShape[d] = shape[axes[d]];
            stride[d] = inStride[axes[d]];
        }
        int[] index = new int[rank];
        int source = 0;
        for (int j = 0; j < out.length; j++) {
            out[j] = x[source];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                source += stride[d];
                if (index[d] < outShape[d]) {
                    break;
                }
                source -= stride[d] * outShape[d];
                index[d] = 0;
            }
        }
    }

    /** {@code out[c, r] = x[r, c]}, in 32 x 32 tiles so both sides stay in cache. */
    private static void transpose(float[] x, int rows, int cols, float[] out) {
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int rEnd = Math.min(rows, r0 + tile), cEnd = Math.min(cols, c0 + tile);
                for (int r = r0; r < rEnd; r++) {
                    for (int c = c0; c < cEnd; c++) {
                        out[c * rows + r] = x[r * cols + c];
                    }
                }
            }
        }
    }
}
