package dl.nn;

import dl.autograd.NoGrad;
import dl.backend.Device;
import dl.nn.layers.Activation;
import dl.nn.layers.BatchNorm;
import dl.nn.layers.Conv;
import dl.nn.layers.Dense;
import dl.nn.layers.Dropout;
import dl.nn.layers.GlobalAvgPool;
import dl.nn.layers.LayerNorm;
import dl.nn.layers.Pool;
import dl.nn.layers.Reshaping;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A network written as a sentence: each call appends a layer, which learns its input shape from the layer before,
 * so no in-channel or in-feature count is ever repeated.
 *
 * <pre>{@code
 * var model = net(input(1, 28, 28))
 *     .conv(5, 6).pad(2).relu().pool(2)      // [6, 14, 14]
 *     .conv(5, 16).relu().pool(2)            // [16, 5, 5]
 *     .flatten().dense(120).relu().dense(84).relu().dense(10);
 * model.summary();                            // 61,706 parameters
 * }</pre>
 *
 * A network holds only shapes until it first runs; then the weights are drawn from a generator seeded with
 * {@link #seed(long)} (0 unless set), so the same code gives the same network every time.
 */
public class Net implements Module {

    private final int[] inputShape;
    private final List<Layer> layers = new ArrayList<>();
    private WeightInit init = WeightInit.DEFAULT;
    private long seed;
    private boolean built;
    private boolean training = true;
    private List<String> classNames;

    /** A network whose samples have {@code inputShape} (no batch axis): {@code [784]} or {@code [1, 28, 28]}. */
    public Net(int... inputShape) {
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("input: every size must be at least 1, got "
                    + Shapes.str(inputShape) + "; e.g. input(784) for 784 features, input(1, 28, 28) for an image");
        }
        this.inputShape = inputShape.clone();
    }

    // ---- layers -----------------------------------------------------------------------------------------

    /**
     * Appends any layer (one of the library's or your own). A layer whose settings or shapes cannot work is refused
     * here, and the network stays as it was.
     */
    public Net add(Layer layer) {
        requireNotBuilt();
        layers.add(layer);
        try {
            reconnect(layers.size() - 1);
        } catch (RuntimeException e) {
            layers.remove(layers.size() - 1);
            throw e;
        }
        return this;
    }

    /**
     * Appends a fully connected layer of {@code units} outputs: {@code y = x W + b}, the slides'
     * {@code u_j = sum_i x_i w_ij + b_j}. Shape {@code [in] -> [units]}; W is {@code [in, units]} and b
     * {@code [units]}, {@code in*units + units} parameters, drawn by the net's initializer (see {@link #init}).
     * After an image, put {@code flatten()} first. {@code net(input(2304)).dense(50)}: 2304*50 + 50 = 115,250.
     */
    public Net dense(int units) {
        return add(new Dense(units, init));
    }

    /**
     * {@code filters} convolutions of {@code kernel x kernel} ("conv3-64" is {@code conv(3, 64)}), stride 1, no
     * padding until {@link #stride}, {@link #pad} or {@link #padSame} say otherwise:
     * {@code y[f] = b[f] + sum_c x[c] * W[f, c]} (cross-correlation, as the slides' worked grids).
     * Shape {@code [C, H, W] -> [filters, OH, OW]} with the slides' {@code o = floor((i + 2p - k) / s) + 1};
     * W is {@code [filters, C, k, k]} and b {@code [filters]}: {@code k*k*C*filters + filters} parameters.
     * {@code net(input(1, 28, 28)).conv(3, 64)} gives {@code [64, 26, 26]}, 3*3*1*64 + 64 = 640 parameters.
     */
    public Net conv(int kernel, int filters) {
        return add(new Conv(kernel, filters, init));
    }

    /**
     * Max pooling over {@code k x k} windows that do not overlap (stride {@code k}): each output is the largest
     * number of its window. Shape {@code [C, H, W] -> [C, OH, OW]} with {@code o = floor((i + 2p - k) / s) + 1},
     * so {@code pool(2)} halves 28 x 28 to 14 x 14. No parameters.
     */
    public Net pool(int k) {
        return pool(k, k);
    }

    /**
     * Max pooling over {@code k x k} windows moved {@code stride} cells at a time: {@code y = max of the window},
     * shape {@code [C, H, W] -> [C, OH, OW]} with {@code o = floor((i + 2p - k) / s) + 1}. {@code pool(3, 2)}
     * overlaps its windows as AlexNet does. No parameters.
     */
    public Net pool(int k, int stride) {
        return add(new Pool(true, k, stride));
    }

    /**
     * Average pooling over {@code k x k} windows that do not overlap: {@code y = 1/k^2 sum of the window}. Shape
     * {@code [C, H, W] -> [C, OH, OW]} with {@code o = floor((i + 2p - k) / s) + 1}, {@code s = k}. No parameters.
     */
    public Net avgPool(int k) {
        return avgPool(k, k);
    }

    /**
     * Average pooling over {@code k x k} windows moved {@code stride} cells at a time:
     * {@code y = 1/k^2 sum of the window}, shape {@code [C, H, W] -> [C, OH, OW]} with
     * {@code o = floor((i + 2p - k) / s) + 1}. The slides' 3x3 average with stride 1 is {@code avgPool(3, 1)}.
     */
    public Net avgPool(int k, int stride) {
        return add(new Pool(false, k, stride));
    }

    /**
     * The mean of each channel over the whole image, {@code y[c] = 1/(H W) sum_ij x[c, i, j]}: shape
     * {@code [C, H, W] -> [C]}, as a ResNet ends before its dense layer. No parameters.
     */
    public Net globalAvgPool() {
        return add(new GlobalAvgPool());
    }

    /**
     * One sample's numbers in a row, for the dense layers after the convolutions: shape
     * {@code [C, H, W] -> [C*H*W]} (the batch axis is kept). nn4's {@code [16, 6, 6]} becomes {@code [576]}.
     */
    public Net flatten() {
        return add(Reshaping.flatten());
    }

    /**
     * The other way from {@link #flatten}: shape {@code [n] -> shape}, with {@code n} the product of the sizes,
     * e.g. {@code net(input(2304)).unflatten(1, 48, 48)} for the course's rows of 2304 pixels.
     */
    public Net unflatten(int... shape) {
        return add(Reshaping.unflatten(shape));
    }

    /**
     * Appends ReLU, {@code y = max(0, x)} element by element (the slides' {@code h = ReLU(Wx + b)}); its gradient
     * is 1 where {@code x > 0}, else 0. Shape unchanged: {@code .dense(100).relu()}.
     */
    public Net relu() {
        return add(new Activation(Activation.Function.RELU, 0));
    }

    /**
     * Appends leaky ReLU, {@code y = x} for {@code x > 0}, else {@code alpha x}, with {@code 0 <= alpha < 1}; shape
     * unchanged: {@code .leakyRelu(0.1)}. PyTorch takes any slope; this refuses those that are no leaky ReLU (from
     * 1 on, negative inputs weigh as much as positive ones or more).
     */
    public Net leakyRelu(double alpha) {
        return add(new Activation(Activation.Function.LEAKY_RELU, alpha));
    }

    /** Leaky ReLU with {@code alpha = 0.01}: {@code y = x} for {@code x > 0}, else {@code 0.01 x}. */
    public Net leakyRelu() {
        return leakyRelu(0.01);
    }

    /**
     * Appends the sigmoid, the slides' {@code f(u) = 1 / (1 + e^-u)}, element by element, with
     * {@code f'(u) = f(u) (1 - f(u))}. Outputs in (0, 1); shape unchanged. nn1's hidden layer:
     * {@code .dense(50).sigmoid()}.
     */
    public Net sigmoid() {
        return add(new Activation(Activation.Function.SIGMOID, 0));
    }

    /**
     * Appends the hyperbolic tangent, {@code y = (e^x - e^-x) / (e^x + e^-x)}, element by element, with
     * {@code dy/dx = 1 - y^2}. Outputs in (-1, 1); shape unchanged.
     */
    public Net tanh() {
        return add(new Activation(Activation.Function.TANH, 0));
    }

    /**
     * Appends the softmax over the classes, {@code sigma(z)_i = e^(z_i) / sum_j e^(z_j)}: each row becomes
     * probabilities that sum to 1. Shape {@code [K] -> [K]} (1-D only, after the last dense layer). To train,
     * leave it out and use {@code crossEntropy()}, which takes the raw outputs and computes the softmax stably.
     */
    public Net softmax() {
        return add(new Activation(Activation.Function.SOFTMAX, 0));
    }

    /**
     * Appends the log of the softmax, {@code y_i = z_i - log sum_j e^(z_j)}, computed without overflow. Shape
     * {@code [K] -> [K]}; pair it with the {@code nll()} loss: the two together are {@code crossEntropy()}.
     */
    public Net logSoftmax() {
        return add(new Activation(Activation.Function.LOG_SOFTMAX, 0));
    }

    /**
     * Appends dropout (nn5): while training, each number is set to 0 with probability {@code p},
     * {@code 0 <= p < 1}, and the others are scaled by {@code 1 / (1 - p)}, so evaluation (which drops nothing)
     * needs no rescaling. The slides drop with probability alpha (this {@code p}) and scale by the keep probability
     * at test time instead; the expected outputs are the same. Shape unchanged, no parameters:
     * {@code .dense(100).relu().dropout(0.5)}.
     */
    public Net dropout(double p) {
        return add(new Dropout(p));
    }

    /**
     * Appends batch normalization, per feature after a dense layer ({@code [n]}) or per channel after a conv
     * ({@code [C, H, W]}), over the mini-batch {@code B} of {@code m} values:
     * <pre>
     *   mu_B = 1/m sum_i x_i,   sigma_B^2 = 1/m sum_i (x_i - mu_B)^2
     *   x^_i = (x_i - mu_B) / sqrt(sigma_B^2 + epsilon)              (epsilon = 1e-5)
     *   y_i  = gamma x^_i + beta
     * </pre>
     * Evaluation uses running averages of mu and sigma^2 instead (see {@link BatchNorm}). Shape unchanged;
     * gamma (ones) and beta (zeros) have one number per feature or channel: {@code 2n} or {@code 2C} parameters.
     * {@code .conv(3, 64).batchNorm().relu()}.
     */
    public Net batchNorm() {
        return add(new BatchNorm());
    }

    /**
     * Appends layer normalization: each sample is normalized over its own {@code H} numbers, so training and
     * evaluation agree for any batch size:
     * <pre>
     *   mu = 1/H sum_i a_i,   sigma = sqrt(1/H sum_i (a_i - mu)^2)
     *   y_i = gamma_i (a_i - mu) / sqrt(sigma^2 + epsilon) + beta_i     (epsilon = 1e-5)
     * </pre>
     * Shape unchanged; gamma (ones) and beta (zeros) have the sample's shape, {@code 2 H} parameters.
     */
    public Net layerNorm() {
        return add(new LayerNorm());
    }

    /**
     * {@code y = F(x) + x}, with {@code F} built by {@code block} from this point's shape; when F changes the
     * shape, x goes through a 1x1 convolution (the projection shortcut) first:
     * {@code residual(b -> b.conv(3, 64).padSame().batchNorm().relu().conv(3, 64).padSame())}.
     */
    public Net residual(UnaryOperator<Net> block) {
        return add(new Residual(block.apply(new Net(outputShape())), init, Residual.Shortcut.PROJECTION));
    }

    /** A residual block whose shortcut, when shapes differ, is made the given way (see {@link Residual}). */
    public Net residual(Residual.Shortcut shortcut, UnaryOperator<Net> block) {
        return add(new Residual(block.apply(new Net(outputShape())), init, shortcut));
    }

    // ---- modifiers of the last layer: a setting that cannot work is refused, and the layer stays as it was ----

    /**
     * The stride {@code s >= 1} of the last conv or pool: its window moves {@code s} cells at a time, so the output
     * size is {@code o = floor((i + 2p - k) / s) + 1}. {@code .conv(3, 64).padSame().stride(2)} halves 32 x 32 to
     * 16 x 16.
     */
    public Net stride(int s) {
        Layer last = lastToChange("stride");
        if (last instanceof Conv conv) {
            conv.stride(s);
        } else if (last instanceof Pool pool) {
            pool.stride(s);
        } else {
            throw new IllegalStateException("stride(" + s + ") follows a conv or a pool, not " + last.kind());
        }
        return reconnect(layers.size() - 1);
    }

    /**
     * {@code p} rows and columns of zeros around the input of the last conv or pool, {@code p >= 0} (for a pool at
     * most half its window): {@code o = floor((i + 2p - k) / s) + 1}. {@code .conv(5, 6).pad(2)} keeps 28 x 28.
     */
    public Net pad(int p) {
        Layer last = lastToChange("pad");
        if (last instanceof Conv conv) {
            conv.pad(p);
        } else if (last instanceof Pool pool) {
            pool.pad(p);
        } else {
            throw new IllegalStateException("pad(" + p + ") follows a conv or a pool, not " + last.kind());
        }
        return reconnect(layers.size() - 1);
    }

    /**
     * "Same" padding of the last conv (Keras's {@code padding="same"}): {@code p = (k - 1) / 2}, so with stride 1
     * the output keeps the input's height and width; odd kernels only. {@code .conv(3, 64).padSame()}.
     */
    public Net padSame() {
        if (!(lastToChange("padSame") instanceof Conv conv)) {
            throw new IllegalStateException("padSame() follows a conv");
        }
        conv.padSame();
        return reconnect(layers.size() - 1);
    }

    /**
     * The last conv has no bias, {@code y[f] = sum_c x[c] * W[f, c]}: {@code filters} fewer parameters, for a conv
     * followed by {@code batchNorm()}, whose beta already shifts each channel.
     */
    public Net noBias() {
        if (!(lastToChange("noBias") instanceof Conv conv)) {
            throw new IllegalStateException("noBias() follows a conv");
        }
        conv.noBias();
        return reconnect(layers.size() - 1);
    }

    /**
     * The initializer of the weights of the layers appended after this call, e.g.
     * {@code net(input(784)).init(xavier()).dense(100)} draws W with {@code var(W) = 2 / (N_in + N_out)}; see
     * {@link dl.nn.init.Initializers}. Until then, W ~ U[-1/sqrt(N_in), 1/sqrt(N_in)] as in PyTorch.
     */
    public Net init(WeightInit weights) {
        this.init = Objects.requireNonNull(weights, "init: give an initializer, e.g. WeightInit.DEFAULT");
        return this;
    }

    /**
     * LSUV initialization (Mishkin and Matas, "All you need is a good init"): orthogonal weights, then each layer's
     * weights scaled until its output on {@code batch} has variance 1; see {@link dl.nn.init.Lsuv}.
     */
    public Net lsuv(Tensor batch) {
        return dl.nn.init.Lsuv.init(this, batch);
    }

    /**
     * The seed of the generator that draws the initial weights and the dropout masks (0 unless set): the same seed
     * gives the same network. {@code net(input(784)).seed(42).dense(10)}.
     */
    public Net seed(long seed) {
        this.seed = seed;
        return this;
    }

    private Layer lastToChange(String what) {
        requireNotBuilt();
        if (layers.isEmpty()) {
            throw new IllegalStateException(what + "() modifies the layer before it; there is none yet");
        }
        return layers.get(layers.size() - 1);
    }

    /** Layers change only before the weights are drawn: the weights of the layers after would no longer fit. */
    private void requireNotBuilt() {
        if (built) {
            throw new IllegalStateException("the network has already run; build a new one to change its layers");
        }
    }

    private Net reconnect(int index) {
        Layer layer = layers.get(index);
        Layer before = index == 0 ? null : layers.get(index - 1);
        String source = before == null ? "the input" : before.kind() + " (layer " + index + ")";
        long sameKind = layers.subList(0, index + 1).stream().filter(l -> l.kind().equals(layer.kind())).count();
        layer.connect(before == null ? inputShape : before.outputShape(), index + 1, layer.kind() + sameKind, source);
        return this;
    }

    /** The layer called {@code name} ("conv1", "dense2": kind and number among its kind), as the summary lists. */
    public Layer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no layer called '" + name + "'; the layers are "
                        + layers.stream().map(Layer::name).toList()));
    }

    /**
     * What layer {@code name} outputs for a batch (evaluation mode, no graph): the feature maps of a conv layer,
     * {@code [N, filters, height, width]}, to look at. One example ({@code data.test().input(0)}) is taken as a
     * batch of one: {@code Images.channels(model.activations("conv1", data.test().input(0)))}.
     */
    public Tensor activations(String name, Tensor x) {
        Layer target = layer(name);
        if (Arrays.equals(x.shape(), inputShape)) {
            x = x.reshape(batchOfOne());
        }
        boolean was = isTraining();
        setTraining(false);
        try (var off = NoGrad.scope()) {
            build();
            for (Layer layer : layers) {
                x = layer.forward(x);
                if (layer == target) {
                    return x;
                }
            }
            return x;
        } finally {
            setTraining(was);
        }
    }

    /** The weights of layer {@code name}: a conv layer's filters are {@code [filters, channels, k, k]}. */
    public Tensor weights(String name) {
        build();
        Tensor w = layer(name).parameters().get("weight");
        if (w == null) {
            throw new IllegalArgumentException("layer '" + name + "' has no weights");
        }
        return w;
    }

    // ---- running ----------------------------------------------------------------------------------------

    /** The shape of one sample coming out. */
    public int[] outputShape() {
        return layers.isEmpty() ? inputShape.clone() : layers.get(layers.size() - 1).outputShape();
    }

    /** The shape of one sample going in, as given to {@code input(...)}. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The layers in order, as {@link #summary()} lists them (a copy: adding to it changes nothing). */
    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    boolean isBuilt() {
        return built;
    }

    /** Draws the weights, once. Running or training does it by itself. */
    public Net build() {
        return build(new Random(seed));
    }

    Net build(Random rng) {
        if (!built) {
            for (Layer layer : layers) {
                layer.build(rng);
            }
            built = true;
        }
        return this;
    }

    /**
     * Runs the layers on a batch {@code [N, ...inputShape]}.
     *
     * <p>A {@code relu()} right before a max {@code pool()} runs after it instead. The two orders give the same
     * numbers, outputs and gradients alike: ReLU keeps the order of the positive numbers and turns the others into
     * 0, so {@code relu(max(a, b)) = max(relu(a), relu(b))}, and wherever the gradient is not 0 both orders pick
     * the same winner of the window. After the pooling, ReLU has a quarter of the numbers to go through (2x2 windows),
     * forward and backward: less memory to read and write, on the largest feature maps of a CNN.
     *
     * <p>Then a {@code conv()} runs as one op with the max {@code pool()} right after it, and with the {@code relu()}
     * right before it ({@link Conv#forward(Tensor, boolean, Pool)}), with the same numbers: the convolution's output,
     * which only the pooling reads, and the ReLU's output, which only the convolution reads, are not kept in memory,
     * and the CPU applies the ReLU and its gradient as it reads and writes each image.
     */
    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        if (s.length != inputShape.length + 1 || !Arrays.equals(Arrays.copyOfRange(s, 1, s.length), inputShape)) {
            throw new IllegalArgumentException("net: expects a batch of " + Shapes.str(inputShape) + " samples,"
                    + " shape [N, " + Shapes.str(inputShape).substring(1) + ", got " + Shapes.str(s)
                    + (Shapes.size(s) % Math.max(1, Shapes.size(inputShape)) == 0 ? "; reshape it with x.reshape(-1, "
                    + Shapes.str(inputShape).replaceAll("[\\[\\]]", "") + ")" : ""));
        }
        build();
        List<Layer> order = reluAfterMaxPool(layers);
        for (int i = 0; i < order.size(); i++) {
            boolean reluFirst = isRelu(order.get(i)) && at(order, i + 1) instanceof Conv;
            if (reluFirst) {
                i++;
            }
            Layer layer = order.get(i);
            if (layer instanceof Conv conv) {
                Pool maxPool = isMaxPool(at(order, i + 1)) ? (Pool) order.get(++i) : null;
                x = conv.forward(x, reluFirst, maxPool);
            } else {
                x = layer.forward(x);
            }
        }
        return x;
    }

    /** The layers in the order they run: each ReLU that comes right before a max pooling after it. */
    private static List<Layer> reluAfterMaxPool(List<Layer> layers) {
        List<Layer> order = new ArrayList<>(layers);
        for (int i = 0; i + 1 < order.size(); i++) {
            if (isRelu(order.get(i)) && isMaxPool(order.get(i + 1))) {
                Collections.swap(order, i, i + 1);
                i++;
            }
        }
        return order;
    }

    /** Layer {@code i} of {@code order}, or null past the last. */
    private static Layer at(List<Layer> order, int i) {
        return i < order.size() ? order.get(i) : null;
    }

    private static boolean isRelu(Layer layer) {
        return layer instanceof Activation && layer.kind().equals("relu");
    }

    private static boolean isMaxPool(Layer layer) {
        return layer instanceof Pool pool && pool.isMax();
    }

    /**
     * The raw outputs for a batch {@code [N, ...inputShape]} in evaluation mode (dropout off, batch norm's running
     * statistics), with no graph: what {@code evaluate} scores. For the class and its probability, see
     * {@link #predict}.
     */
    public Tensor outputs(Tensor x) {
        boolean was = isTraining();
        setTraining(false);
        try (var off = NoGrad.scope()) {
            return forward(x);
        } finally {
            setTraining(was);
        }
    }

    // ---- predicting -------------------------------------------------------------------------------------

    /**
     * The class this classifier picks for one example (shaped as {@code input(...)}, e.g. {@code [1, 28, 28]}) or
     * for a batch {@code [N, ...]}, by name, with the probability of every class:
     * {@code p_i = e^{y_i} / sum_j e^{y_j}} of the outputs {@code y}. A model that ends in {@code softmax()}
     * already gives probabilities, one in {@code logSoftmax()} gives their logarithms: these are used as they are.
     * Runs in evaluation mode, like {@link #outputs}.
     *
     * <pre>{@code
     * model.predict(Images.read(Path.of("shoe.png"), 1, 28, 28))   // Sneaker (92.1%), then Sandal 5.3%, ...
     * model.predict(picture).className()                          // "Sneaker"
     * }</pre>
     */
    public dl.train.Prediction predict(Tensor x) {
        boolean one = Arrays.equals(x.shape(), inputShape);
        if (!one && !isBatch(x)) {
            throw new IllegalArgumentException("predict: expects one example " + Shapes.str(inputShape)
                    + " or a batch [N, " + Shapes.str(inputShape).substring(1) + ", got " + Shapes.str(x.shape())
                    + (x.numel() == Shapes.size(inputShape) ? "; reshape it with x.reshape("
                    + Shapes.str(inputShape).replaceAll("[\\[\\]]", "") + ")" : ""));
        }
        Tensor y = outputs(one ? x.reshape(batchOfOne()) : x);
        Tensor p;
        try (var off = NoGrad.scope()) {
            p = endsIn("softmax") ? y : endsIn("logSoftmax") ? y.exp() : y.softmax();
        }
        return new dl.train.Prediction(y, p, classNames(), one);
    }

    /** Whether {@code x} is {@code [N, ...inputShape]}. */
    private boolean isBatch(Tensor x) {
        int[] s = x.shape();
        return s.length == inputShape.length + 1 && Arrays.equals(Arrays.copyOfRange(s, 1, s.length), inputShape);
    }

    /** {@code [1, ...inputShape]}: one example as a batch. */
    private int[] batchOfOne() {
        int[] shape = new int[inputShape.length + 1];
        shape[0] = 1;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return shape;
    }

    private boolean endsIn(String activation) {
        return !layers.isEmpty() && layers.get(layers.size() - 1).kind().equals(activation);
    }

    /**
     * The name of each output class, in label order, as {@link #predict} says them: those of the data the model
     * was last fit on (or set with {@link #classNames(List)}), else "0" .. "k-1".
     */
    public List<String> classNames() {
        if (classNames != null) {
            return classNames;
        }
        int[] out = outputShape();
        return out.length != 1 ? List.of() : java.util.stream.IntStream.range(0, out[0]).mapToObj(String::valueOf)
                .toList();
    }

    /** Names the output classes, one name per output, in label order: {@code List.of("cat", "dog")}. */
    public Net classNames(List<String> names) {
        int[] out = outputShape();
        if (out.length != 1 || out[0] != names.size()) {
            throw new IllegalArgumentException("classNames: the model gives " + Shapes.str(out) + " outputs per"
                    + " example, but " + names.size() + " names were given " + names + "; give one name per output,"
                    + " in label order");
        }
        this.classNames = List.copyOf(names);
        return this;
    }

    /**
     * How often each class of {@code data} is taken for each other, in evaluation mode: row = true class, column =
     * predicted, with the data's class names (a heat map in a notebook). See {@link dl.train.ConfusionMatrix}.
     *
     * <pre>{@code
     * model.confusionMatrix(data.test())     // the table, with precision, recall and F1 per class
     * }</pre>
     */
    public dl.train.ConfusionMatrix confusionMatrix(dl.data.Dataset data) {
        return dl.train.ConfusionMatrix.of(this, data);
    }

    /** Training mode: dropout drops, batch norm uses and updates batch statistics. */
    public Net train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode. */
    public Net eval() {
        setTraining(false);
        return this;
    }

    private boolean isTraining() {
        return training;
    }

    void setTraining(boolean training) {
        this.training = training;
        for (Layer layer : layers) {
            layer.setTraining(training);
        }
    }

    /** Every trainable tensor, in layer order (the weights are drawn first if needed). */
    @Override
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Trainable tensors by name: {@code "conv1.weight"}, {@code "conv1.bias"}, ... */
    public Map<String, Tensor> namedParameters() {
        build();
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (Layer layer : layers) {
            layer.parameters().forEach((name, t) -> all.put(layer.name() + "." + name, t));
        }
        return all;
    }

    /** Trainable parameters and buffers, by name: what a checkpoint saves. */
    public Map<String, Tensor> state() {
        Map<String, Tensor> all = namedParameters();
        for (Layer layer : layers) {
            layer.buffers().forEach((name, t) -> all.put(layer.name() + "." + name, t));
        }
        return all;
    }

    /**
     * Moves the model to {@code device}: its weights and buffers, and the state of its last fit's optimizer
     * (momentum, Adam's m and v), each tensor keeping its identity. The data to train it on must be created there
     * too ({@link Device#use}). Returns this net: {@code net(input(1, 28, 28))...dense(10).to(Device.cuda())}.
     */
    public Net to(Device device) {
        state().values().forEach(t -> t.moveTo(device));
        if (lastOptimizer != null) {
            lastOptimizer.slots().forEach(t -> t.moveTo(device));
        }
        return this;
    }

    /** Where the weights are: the device current when they were drawn, or the last {@link #to}'s. */
    public Device device() {
        List<Tensor> weights = parameters();
        return weights.isEmpty() ? Device.current() : weights.get(0).device();
    }

    /** How many trainable numbers, from the shapes (nothing is allocated). */
    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    /** The loss of the last fit, which {@link #evaluate(dl.data.Dataset)} reports; cross-entropy before any fit. */
    private dl.nn.loss.Loss trainingLoss = dl.nn.loss.Losses.crossEntropy();

    /**
     * Trains on {@code data} as {@code config} says, {@code epochs(3).batch(64).optimizer(adam(1e-3))}, and returns
     * what happened, epoch by epoch. The model remembers the config's loss, for {@link #evaluate(dl.data.Dataset)}.
     * The config's optimizer keeps its state (Adam's moments, the step count) from one fit of this model to the
     * next, so a second {@code fit} continues the first, as Keras's does; fitting another model with the same
     * config starts that model with a fresh state (see {@link dl.optim.Optimizer#bind}).
     */
    public dl.train.History fit(dl.data.Dataset data, dl.train.Fit config) {
        dl.train.History history = dl.train.Trainer.fit(this, data, config);
        trainingLoss = config.loss();
        return history;
    }

    /**
     * Loss and accuracy on {@code data}, in evaluation mode: the loss the model was last fit with (cross-entropy
     * before any fit), per example as in training: {@code loss 0.1234 (sse per example), accuracy 95.0%}.
     */
    public dl.train.Trainer.Evaluation evaluate(dl.data.Dataset data) {
        return evaluate(data, trainingLoss);
    }

    /** Loss and accuracy on {@code data} with the given loss, in evaluation mode: {@code evaluate(test, mse())}. */
    public dl.train.Trainer.Evaluation evaluate(dl.data.Dataset data, dl.nn.loss.Loss loss) {
        return dl.train.Trainer.evaluate(this, data, loss);
    }

    /** The Keras-style table: layer, output shape, parameters and their arithmetic, totals, memory. */
    public Summary summary() {
        return new Summary(this);
    }

    // ---- the learning-rate finder: model.findLearningRate(data) ----------------------------------------------

    /**
     * The learning-rate range test on {@code data}, with SGD, cross-entropy and batches of 32: 100 steps at rates
     * rising from 1e-7 to 10 by the same factor each, stopped early once the smoothed loss passes 4 times its best.
     * The weights are put back after, so the model is unchanged. {@code .suggestion()} is the rate to train with,
     * {@code .plot()} shows the loss against the rate.
     */
    public dl.train.LearningRateSearch findLearningRate(dl.data.Dataset data) {
        return findLearningRate(data, dl.train.Fit.epochs(1));
    }

    /**
     * The learning-rate range test with the loss, batch size and optimizer of {@code config}, as {@code fit} would
     * train: {@code findLearningRate(data, epochs(3).batch(64).optimizer(adam(1e-3)))} (the optimizer's own rate
     * is replaced during the test and put back after, with its state).
     */
    public dl.train.LearningRateSearch findLearningRate(dl.data.Dataset data, dl.train.Fit config) {
        return dl.train.LearningRateFinder.find(this, data, config);
    }

    // ---- the whole model in one file: model.save(path), Net.load(path) ------------------------------------

    private dl.optim.Optimizer lastOptimizer;
    /** The optimizer state that {@link #load} read, until the next fit takes it. */
    private ModelFile.SavedOptimizer savedOptimizer;

    /**
     * Saves the whole model to {@code file}, to be rebuilt by {@link #load} in a fresh kernel: its architecture
     * (the DSL sentence that builds it, e.g. {@code net(input(1, 28, 28)).conv(5, 6).pad(2).relu()...}), its
     * weights and buffers, and the state of the optimizer of its last fit (Adam's moments m and v, the step count
     * t). One file with a CRC-32, written whole or not at all, as {@link dl.train.Checkpoint} writes.
     * {@code model.save(Path.of("lenet.model"))}.
     */
    public void save(java.nio.file.Path file) {
        // a model loaded and not trained since keeps the state it was loaded with
        ModelFile.save(this, seed, lastOptimizer == null ? savedOptimizer : ModelFile.SavedOptimizer.of(lastOptimizer),
                file);
    }

    /**
     * The model that {@link #save} wrote: the same layers, weights and buffers, so its predictions are the same to
     * the bit. The file is checked whole (checksum, sizes) before anything is built. The saved optimizer state
     * waits for the first {@code fit} after loading: if that fit's optimizer is of the same kind (adam with adam),
     * it starts from the saved moments and step count, so training goes on where it stopped; its learning rate and
     * other settings are those the fit gives, as when PyTorch loads an optimizer's state and the student sets the
     * rate. An optimizer of another kind (the default SGD after a saved Adam) starts afresh.
     * <pre>{@code
     * var model = Net.load(Path.of("lenet.model"));
     * model.fit(data.train(), epochs(1).optimizer(adam(1e-3)));   // goes on with the saved m, v and t
     * }</pre>
     */
    public static Net load(java.nio.file.Path file) {
        ModelFile.Loaded loaded = ModelFile.load(file);
        loaded.net().savedOptimizer = loaded.optimizer();
        return loaded.net();
    }

    /**
     * Remembers {@code optimizer} (bound to this model's parameters) as the one that trains it, so that
     * {@link #save} writes its state; {@code fit} calls it. After {@link #load}, gives it the saved state if it is
     * of the saved kind. Returns {@code optimizer}.
     */
    public dl.optim.Optimizer lastOptimizer(dl.optim.Optimizer optimizer) {
        if (savedOptimizer != null) {
            savedOptimizer.resume(optimizer);
            savedOptimizer = null;
        }
        this.lastOptimizer = optimizer;
        return optimizer;
    }

    /** The optimizer of the last {@code fit}, whose state {@link #save} writes; null before any. */
    public dl.optim.Optimizer lastOptimizer() {
        return lastOptimizer;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("net(input" + Shapes.str(inputShape).replace('[', '(').replace(']', ')') + ")");
        for (Layer layer : layers) {
            s.append("\n  ").append(layer);
        }
        return s.toString();
    }
}
