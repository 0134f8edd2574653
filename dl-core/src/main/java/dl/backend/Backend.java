package dl.backend;

/**
 * The one place that knows where the numbers live. A backend owns storages and runs the primitive kernels on
 * them; tensors, autograd, layers and optimizers above it never ask which device they are on. A device provides
 * these kernels, and only these:
 * <pre>
 *   memory        allocate, upload, uploadRows (a batch's rows), download, fill, copyBlocks (slice, concat, pad),
 *                 permute; optionally allocateForOverwrite and stepMemory (reuse of a training step's memory)
 *   element-wise  map (UnaryOp: exp log abs sign relu leaky_relu leaky_step sigmoid tanh, x+a x*a x^a max min),
 *                 zip (BinaryOp, broadcast: add sub mul div gt lt eq where_positive), axpy (y += a x)
 *   reductions    reduce (ReduceOp over one axis: sum max argmax), softmax and log-softmax of rows
 *   linear        matmul (a batch of products, either side transposed, accumulating or not)
 *   images, NCHW  conv2d, conv2dBackwardInput, conv2dBackwardWeight, maxPool, maxPoolBackward, avgPool,
 *                 avgPoolBackward; optionally conv2dMaxPool and conv2dMaxPoolBackwardWeight (the two together),
 *                 and reluConv2d, reluConv2dMaxPool and their backward kernels (a ReLU before the convolution)
 * </pre>
 * All tensors are dense and row-major (the last axis varies fastest). Kernels take storages, sizes and op codes,
 * never lambdas and never tensors, so that a GPU can implement the same list; {@code ReferenceBackend} is the
 * plainest implementation, and every other is tested against it. Adding a kernel here is a design decision:
 * write it down in ARCHITECTURE.md.
 */
public interface Backend {

    /** The device whose kernels these are, for messages and for {@code Tensor.device()}. */
    Device device();

    // ---- memory -----------------------------------------------------------------------------------------

    /** A new storage of {@code length} zeros, that no training step reuses. */
    Storage allocate(int length);

    /**
     * A new storage that an op's kernel is about to overwrite whole: zeros, or within a training step memory that
     * the last step used, as it was ({@link StepMemory}). Saves writing zeros that nobody reads.
     */
    default Storage allocateForOverwrite(int length) {
        return allocate(length);
    }

    /** Starts reusing the temporaries of training steps on this thread (see {@link StepMemory}). */
    default StepMemory stepMemory() {
        return StepMemory.NONE;
    }

    /** A new storage holding a copy of {@code values}. */
    Storage upload(float[] values);

    /**
     * A new storage holding rows {@code rows} of {@code values}, one after another, where {@code values} holds rows
     * of {@code rowLength} numbers: a batch gathered from a dataset in memory (PyTorch's {@code index_select}).
     * Within a training step it may be memory that the last step's batch used ({@link StepMemory}).
     */
    Storage uploadRows(float[] values, int rowLength, int[] rows);

    /** A copy of the numbers, on the heap. */
    float[] download(Storage s);

    void fill(Storage s, float value);

    /**
     * Copies {@code count} blocks of {@code blockLength} floats: block {@code i} goes from
     * {@code src[srcOffset + i * srcStride ...]} to {@code dst[dstOffset + i * dstStride ...]}. Slicing,
     * concatenation and padding along an axis are all this one copy.
     */
    void copyBlocks(Storage src, int srcOffset, int srcStride,
                    Storage dst, int dstOffset, int dstStride, int blockLength, int count);

    /** Reorders the axes: {@code out} has shape {@code shape[axes[0]], shape[axes[1]], ...}. */
    void permute(Storage x, int[] shape, int[] axes, Storage out);

    // ---- element-wise -----------------------------------------------------------------------------------

    /** {@code out[i] = op(x[i], alpha)}. {@code out} may be {@code x}. */
    void map(UnaryOp op, Storage x, float alpha, Storage out);

    /**
     * {@code out = op(a, b)} with NumPy broadcasting: the shapes are aligned at the right, and an axis of size 1
     * (or a missing one) is repeated. {@code outShape} is the broadcast shape.
     */
    void zip(BinaryOp op, Storage a, int[] aShape, Storage b, int[] bShape, Storage out, int[] outShape);

    /** {@code y[i] += alpha x[i]} (BLAS's axpy), in place: an optimizer's step without temporaries. */
    void axpy(float alpha, Storage x, Storage y);

    // ---- reductions -------------------------------------------------------------------------------------

    /**
     * Reduces the middle axis of {@code x} seen as {@code [outer, n, inner]}: {@code out} has
     * {@code outer * inner} elements.
     */
    void reduce(ReduceOp op, Storage x, int outer, int n, int inner, Storage out);

    /** Softmax (or log-softmax) of each row of {@code x} seen as {@code [rows, cols]}, computed stably. */
    void softmax(Storage x, int rows, int cols, boolean log, Storage out);

    // ---- matrix multiply --------------------------------------------------------------------------------

    /**
     * {@code batch} independent products {@code C = op(A) op(B)} (plus {@code C} when {@code accumulate}), where
     * {@code op(A)} is {@code [m, k]} and {@code op(B)} is {@code [k, n]}. Each operand is a stack of
     * {@code batch} dense matrices; {@code transA} means A is stored as {@code [k, m]}. A stride of 0 for A or B
     * reuses one matrix for the whole batch.
     */
    void matmul(Storage a, boolean transA, int strideA, Storage b, boolean transB, int strideB,
                Storage c, int batch, int m, int n, int k, boolean accumulate);

    // ---- convolution and pooling (NCHW) -----------------------------------------------------------------

    /**
     * {@code y[b, f] = sum_c x[b, c] (*) w[f, c] + bias[f]}, cross-correlation; {@code bias} (one number per filter)
     * may be null. Overwrites {@code y}. With {@code forWeightGradient}, returns what the backend wants to keep
     * for {@link #conv2dBackwardWeight} (the CPU: the padded or unrolled images), or null.
     */
    Storage conv2d(Storage x, Storage w, Storage bias, Storage y, ConvGeometry g, boolean forWeightGradient);

    /** {@code dx = dL/dx} of {@link #conv2d} given {@code dy}: overwrites {@code dx}. */
    void conv2dBackwardInput(Storage dy, Storage w, Storage dx, ConvGeometry g);

    /**
     * {@code dw = dL/dw} of {@link #conv2d} given {@code dy}: overwrites {@code dw}. {@code kept} is what
     * {@link #conv2d} returned (possibly null). With {@code db} (one number per filter, or null), also the bias's
     * gradient {@code db[f] = sum over the batch and the positions of dy[., f, ., .]}, while {@code dy} is at hand.
     */
    void conv2dBackwardWeight(Storage x, Storage kept, Storage dy, Storage dw, Storage db, ConvGeometry g);

    /**
     * {@link #conv2d} followed by {@link #maxPool} of its output ({@code pool} is that pooling's geometry): the numbers
     * of the two, into {@code y} and {@code argmax}, without keeping the convolution's output. A backend may compute
     * the two together; by default it runs one after the other. Returns what {@link #conv2d} keeps.
     */
    default Storage conv2dMaxPool(Storage x, Storage w, Storage bias, Storage y, Storage argmax, ConvGeometry g,
                                  PoolGeometry pool, boolean forWeightGradient) {
        Storage convolved = allocateForOverwrite(g.batch() * g.filters() * g.outHeight() * g.outWidth());
        Storage kept = conv2d(x, w, bias, convolved, g, forWeightGradient);
        maxPool(convolved, y, argmax, pool);
        return kept;
    }

    /**
     * {@link #conv2dBackwardWeight} of a {@link #conv2dMaxPool}, given the pooled {@code dy} and its {@code argmax}:
     * what the convolution's input needs no gradient (a first layer). By default {@link #maxPoolBackward} first
     * routes {@code dy} to the winners, into a gradient of the whole convolution's output.
     */
    default void conv2dMaxPoolBackwardWeight(Storage x, Storage kept, Storage dy, Storage argmax, Storage dw,
                                             Storage db, ConvGeometry g, PoolGeometry pool) {
        Storage convolved = allocateForOverwrite(g.batch() * g.filters() * g.outHeight() * g.outWidth());
        maxPoolBackward(dy, argmax, convolved, pool);
        conv2dBackwardWeight(x, kept, convolved, dw, db, g);
    }

    /**
     * {@link #conv2d} of {@code relu(x)}: a ReLU whose output only the convolution reads. A backend may apply the ReLU
     * as it reads {@code x}; by default it makes {@code relu(x)} first. Returns what {@link #conv2d} keeps.
     */
    default Storage reluConv2d(Storage x, Storage w, Storage bias, Storage y, ConvGeometry g,
                               boolean forWeightGradient) {
        return conv2d(relu(x, g), w, bias, y, g, forWeightGradient);
    }

    /** {@link #conv2dMaxPool} of {@code relu(x)}, as {@link #reluConv2d}. */
    default Storage reluConv2dMaxPool(Storage x, Storage w, Storage bias, Storage y, Storage argmax, ConvGeometry g,
                                      PoolGeometry pool, boolean forWeightGradient) {
        return conv2dMaxPool(relu(x, g), w, bias, y, argmax, g, pool, forWeightGradient);
    }

    /**
     * {@code dx = dL/dx} of {@link #reluConv2d}: {@link #conv2dBackwardInput}, where {@code x > 0}, else 0 (the
     * ReLU's gradient). Overwrites {@code dx}.
     */
    default void reluConv2dBackwardInput(Storage dy, Storage w, Storage x, Storage dx, ConvGeometry g) {
        conv2dBackwardInput(dy, w, dx, g);
        int[] shape = {g.batch() * g.channels() * g.height() * g.width()};
        zip(BinaryOp.WHERE_POSITIVE, dx, shape, x, shape, dx, shape);
    }

    /** {@code dw = dL/dw} (and {@code db}) of {@link #reluConv2d}: {@link #conv2dBackwardWeight} of {@code relu(x)}. */
    default void reluConv2dBackwardWeight(Storage x, Storage kept, Storage dy, Storage dw, Storage db,
                                          ConvGeometry g) {
        conv2dBackwardWeight(relu(x, g), kept, dy, dw, db, g);
    }

    private Storage relu(Storage x, ConvGeometry g) {
        Storage out = allocateForOverwrite(g.batch() * g.channels() * g.height() * g.width());
        map(UnaryOp.RELU, x, 0, out);
        return out;
    }

    /** Max over each window; {@code argmax} receives the flat index (within the image plane) of each winner. */
    void maxPool(Storage x, Storage y, Storage argmax, PoolGeometry g);

    /** Routes each {@code dy} to the input cell that won its window: overwrites {@code dx}. */
    void maxPoolBackward(Storage dy, Storage argmax, Storage dx, PoolGeometry g);

    /** Mean over each window (padding counts as zeros). */
    void avgPool(Storage x, Storage y, PoolGeometry g);

    /** Spreads each {@code dy} evenly over its window: overwrites {@code dx}. */
    void avgPoolBackward(Storage dy, Storage dx, PoolGeometry g);
}
