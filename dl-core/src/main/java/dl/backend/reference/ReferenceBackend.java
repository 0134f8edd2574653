package dl.backend.reference;

import dl.backend.Backend;
import dl.backend.BinaryOp;
import dl.backend.ConvGeometry;
import dl.backend.Device;
import dl.backend.PoolGeometry;
import dl.backend.ReduceOp;
import dl.backend.Storage;
import dl.backend.UnaryOp;

/**
 * The backend written to be read, not to be fast: every kernel is the loop its definition in {@link Backend}
 * describes, one output number at a time, summing in double; no SIMD, no threads, no memory reused. It runs on any
 * machine ({@code DL_DEVICE=reference}), the whole test suite runs on it, and the fast backends are compared with
 * it kernel by kernel. The images' kernels are in {@link ReferenceImages}, the element-wise functions in
 * {@link Scalars}.
 */
public final class ReferenceBackend implements Backend {

    public static final ReferenceBackend INSTANCE = new ReferenceBackend();

    private ReferenceBackend() {
    }

    @Override
    public Device device() {
        return Device.reference();
    }

    static float[] data(Storage s) {
        if (s instanceof ReferenceStorage r) {
            return r.data;
        }
        throw new IllegalArgumentException("the reference device was given a tensor of the " + s.backend().device()
                + " device; move it with .to(Device.reference()) first");
    }

    // ---- memory -----------------------------------------------------------------------------------------

    @Override
    public Storage allocate(int length) {
        return new ReferenceStorage(new float[length]);
    }

    @Override
    public Storage upload(float[] values) {
        return new ReferenceStorage(values.clone());
    }

    @Override
    public Storage uploadRows(float[] values, int rowLength, int[] rows) {
        float[] out = new float[rows.length * rowLength];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < rowLength; i++) {
                out[r * rowLength + i] = values[rows[r] * rowLength + i];
            }
        }
        return new ReferenceStorage(out);
    }

    @Override
    public float[] download(Storage s) {
        return data(s).clone();
    }

    @Override
    public void fill(Storage s, float value) {
        float[] x = data(s);
        for (int i = 0; i < x.length; i++) {
            x[i] = value;
        }
    }

    @Override
    public void copyBlocks(Storage src, int srcOffset, int srcStride, Storage dst, int dstOffset, int dstStride,
                           int blockLength, int count) {
        float[] from = data(src), to = data(dst);
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < blockLength; i++) {
                to[dstOffset + b * dstStride + i] = from[srcOffset + b * srcStride + i];
            }
        }
    }

    /** {@code out[i_0, ..., i_r] = x[j]} where {@code j}'s index along axis {@code axes[d]} is {@code i_d}. */
    @Override
    public void permute(Storage x, int[] shape, int[] axes, Storage out) {
        float[] in = data(x), o = data(out);
        int[] inStrides = strides(shape), outShape = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            outShape[d] = shape[axes[d]];
        }
        for (int j = 0; j < o.length; j++) {
            int[] index = unravel(j, outShape);
            int source = 0;
            for (int d = 0; d < index.length; d++) {
                source += index[d] * inStrides[axes[d]];
            }
            o[j] = in[source];
        }
    }

    // ---- element-wise -----------------------------------------------------------------------------------

    @Override
    public void map(UnaryOp op, Storage x, float alpha, Storage out) {
        float[] in = data(x), o = data(out);
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) Scalars.map(op, in[i], alpha);
        }
    }

    /** Each output index, right-aligned with each input's shape; an input axis of size 1 is read at 0. */
    @Override
    public void zip(BinaryOp op, Storage a, int[] aShape, Storage b, int[] bShape, Storage out, int[] outShape) {
        float[] av = data(a), bv = data(b), o = data(out);
        for (int j = 0; j < o.length; j++) {
            int[] index = unravel(j, outShape);
            o[j] = (float) Scalars.zip(op, av[broadcastIndex(index, aShape)], bv[broadcastIndex(index, bShape)]);
        }
    }

    @Override
    public void axpy(float alpha, Storage x, Storage y) {
        float[] xv = data(x), yv = data(y);
        for (int i = 0; i < yv.length; i++) {
            yv[i] = (float) (yv[i] + (double) alpha * xv[i]);
        }
    }

    // ---- reductions -------------------------------------------------------------------------------------

    @Override
    public void reduce(ReduceOp op, Storage x, int outer, int n, int inner, Storage out) {
        float[] in = data(x), o = data(out);
        for (int a = 0; a < outer; a++) {
            for (int c = 0; c < inner; c++) {
                double sum = 0;
                int best = 0;
                for (int j = 0; j < n; j++) {
                    float v = in[(a * n + j) * inner + c];
                    sum += v;
                    best = v > in[(a * n + best) * inner + c] ? j : best;   // the first of equal maxima
                }
                o[a * inner + c] = switch (op) {
                    case SUM -> (float) sum;
                    case MAX -> in[(a * n + best) * inner + c];
                    case ARGMAX -> best;
                };
            }
        }
    }

    /** {@code softmax(x)_j = e^(x_j - m) / sum_k e^(x_k - m)}, {@code m = max_k x_k}; its log for {@code log}. */
    @Override
    public void softmax(Storage x, int rows, int cols, boolean log, Storage out) {
        float[] in = data(x), o = data(out);
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, in[r * cols + j]);
            }
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(in[r * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                double shifted = in[r * cols + j] - max;
                o[r * cols + j] = (float) (log ? shifted - Math.log(sum) : Math.exp(shifted) / sum);
            }
        }
    }

    // ---- matrix multiply --------------------------------------------------------------------------------

    /** {@code C[i, j] = sum_p op(A)[i, p] op(B)[p, j]}, for each of the batch. */
    @Override
    public void matmul(Storage a, boolean transA, int strideA, Storage b, boolean transB, int strideB,
                       Storage c, int batch, int m, int n, int k, boolean accumulate) {
        float[] av = data(a), bv = data(b), cv = data(c);
        for (int t = 0; t < batch; t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = accumulate ? cv[t * m * n + i * n + j] : 0;
                    for (int p = 0; p < k; p++) {
                        float aip = transA ? av[t * strideA + p * m + i] : av[t * strideA + i * k + p];
                        float bpj = transB ? bv[t * strideB + j * k + p] : bv[t * strideB + p * n + j];
                        sum += (double) aip * bpj;
                    }
                    cv[t * m * n + i * n + j] = (float) sum;
                }
            }
        }
    }

    // ---- convolution and pooling ------------------------------------------------------------------------

    @Override
    public Storage conv2d(Storage x, Storage w, Storage bias, Storage y, ConvGeometry g, boolean forWeightGradient) {
        ReferenceImages.conv2d(data(x), data(w), bias == null ? null : data(bias), data(y), g);
        return null;
    }

    @Override
    public void conv2dBackwardInput(Storage dy, Storage w, Storage dx, ConvGeometry g) {
        ReferenceImages.conv2dBackwardInput(data(dy), data(w), data(dx), g);
    }

    @Override
    public void conv2dBackwardWeight(Storage x, Storage kept, Storage dy, Storage dw, Storage db, ConvGeometry g) {
        ReferenceImages.conv2dBackwardWeight(data(x), data(dy), data(dw), db == null ? null : data(db), g);
    }

    @Override
    public void maxPool(Storage x, Storage y, Storage argmax, PoolGeometry g) {
        ReferenceImages.maxPool(data(x), data(y), data(argmax), g);
    }

    @Override
    public void maxPoolBackward(Storage dy, Storage argmax, Storage dx, PoolGeometry g) {
        ReferenceImages.maxPoolBackward(data(dy), data(argmax), data(dx), g);
    }

    @Override
    public void avgPool(Storage x, Storage y, PoolGeometry g) {
        ReferenceImages.avgPool(data(x), data(y), g);
    }

    @Override
    public void avgPoolBackward(Storage dy, Storage dx, PoolGeometry g) {
        ReferenceImages.avgPoolBackward(data(dy), data(dx), g);
    }

    // ---- indices ----------------------------------------------------------------------------------------

    /** Row-major strides: the last axis 1, each axis before it the product of the sizes after it. */
    private static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        for (int d = shape.length - 1, stride = 1; d >= 0; d--) {
            s[d] = stride;
            stride *= shape[d];
        }
        return s;
    }

    /** The index along each axis of flat position {@code flat} in {@code shape}. */
    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    /** The flat position in {@code shape} that output index {@code index} reads, broadcasting from the right. */
    private static int broadcastIndex(int[] index, int[] shape) {
        int offset = index.length - shape.length, flat = 0;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + (shape[d] == 1 ? 0 : index[d + offset]);
        }
        return flat;
    }
}
