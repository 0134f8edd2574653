package dl.train;

import dl.tensor.Tensor;

/**
 * Scores of a classifier from its outputs (logits or probabilities {@code [N, K]}: the predicted class is the
 * largest output of each row) and the true labels: accuracy, the ImageNet table's top-k error, and through
 * {@link ConfusionMatrix} precision, recall and F1 per class and macro-averaged.
 *
 * <pre>{@code
 * Metrics.accuracy(logits, labels);        // 0.9
 * Metrics.topKError(logits, labels, 5);    // ILSVRC's "top-5 error"
 * Metrics.confusion(logits, labels).f1(3);
 * }</pre>
 */
public final class Metrics {

    private Metrics() {
    }

    /** How many rows of {@code output [N, K]} have their largest value at the label. */
    public static int correct(Tensor output, int[] labels) {
        return correct(predictions(output), labels);
    }

    /** The fraction of right answers. */
    public static double accuracy(Tensor output, int[] labels) {
        return (double) correct(output, labels) / labels.length;
    }

    /** The fraction of {@code predicted[i] == labels[i]}. */
    public static double accuracy(int[] predicted, int[] labels) {
        return (double) correct(predicted, labels) / labels.length;
    }

    /** The predicted class of each row of {@code output [N, K]}: the position of its largest value. */
    public static int[] predictions(Tensor output) {
        checkRows(output, "predictions");
        float[] predicted = output.detach().argmax(1).toFloatArray();
        int[] classes = new int[predicted.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (int) predicted[i];
        }
        return classes;
    }

    /**
     * Top-k error: the fraction of rows whose label is not among the {@code k} largest outputs (ties counted in the
     * label's favour). With {@code k = 1} it is {@code 1 - accuracy}; ImageNet tables report {@code k = 5}.
     */
    public static double topKError(Tensor output, int[] labels, int k) {
        return 1 - topKAccuracy(output, labels, k);
    }

    /** The fraction of rows whose label is among the {@code k} largest outputs. */
    public static double topKAccuracy(Tensor output, int[] labels, int k) {
        checkRows(output, "topKAccuracy");
        int n = output.size(0), classes = output.size(1);
        if (k < 1 || k > classes) {
            throw new IllegalArgumentException("top-k: k = " + k + " must be between 1 and the " + classes
                    + " classes");
        }
        checkLength(n, labels, "topKAccuracy");
        float[] v = output.detach().toFloatArray();
        int hits = 0;
        for (int i = 0; i < n; i++) {
            float own = v[i * classes + labels[i]];
            int above = 0;
            for (int c = 0; c < classes; c++) {
                above += v[i * classes + c] > own ? 1 : 0;
            }
            hits += above < k ? 1 : 0;
        }
        return (double) hits / n;
    }

    /** The confusion matrix of the predicted classes of {@code output [N, K]} against {@code labels}. */
    public static ConfusionMatrix confusion(Tensor output, int[] labels) {
        return ConfusionMatrix.of(predictions(output), labels, output.size(1));
    }

    /** Precision of each class: of the examples predicted {@code c}, the fraction that are {@code c}. */
    public static double[] precision(int[] predicted, int[] labels, int classes) {
        ConfusionMatrix m = ConfusionMatrix.of(predicted, labels, classes);
        return perClass(classes, m::precision);
    }

    /** Recall of each class: of the examples of class {@code c}, the fraction predicted {@code c}. */
    public static double[] recall(int[] predicted, int[] labels, int classes) {
        ConfusionMatrix m = ConfusionMatrix.of(predicted, labels, classes);
        return perClass(classes, m::recall);
    }

    /** F1 of each class, the harmonic mean of its precision and recall. */
    public static double[] f1(int[] predicted, int[] labels, int classes) {
        ConfusionMatrix m = ConfusionMatrix.of(predicted, labels, classes);
        return perClass(classes, m::f1);
    }

    /** The mean of the classes' F1 scores, each class counting the same. */
    public static double macroF1(int[] predicted, int[] labels, int classes) {
        return ConfusionMatrix.of(predicted, labels, classes).macroF1();
    }

    private static int correct(int[] predicted, int[] labels) {
        checkLength(predicted.length, labels, "accuracy");
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            n += predicted[i] == labels[i] ? 1 : 0;
        }
        return n;
    }

    private static double[] perClass(int classes, java.util.function.IntToDoubleFunction score) {
        double[] s = new double[classes];
        for (int c = 0; c < classes; c++) {
            s[c] = score.applyAsDouble(c);
        }
        return s;
    }

    private static void checkRows(Tensor output, String what) {
        if (output.rank() != 2) {
            throw new IllegalArgumentException(what + ": expects outputs [examples, classes], got "
                    + java.util.Arrays.toString(output.shape()));
        }
    }

    static void checkLength(int n, int[] labels, String what) {
        if (labels.length != n) {
            throw new IllegalArgumentException(what + ": " + n + " predictions but " + labels.length + " labels");
        }
    }
}
