package dl.data;

import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Examples to learn from, all in memory: {@code size()} inputs of one shape ({@code [1, 28, 28]}, {@code [2]}),
 * each with a class label ({@code 0 .. classes-1}) or a vector of target numbers (the course's float label pairs,
 * or a regression target). Labelled data carries the names of its classes ({@link #classNames()}), so that pictures
 * and predictions can say "Sneaker" rather than 7.
 *
 * <pre>{@code
 * var data = FashionMnist.load();
 * var parts = data.train().split(0.8, 42);      // 80% to train on, 20% to validate, shuffled with seed 42
 * data.test().take(8).classNames();              // [T-shirt/top, Trouser, ..., Ankle boot]
 * }</pre>
 */
public final class Dataset {

    private final float[] inputs;
    private final int[] inputShape;
    private final int[] labels;      // null when the targets are vectors
    private final int classes;
    private final float[] targets;   // null when the targets are labels
    private final int targetSize;
    private final List<String> classNames;   // null when the classes were not named

    private Dataset(float[] inputs, int[] inputShape, int[] labels, int classes, float[] targets, int targetSize,
                    List<String> classNames) {
        this.inputs = inputs;
        this.inputShape = inputShape.clone();
        this.labels = labels;
        this.classes = classes;
        this.targets = targets;
        this.targetSize = targetSize;
        this.classNames = classNames;
    }

    /** The same numbers with other inputs: what scaling, reshaping and picking examples keep. */
    private Dataset with(float[] inputs, int[] inputShape, int[] labels, float[] targets) {
        return new Dataset(inputs, inputShape, labels, classes, targets, targetSize, classNames);
    }

    /** Classification: {@code labels[i]} in {@code 0 .. classes-1} is the class of input {@code i}. */
    public static Dataset of(float[] inputs, int[] inputShape, int[] labels, int classes) {
        int sample = Shapes.size(inputShape);
        if (inputs.length != labels.length * sample) {
            throw new IllegalArgumentException("dataset: " + inputs.length + " numbers are not " + labels.length
                    + " inputs of " + Shapes.str(inputShape));
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("dataset: label " + labels[i] + " of example " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        return new Dataset(inputs, inputShape, labels, classes, null, 0, null);
    }

    /**
     * Classification with named classes: {@code labels[i]} is the position of example {@code i}'s class in
     * {@code classNames}.
     *
     * <pre>{@code
     * var shades = Dataset.of(pixels, new int[] {1, 8, 8}, new int[] {0, 1, 1}, List.of("dark", "bright"));
     * shades.classNames().get(shades.label(1));   // "bright"
     * }</pre>
     */
    public static Dataset of(float[] inputs, int[] inputShape, int[] labels, List<String> classNames) {
        return of(inputs, inputShape, labels, classNames.size()).withClassNames(classNames);
    }

    /** Targets as vectors: {@code targets} holds {@code targetSize} numbers per input. */
    public static Dataset withTargets(float[] inputs, int[] inputShape, float[] targets, int targetSize) {
        int n = targets.length / targetSize;
        if (inputs.length != n * Shapes.size(inputShape) || targets.length != n * targetSize) {
            throw new IllegalArgumentException("dataset: " + inputs.length + " input numbers and " + targets.length
                    + " target numbers do not make whole examples of " + Shapes.str(inputShape) + " and "
                    + targetSize);
        }
        return new Dataset(inputs, inputShape, null, 0, targets, targetSize, null);
    }

    /**
     * Classes given as target vectors, like the course's float label pairs ({@code [1, 0]} or {@code [0, 1]}): the
     * batches carry the vectors as targets (for a squared-error loss) and, as labels, the position of each
     * vector's largest number (for accuracy, as the course's {@code argmax(labels, 1)}).
     */
    public static Dataset classTargets(float[] inputs, int[] inputShape, float[] targets, int classes) {
        Dataset vectors = withTargets(inputs, inputShape, targets, classes);
        int[] labels = new int[vectors.size()];
        for (int i = 0; i < labels.length; i++) {
            for (int k = 1; k < classes; k++) {
                if (targets[i * classes + k] > targets[i * classes + labels[i]]) {
                    labels[i] = k;
                }
            }
        }
        return new Dataset(inputs, inputShape, labels, classes, targets, classes, null);
    }

    /**
     * The same examples, their classes named: {@code classNames.get(k)} is the name of class {@code k}.
     *
     * <pre>{@code
     * var faces = CourseData.load(images, labels).withClassNames(List.of("female", "male"));
     * faces.classNames();   // [female, male]
     * }</pre>
     */
    public Dataset withClassNames(List<String> classNames) {
        if (labels == null) {
            throw new IllegalArgumentException("withClassNames: the data has no classes to name (its targets are"
                    + " vectors of " + targetSize + " numbers)");
        }
        if (classNames.size() != classes) {
            throw new IllegalArgumentException("withClassNames: the data has " + classes + " classes, but "
                    + classNames + " has " + classNames.size() + "; give one name per class, in label order");
        }
        return new Dataset(inputs, inputShape, labels, classes, targets, targetSize, List.copyOf(classNames));
    }

    /** The number of examples. */
    public int size() {
        return targets == null ? labels.length : targets.length / targetSize;
    }

    /** The shape of one input, without a batch axis. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The number of classes, or 0 when the targets are vectors. */
    public int classes() {
        return classes;
    }

    /**
     * The name of each class, in label order: those the data came with (the folder names of an {@link ImageFolder},
     * Fashion-MNIST's "T-shirt/top" .. "Ankle boot"), else the labels themselves, "0" .. "k-1", so that a caption
     * or a prediction always has a name to show. Empty when the targets are vectors without classes.
     *
     * <pre>{@code
     * var data = FashionMnist.load(100, 100);
     * data.test().classNames().get(data.test().label(0));   // "Ankle boot"
     * }</pre>
     */
    public List<String> classNames() {
        if (classNames != null) {
            return classNames;
        }
        return IntStream.range(0, classes).mapToObj(String::valueOf).toList();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The class of example {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /**
     * The input of example {@code i} as a tensor of the input shape ({@code [1, 28, 28]} for a Fashion-MNIST
     * image), to show or to predict: {@code model.predict(data.test().input(0))}.
     */
    public Tensor input(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("input: there is no example " + i + "; the examples are 0.."
                    + (size() - 1));
        }
        return Tensor.ofRows(inputs, new int[] {i}, inputShape).reshape(inputShape);
    }

    /** All the numbers of the inputs, one example after the other (not a copy: do not change them). */
    public float[] inputs() {
        return inputs;
    }

    /** The labels (not a copy), or null when the targets are vectors. */
    public int[] labels() {
        return labels;
    }

    /** Whether the targets are vectors ({@link #withTargets}, {@link #classTargets}). */
    public boolean hasTargets() {
        return targets != null;
    }

    /** The target vectors, {@code targetSize()} numbers per example (not a copy), or null for plain labels. */
    public float[] targets() {
        return targets;
    }

    /** The length of one target vector, or 0 for plain labels. */
    public int targetSize() {
        return targetSize;
    }

    /** The same examples with every input number multiplied by {@code factor} (e.g. 1/255 for raw pixels). */
    public Dataset scaled(float factor) {
        float[] in = new float[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = inputs[i] * factor;
        }
        return with(in, inputShape, labels, targets);
    }

    /** The same examples seen as inputs of another shape with as many numbers: the course's 2304 as [1, 48, 48]. */
    public Dataset reshaped(int... shape) {
        if (Shapes.size(shape) != Shapes.size(inputShape)) {
            throw new IllegalArgumentException("reshaped: inputs of " + Shapes.str(inputShape) + " hold "
                    + Shapes.size(inputShape) + " numbers, " + Shapes.str(shape) + " holds " + Shapes.size(shape));
        }
        return with(inputs, shape, labels, targets);
    }

    /** The first {@code n} examples (all when there are fewer): quick runs, notebooks that must finish fast. */
    public Dataset limit(int n) {
        return subset(IntStream.range(0, Math.min(n, size())).toArray());
    }

    /**
     * The first {@code n} examples (all when there are fewer), as tf.data's {@code take}: a few to look at.
     *
     * <pre>{@code
     * Images.grid(data.test().take(8));   // the first 8 test images, captioned with their class names
     * }</pre>
     */
    public Dataset take(int n) {
        return limit(n);
    }

    /** The examples at {@code indices}, in that order. */
    public Dataset subset(int[] indices) {
        int sample = Shapes.size(inputShape);
        float[] in = new float[indices.length * sample];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(inputs, indices[i] * sample, in, i * sample, sample);
        }
        int[] l = labels == null ? null : Arrays.stream(indices).map(i -> labels[i]).toArray();
        return with(in, inputShape, l, targetRows(indices));
    }

    /** The target vectors of the examples at {@code indices}, or null for plain labels. */
    private float[] targetRows(int[] indices) {
        if (targets == null) {
            return null;
        }
        float[] t = new float[indices.length * targetSize];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(targets, indices[i] * targetSize, t, i * targetSize, targetSize);
        }
        return t;
    }

    /** Two parts drawn without overlap after a seeded shuffle. */
    public record Split(Dataset train, Dataset validation) {
    }

    /** {@code fraction} of the examples to train on and the rest to validate on, shuffled with {@code seed}. */
    public Split split(double fraction, long seed) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("split: the training fraction " + fraction + " must be between 0 and 1");
        }
        int[] order = shuffled(size(), new Random(seed));
        int cut = (int) Math.round(size() * fraction);
        return new Split(subset(Arrays.copyOfRange(order, 0, cut)), subset(Arrays.copyOfRange(order, cut, size())));
    }

    /** The slides' split: 80% training, 20% validation. */
    public Split split() {
        return split(0.8, 0);
    }

    /**
     * All the examples as one batch, to run a network on by hand: {@code data.take(256).batch().inputs()} is a
     * {@code [256, ...shape]} tensor, {@code .targets()} what a loss compares the outputs with.
     */
    public Batch batch() {
        return batch(IntStream.range(0, size()).toArray());
    }

    /** A batch of the examples at {@code indices}: inputs {@code [b, ...shape]} and targets. */
    public Batch batch(int[] indices) {
        Tensor x = Tensor.ofRows(inputs, indices, inputShape);
        int[] l = null;
        if (labels != null) {
            l = new int[indices.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = labels[indices[i]];
            }
        }
        if (targets != null) {
            return new Batch(x, Tensor.of(targetRows(indices), indices.length, targetSize), l);
        }
        float[] asFloats = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            asFloats[i] = l[i];
        }
        return new Batch(x, Tensor.of(asFloats), l);
    }

    /** A seeded Fisher-Yates shuffle of {@code 0 .. n-1}. */
    static int[] shuffled(int n, Random rng) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " examples of " + Shapes.str(inputShape)
                + (labels != null ? ", " + classes + " classes" : "")
                + (classNames != null ? " (" + String.join(", ", classNames) + ")" : "")
                + (targets != null ? (labels != null ? " as " : ", ") + "targets of " + targetSize : "") + ")";
    }
}
