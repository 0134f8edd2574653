package dl.tensor;

import dl.autograd.Backprop;
import dl.autograd.NoGrad;
import dl.autograd.Op;
import dl.autograd.ops.Arithmetic;
import dl.autograd.ops.AvgPool2d;
import dl.autograd.ops.Clamp;
import dl.autograd.ops.Concat;
import dl.autograd.ops.Conv2d;
import dl.autograd.ops.Copy;
import dl.autograd.ops.MatMul;
import dl.autograd.ops.MaxPool2d;
import dl.autograd.ops.Pad;
import dl.autograd.ops.Permute;
import dl.autograd.ops.Reduce;
import dl.autograd.ops.Reshape;
import dl.autograd.ops.Slice;
import dl.autograd.ops.Softmax;
import dl.autograd.ops.Unary;
import dl.backend.Backend;
import dl.backend.BinaryOp;
import dl.backend.Device;
import dl.backend.ReduceOp;
import dl.backend.Storage;
import dl.backend.UnaryOp;
import java.util.Arrays;
import java.util.Random;

/**
 * An n-dimensional array of float32 numbers, row-major (the last axis varies fastest), that remembers how it was
 * computed so that {@link #backward()} can fill in gradients, as in PyTorch and micrograd.
 *
 * <pre>{@code
 * var w = Tensor.randn(new Random(0), 784, 10).requiresGrad();
 * var loss = x.matmul(w).relu().sum();
 * loss.backward();          // w.grad() now holds dL/dw
 * }</pre>
 *
 * <p>The numbers live in a {@link Storage} of a {@link Backend}: the {@link Device} current when the tensor was
 * made, or the one it was moved to. Every method here is device-blind. Operations never change a tensor in place,
 * except the few named so ({@link #zeroGrad()}, {@link #copyFrom}, {@link #mulInPlace}, {@link #addInPlace},
 * {@link #subInPlace}); {@link #reshape} shares the numbers, everything else makes new ones.
 */
public final class Tensor {

    private final int[] shape;
    private Storage storage;
    private boolean gradRequired;
    private Tensor grad;
    private Op creator;

    private Tensor(Storage storage, int[] shape) {
        if (storage.length() != Shapes.size(shape)) {
            throw new IllegalArgumentException("shape " + Shapes.str(shape) + " needs " + Shapes.size(shape)
                    + " numbers, got " + storage.length());
        }
        this.storage = storage;
        this.shape = shape;
    }

    // ---- creation ---------------------------------------------------------------------------------------

    /** A tensor over existing numbers (used by ops and backends). */
    public static Tensor wrap(Storage storage, int... shape) {
        return new Tensor(storage, Shapes.check("wrap", shape));
    }

    /** A new tensor of zeros on {@code backend}. */
    public static Tensor empty(Backend backend, int... shape) {
        return new Tensor(backend.allocate(Shapes.size(Shapes.check("zeros", shape))), shape.clone());
    }

    /**
     * A tensor that an op's kernel is about to overwrite whole (its output): the numbers are unspecified until
     * then, which spares writing zeros nobody reads, and within a training step the backend may give it memory that
     * the last step used (see {@link Backend#allocateForOverwrite}).
     */
    public static Tensor output(Backend backend, int... shape) {
        return new Tensor(backend.allocateForOverwrite(Shapes.size(Shapes.check("output", shape))), shape.clone());
    }

    /** Zeros of the given shape, on the current device ({@link Device#current()}). */
    public static Tensor zeros(int... shape) {
        return empty(Device.current().backend(), shape);
    }

    /** Ones of the given shape. */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** Every element {@code value}. */
    public static Tensor full(double value, int... shape) {
        Tensor t = zeros(shape);
        t.backend().fill(t.storage, (float) value);
        return t;
    }

    /** A scalar (rank 0). */
    public static Tensor scalar(double value) {
        return full(value, new int[0]);
    }

    /**
     * A copy of {@code values} laid out in {@code shape} (row-major), on the current device; with no shape, a 1-D
     * tensor. Every factory below creates its tensor through this one, {@link #zeros} or {@link #ofRows}.
     */
    public static Tensor of(float[] values, int... shape) {
        int[] s = shape.length == 0 ? new int[] {values.length} : shape.clone();
        if (values.length != Shapes.size(Shapes.check("of", s))) {
            throw new IllegalArgumentException("of: " + values.length + " values do not fill shape "
                    + Shapes.str(s) + " (" + Shapes.size(s) + " elements)");
        }
        return new Tensor(Device.current().backend().upload(values), s);
    }

    /**
     * Rows {@code rows} of {@code values}, an array of rows shaped {@code rowShape} one after another: a tensor of
     * shape {@code [rows.length, ...rowShape]} (PyTorch's {@code index_select} on the first axis). A data loader
     * builds its batches with it.
     */
    public static Tensor ofRows(float[] values, int[] rows, int... rowShape) {
        int rowLength = Shapes.size(Shapes.check("ofRows", rowShape));
        int count = values.length / Math.max(rowLength, 1);
        for (int r : rows) {
            if (r < 0 || r >= count) {
                throw new IndexOutOfBoundsException("ofRows: row " + r + " is outside the " + count + " rows of "
                        + Shapes.str(rowShape) + " that the " + values.length + " values hold");
            }
        }
        int[] shape = new int[rowShape.length + 1];
        shape[0] = rows.length;
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        return new Tensor(Device.current().backend().uploadRows(values, rowLength, rows), shape);
    }

    /** A matrix from rows, e.g. {@code Tensor.of(new float[][] {{1, 2}, {3, 4}})}. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] values = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("of: row " + r + " has " + rows[r].length + " values, row 0 has "
                        + cols + "; every row needs the same length");
            }
            System.arraycopy(rows[r], 0, values, r * cols, cols);
        }
        return of(values, rows.length, cols);
    }

    /** The numbers as a student types them, {@code Tensor.of(new double[] {0.5, 1.5})}, stored as float32. */
    public static Tensor of(double[] values, int... shape) {
        return of(toFloats(values), shape);
    }

    /** A matrix from rows typed as doubles: {@code Tensor.of(new double[][] {{0.5, 1}, {2, 3}})}. */
    public static Tensor of(double[][] rows) {
        float[][] floats = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            floats[r] = toFloats(rows[r]);
        }
        return of(floats);
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /** {@code 0, 1, ..., n-1}. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** {@code start, start + step, ...} below {@code end}. */
    public static Tensor arange(double start, double end, double step) {
        float from = (float) start;
        float by = (float) step;
        if (by == 0 || ((float) end - from) / by < 0) {
            throw new IllegalArgumentException("arange: from " + start + " to " + end + " by " + step
                    + " never gets there; the step must point from start towards end");
        }
        int n = (int) Math.ceil(((float) end - from) / by);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = from + i * by;
        }
        return of(values);
    }

    /** Uniform in {@code [0, 1)}, from the generator {@code rng} (seed it for a run that repeats). */
    public static Tensor rand(Random rng, int... shape) {
        float[] values = new float[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextFloat();
        }
        return of(values, shape);
    }

    /** Standard normal: mean 0, standard deviation 1. */
    public static Tensor randn(Random rng, int... shape) {
        float[] values = new float[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextGaussian();
        }
        return of(values, shape);
    }

    /**
     * Normal with mean 0 and standard deviation {@code stddev}, redrawn until it falls within two standard
     * deviations (TensorFlow's {@code truncated_normal}, the course's default initializer with stddev 0.1).
     */
    public static Tensor truncatedNormal(Random rng, double stddev, int... shape) {
        float sigma = (float) stddev;
        float[] values = new float[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            double z;
            do {
                z = rng.nextGaussian();
            } while (Math.abs(z) > 2);
            values[i] = (float) (z * sigma);
        }
        return of(values, shape);
    }

    /** A mask for dropout: each element 1 with probability {@code keep}, else 0. */
    public static Tensor bernoulli(Random rng, double keep, int... shape) {
        float p = (float) keep;
        float[] values = new float[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextFloat() < p ? 1f : 0f;
        }
        return of(values, shape);
    }

    /** Rows of zeros with a 1 at each label: {@code oneHot([2, 0], 3) = [[0, 0, 1], [1, 0, 0]]}. */
    public static Tensor oneHot(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("oneHot: label " + labels[i] + " at position " + i
                        + " is outside 0.." + (classes - 1));
            }
            values[i * classes + labels[i]] = 1f;
        }
        return of(values, labels.length, classes);
    }

    // ---- facts ------------------------------------------------------------------------------------------

    /** The sizes of the axes (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one axis; -1 is the last. */
    public int size(int axis) {
        return shape[Shapes.axis("size", axis, shape.length)];
    }

    /** The number of axes. */
    public int rank() {
        return shape.length;
    }

    /** The number of elements. */
    public int numel() {
        return storage.length();
    }

    /**
     * Where the numbers live: the storage the ops hand to the backend's kernels. Every read and write goes through
     * here, so it fails, rather than show another step's numbers, if a training step's memory was given on while
     * this tensor still held it ({@link dl.backend.StepMemory}); dl-core's own code never lets that happen.
     */
    public Storage storage() {
        if (storage.isReused()) {
            throw new IllegalStateException("the memory of this tensor " + Shapes.str(shape) + " was given to a later"
                    + " training step while the tensor still held it: dl-core's code kept a tensor of a step beyond"
                    + " it, which is a bug of dl-core to report");
        }
        return storage;
    }

    /** The backend whose kernels run the ops on this tensor: its device's. */
    public Backend backend() {
        return storage.backend();
    }

    /** Where the numbers live and the ops on them run: the device current when it was made, or {@link #to}'s. */
    public Device device() {
        return storage.backend().device();
    }

    /** A copy of all the numbers, row-major. */
    public float[] toFloatArray() {
        return backend().download(storage());
    }

    /** The one number of a tensor of one element (a loss, say). */
    public float item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: the tensor has shape " + Shapes.str(shape) + " (" + numel()
                    + " elements); item() needs exactly one. Reduce it first, e.g. .sum() or .mean()");
        }
        return toFloatArray()[0];
    }

    /** The element at {@code index} (one number per axis). Slow: for reading, not for loops. */
    public float get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of rank " + rank()
                    + " " + Shapes.str(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("get: index " + index[d] + " on axis " + d + " of size "
                        + shape[d]);
            }
            flat = flat * shape[d] + index[d];
        }
        return toFloatArray()[flat];
    }

    // ---- autograd ---------------------------------------------------------------------------------------

    /** Asks for {@code dL/dthis} to be kept in {@link #grad()} by {@link #backward()}; returns this tensor. */
    public Tensor requiresGrad() {
        if (creator != null) {
            throw new IllegalStateException("requiresGrad: only tensors made directly (leaves) can ask for a gradient;"
                    + " this one was computed by " + creator.name() + ". Use .detach().requiresGrad()");
        }
        gradRequired = true;
        return this;
    }

    /** Whether a gradient flows to this tensor (it asked for one, or it was computed from one that did). */
    public boolean isGradRequired() {
        return gradRequired;
    }

    /** {@code dL/dthis} after {@link #backward()}, or null before; gradients of several backward calls add up. */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the gradient, before the next step's backward. */
    public void zeroGrad() {
        grad = null;
    }

    /**
     * The same numbers, cut from the graph: no gradient flows through it. It shares the numbers, so changing it in
     * place changes this tensor too (and a graph that read them refuses to backpropagate).
     */
    public Tensor detach() {
        return new Tensor(storage, shape);
    }

    /**
     * A copy of the numbers in new memory; gradients flow through it to this tensor (PyTorch's {@code clone()}).
     * What to compute with before changing this tensor in place.
     */
    public Tensor copy() {
        return Copy.apply(this);
    }

    /** The op that computed this tensor, or null for a leaf. */
    public Op creator() {
        return creator;
    }

    /**
     * Backpropagation from a scalar (a loss): fills {@link #grad()} of every leaf this value was computed from that
     * requires a gradient, with {@code dL/dleaf}.
     */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward: the tensor has shape " + Shapes.str(shape) + "; backward()"
                    + " starts from a scalar loss. Reduce it (.sum(), .mean()) or pass a seed: backward(seed)");
        }
        backward(full(1f, shape).to(device()));
    }

    /** Backpropagation with {@code seed} as {@code dL/dthis} (the same shape as this tensor). */
    public void backward(Tensor seed) {
        if (!Arrays.equals(seed.shape, shape)) {
            throw new IllegalArgumentException("backward: the seed has shape " + Shapes.str(seed.shape)
                    + ", the tensor " + Shapes.str(shape) + "; they must match");
        }
        if (!gradRequired) {
            throw new IllegalStateException("backward: this tensor does not depend on any tensor that requires a"
                    + " gradient; call .requiresGrad() on the weights (or it was computed inside NoGrad)");
        }
        Backprop.run(this, seed);
    }

    /** Used by {@link Op}: this tensor is the output of {@code op}. */
    public void madeBy(Op op) {
        this.creator = op;
        this.gradRequired = true;
    }

    /** Used by {@link Backprop}: adds {@code g} to the gradient of this leaf. */
    public void accumulateGrad(Tensor g) {
        if (gradRequired) {
            grad = grad == null ? g.detach() : grad.add(g);
        }
    }

    // ---- devices ----------------------------------------------------------------------------------------

    /**
     * This tensor on {@code device}: itself when it is there already, else a copy there (not part of the graph):
     * {@code x.to(Device.cuda())}.
     */
    public Tensor to(Device device) {
        if (device.equals(device())) {
            return this;
        }
        return new Tensor(device.backend().upload(toFloatArray()), shape);
    }

    /**
     * Moves the numbers of this tensor, and its gradient, to {@code device}, keeping the tensor: what
     * {@code net.to(device)} does to each weight, so that the layers and the optimizer that hold it follow. A
     * tensor computed by an op cannot move (its graph stays where it was computed); move its inputs, or use
     * {@link #to}.
     */
    public void moveTo(Device device) {
        if (creator != null) {
            throw new IllegalStateException("moveTo: this tensor was computed by " + creator.name() + " on "
                    + device() + "; only tensors made directly (weights, data) move. Use .to(" + device.code()
                    + ") for a copy");
        }
        storage = to(device).storage;
        grad = grad == null ? null : grad.to(device);
    }

    /**
     * Overwrites this tensor's numbers with those of {@code source} (same shape); for optimizers and loading. A
     * graph recorded before that reads these numbers refuses to backpropagate (see {@link Storage#version()}).
     */
    public void copyFrom(Tensor source) {
        if (!Arrays.equals(source.shape, shape)) {
            throw new IllegalArgumentException("copyFrom: shape " + Shapes.str(source.shape) + " into "
                    + Shapes.str(shape));
        }
        backend().copyBlocks(source.to(device()).storage(), 0, 0, storage(), 0, 0, numel(), 1);
        storage.changedInPlace("copyFrom");
    }

    /**
     * {@code this <- c this}, in place, for optimizers: {@code v.mulInPlace(mu).addInPlace(eta, g)} is
     * {@code v <- mu v + eta g} without a temporary. Not part of the graph.
     */
    public Tensor mulInPlace(double c) {
        checkInPlace("mulInPlace");
        backend().map(UnaryOp.MUL_SCALAR, storage(), (float) c, storage);
        storage.changedInPlace("mulInPlace");
        return this;
    }

    /** {@code this <- this + alpha x} (same shape), in place, for optimizers. Not part of the graph. */
    public Tensor addInPlace(double alpha, Tensor x) {
        return axpyInPlace("addInPlace", (float) alpha, x);
    }

    /** {@code this <- this - x} (same shape), in place, for optimizers. Not part of the graph. */
    public Tensor subInPlace(Tensor x) {
        return axpyInPlace("subInPlace", -1, x);
    }

    /** {@code this <- this + alpha x}: {@link #addInPlace} and {@link #subInPlace}, named {@code what}. */
    private Tensor axpyInPlace(String what, float alpha, Tensor x) {
        if (!Arrays.equals(x.shape, shape)) {
            throw new IllegalArgumentException(what + ": shape " + Shapes.str(x.shape) + " into "
                    + Shapes.str(shape) + "; an in-place update needs the same shape (no broadcasting)");
        }
        checkInPlace(what);
        Op.sameDevice(what, this, x);
        backend().axpy(alpha, x.storage(), storage());
        storage.changedInPlace(what);
        return this;
    }

    /**
     * A tensor in the graph is changed in place only where nothing is recorded, as optimizers do after backward.
     * Other in-place changes (through {@link #detach()}, or of a tensor without gradient) are caught later, by
     * backward, if the graph read the numbers.
     */
    private void checkInPlace(String what) {
        if ((gradRequired || creator != null) && !NoGrad.isActive()) {
            throw new IllegalStateException(what + ": this tensor takes part in the graph of gradients, and changing"
                    + " it in place would falsify them; update it inside try (var off = NoGrad.scope()) { ... }, as"
                    + " optimizers do");
        }
    }

    // ---- shape ------------------------------------------------------------------------------------------

    /** The same numbers seen with another shape (no copy); one size may be -1 to be inferred. */
    public Tensor reshape(int... newShape) {
        return Reshape.apply(this, newShape);
    }

    /** All the numbers in one axis. */
    public Tensor flatten() {
        return reshape(numel());
    }

    /** Keeps the axes before {@code fromAxis} and merges the rest: {@code [64, 16, 5, 5] -> [64, 400]}. */
    public Tensor flatten(int fromAxis) {
        int a = Shapes.axis("flatten", fromAxis, rank());
        int[] s = Arrays.copyOf(shape, a + 1);
        s[a] = Shapes.inner(shape, a - 1);
        return reshape(s);
    }

    /** Reorders the axes: {@code permute(0, 2, 3, 1)} turns NCHW into NHWC. */
    public Tensor permute(int... axes) {
        return Permute.apply(this, axes);
    }

    /** Swaps two axes. */
    public Tensor transpose(int axis0, int axis1) {
        int[] axes = new int[rank()];
        for (int d = 0; d < axes.length; d++) {
            axes[d] = d;
        }
        int a = Shapes.axis("transpose", axis0, rank()), b = Shapes.axis("transpose", axis1, rank());
        axes[a] = b;
        axes[b] = a;
        return permute(axes);
    }

    /** The transpose of a matrix. */
    public Tensor t() {
        if (rank() != 2) {
            throw new IllegalArgumentException("t: needs a matrix, got shape " + Shapes.str(shape)
                    + "; use transpose(a, b) or permute(...) for more axes");
        }
        return transpose(0, 1);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}. */
    public Tensor slice(int axis, int from, int to) {
        return Slice.apply(this, axis, from, to);
    }

    /** {@code before} zeros in front and {@code after} zeros behind, along {@code axis}. */
    public Tensor pad(int axis, int before, int after) {
        return Pad.apply(this, axis, before, after);
    }

    /** Joins tensors along {@code axis}; their other sizes must agree. */
    public static Tensor concat(int axis, Tensor... parts) {
        return Concat.apply(axis, parts);
    }

    // ---- arithmetic (broadcasting) ----------------------------------------------------------------------

    /** {@code this + other}, broadcast. */
    public Tensor add(Tensor other) {
        return Arithmetic.apply(BinaryOp.ADD, this, other);
    }

    /** {@code this - other}, broadcast. */
    public Tensor sub(Tensor other) {
        return Arithmetic.apply(BinaryOp.SUB, this, other);
    }

    /** {@code this * other} element by element, broadcast. */
    public Tensor mul(Tensor other) {
        return Arithmetic.apply(BinaryOp.MUL, this, other);
    }

    /** {@code this / other} element by element, broadcast. */
    public Tensor div(Tensor other) {
        return Arithmetic.apply(BinaryOp.DIV, this, other);
    }

    /** {@code this + c} element by element: {@code t.add(1.5)}. */
    public Tensor add(double c) {
        return Unary.apply(UnaryOp.ADD_SCALAR, this, (float) c);
    }

    /** {@code this - c} element by element. */
    public Tensor sub(double c) {
        return add(-(float) c);
    }

    /** {@code this * c} element by element: {@code t.mul(0.5)}. */
    public Tensor mul(double c) {
        return Unary.apply(UnaryOp.MUL_SCALAR, this, (float) c);
    }

    /** {@code this / c} element by element (a multiplication by {@code 1 / c}). */
    public Tensor div(double c) {
        return mul(1f / (float) c);
    }

    /** {@code -this} element by element. */
    public Tensor neg() {
        return mul(-1f);
    }

    /** {@code x^p} element by element. */
    public Tensor pow(double p) {
        return Unary.apply(UnaryOp.POW_SCALAR, this, (float) p);
    }

    /** {@code e^x} element by element. */
    public Tensor exp() {
        return Unary.apply(UnaryOp.EXP, this, 0);
    }

    /** The natural logarithm. */
    public Tensor log() {
        return Unary.apply(UnaryOp.LOG, this, 0);
    }

    /** {@code sqrt(x)} element by element, as {@code x^0.5}. */
    public Tensor sqrt() {
        return pow(0.5f);
    }

    /** {@code |x|} element by element (its gradient is the sign of x). */
    public Tensor abs() {
        return Unary.apply(UnaryOp.ABS, this, 0);
    }

    /** -1, 0 or 1: the sign of each element (its gradient is 0). */
    public Tensor sign() {
        return Unary.apply(UnaryOp.SIGN, this, 0);
    }

    /** Each element limited to {@code [min, max]}. */
    public Tensor clamp(double min, double max) {
        return Clamp.apply(this, (float) min, (float) max);
    }

    // ---- comparison (no gradient) -----------------------------------------------------------------------

    /** 1 where {@code this > other}, else 0. */
    public Tensor gt(Tensor other) {
        return Arithmetic.compare(BinaryOp.GT, this, other);
    }

    /** 1 where {@code this < other}, else 0. */
    public Tensor lt(Tensor other) {
        return Arithmetic.compare(BinaryOp.LT, this, other);
    }

    /** 1 where {@code this == other}, else 0. */
    public Tensor eq(Tensor other) {
        return Arithmetic.compare(BinaryOp.EQ, this, other);
    }

    /** The index of the largest element along {@code axis} (the predicted class, along axis 1 of logits). */
    public Tensor argmax(int axis) {
        return Reduce.apply(ReduceOp.ARGMAX, this, axis, false);
    }

    /** The flat index of the largest element. */
    public int argmax() {
        return (int) flatten().argmax(0).item();
    }

    // ---- reductions -------------------------------------------------------------------------------------

    /** The sum of all elements, a scalar. */
    public Tensor sum() {
        return flatten().sum(0);
    }

    /** Sums along {@code axis}, which disappears. */
    public Tensor sum(int axis) {
        return sum(axis, false);
    }

    /** Sums along {@code axis}; with {@code keepDim} the axis stays, with size 1 (handy for broadcasting back). */
    public Tensor sum(int axis, boolean keepDim) {
        return Reduce.apply(ReduceOp.SUM, this, axis, keepDim);
    }

    /** The mean of all elements. */
    public Tensor mean() {
        return sum().div(numel());
    }

    /** The mean along {@code axis}, which disappears: {@code [N, K].mean(0)} is {@code [K]}. */
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /** The mean along {@code axis}; with {@code keepDim} the axis stays, with size 1. */
    public Tensor mean(int axis, boolean keepDim) {
        return sum(axis, keepDim).div(size(axis));
    }

    /** The largest element; its gradient goes to the first of tied maxima (see {@link #max(int, boolean)}). */
    public Tensor max() {
        return flatten().max(0);
    }

    /** The largest element along {@code axis}, which disappears; see {@link #max(int, boolean)}. */
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /** The smallest element; its gradient goes to the first of tied minima. */
    public Tensor min() {
        return neg().max().neg();
    }

    /**
     * The largest element along {@code axis}. Its gradient goes to one element, the first maximum (the
     * {@link #argmax(int)}), also when several tie, as in PyTorch's {@code max(dim)}; see {@link Reduce}.
     */
    public Tensor max(int axis, boolean keepDim) {
        return Reduce.apply(ReduceOp.MAX, this, axis, keepDim);
    }

    /** The variance {@code 1/n sum (x - mean)^2} of all elements (the biased one, as batch norm uses). */
    public Tensor var() {
        return flatten().var(0);
    }

    /** The biased variance {@code 1/n sum (x - mean)^2} along {@code axis}, which disappears. */
    public Tensor var(int axis) {
        return var(axis, false);
    }

    /** The biased variance along {@code axis}; with {@code keepDim} the axis stays, with size 1. */
    public Tensor var(int axis, boolean keepDim) {
        Tensor centred = sub(mean(axis, true));
        return centred.mul(centred).mean(axis, keepDim);
    }

    /**
     * The sum of {@code this} over the axes that broadcasting added to reach its shape from {@code target}: the
     * gradient of a broadcast operand. {@code [64, 10] -> [10]} sums over the batch.
     */
    public Tensor sumTo(int... target) {
        return Reduce.sumTo(this, target);
    }

    // ---- linear algebra ---------------------------------------------------------------------------------

    /**
     * Matrix product. {@code [m, k] x [k, n] -> [m, n]}; with a leading batch axis on either side,
     * {@code [b, m, k] x [b, k, n] -> [b, m, n]} (a matrix on one side is used for every item of the batch).
     */
    public Tensor matmul(Tensor other) {
        return MatMul.apply(this, other);
    }

    // ---- activations ------------------------------------------------------------------------------------

    /** {@code max(x, 0)}. */
    public Tensor relu() {
        return Unary.apply(UnaryOp.RELU, this, 0);
    }

    /** {@code x} for {@code x > 0}, else {@code alpha x}. */
    public Tensor leakyRelu(double alpha) {
        return Unary.apply(UnaryOp.LEAKY_RELU, this, (float) alpha);
    }

    /** {@code 1 / (1 + e^-x)}. */
    public Tensor sigmoid() {
        return Unary.apply(UnaryOp.SIGMOID, this, 0);
    }

    /** {@code tanh(x) = (e^x - e^-x) / (e^x + e^-x)} element by element; its derivative is {@code 1 - tanh^2}. */
    public Tensor tanh() {
        return Unary.apply(UnaryOp.TANH, this, 0);
    }

    /** Softmax along the last axis: each row turns into probabilities. */
    public Tensor softmax() {
        return Softmax.apply(this, false);
    }

    /** The logarithm of the softmax along the last axis, computed without overflow. */
    public Tensor logSoftmax() {
        return Softmax.apply(this, true);
    }

    /**
     * Inverted dropout while training: each element is zeroed with probability {@code p} and the survivors are
     * scaled by {@code 1 / (1 - p)}, so nothing changes at evaluation time.
     */
    public Tensor dropout(double p, Random rng) {
        if (!(p >= 0 && p < 1)) {   // NaN too
            throw new IllegalArgumentException("dropout: p = " + p + " must be in [0, 1): the probability of"
                    + " dropping an element");
        }
        float keep = 1 - (float) p;
        Tensor mask = bernoulli(rng, keep, shape).to(device());
        return mul(mask).div(keep);
    }

    // ---- convolution and pooling (NCHW) -----------------------------------------------------------------

    /** Cross-correlation of {@code [N, C, H, W]} with {@code weight [F, C, kh, kw]}; see {@link Conv2d}. */
    public Tensor conv2d(Tensor weight, int stride, int padding) {
        return Conv2d.apply(this, weight, null, stride, padding);
    }

    /** The same plus {@code bias[f]} on every output of filter {@code f} (a {@code [F]} tensor). */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return Conv2d.apply(this, weight, bias, stride, padding);
    }

    /**
     * {@code conv2d(weight, bias, stride, padding).maxPool2d(poolKernel, poolStride, poolPadding)} as one op, with
     * the same numbers and gradients, without the convolution's output in memory; see {@link Conv2d}.
     */
    public Tensor conv2dMaxPool(Tensor weight, Tensor bias, int stride, int padding,
                                int poolKernel, int poolStride, int poolPadding) {
        return Conv2d.applyThenMaxPool(this, weight, bias, stride, padding, poolKernel, poolStride, poolPadding);
    }

    /** Max over {@code kernel x kernel} windows moved by {@code stride}; see {@link MaxPool2d}. */
    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return MaxPool2d.apply(this, kernel, stride, padding);
    }

    /** Max over {@code kernel x kernel} windows that do not overlap (stride {@code kernel}, no padding). */
    public Tensor maxPool2d(int kernel) {
        return maxPool2d(kernel, kernel, 0);
    }

    /** Mean over {@code kernel x kernel} windows moved by {@code stride}; see {@link AvgPool2d}. */
    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return AvgPool2d.apply(this, kernel, stride, padding);
    }

    /** Mean over {@code kernel x kernel} windows that do not overlap (stride {@code kernel}, no padding). */
    public Tensor avgPool2d(int kernel) {
        return avgPool2d(kernel, kernel, 0);
    }

    // ---- printing ---------------------------------------------------------------------------------------

    /** The shape, then the numbers as a grid, truncated in the middle of long axes. */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
