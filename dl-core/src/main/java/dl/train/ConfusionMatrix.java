package dl.train;

import dl.data.DataLoader;
import dl.data.Dataset;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * Counts of (true class, predicted class): {@code counts()[t][p]} examples of class {@code t} were predicted
 * {@code p}; the diagonal holds the right answers. Per class {@code c}, with TP the diagonal count, FP the rest of
 * column {@code c} and FN the rest of row {@code c}:
 * <pre>
 *   precision = TP / (TP + FP)      recall = TP / (TP + FN)      F1 = 2 precision recall / (precision + recall)
 * </pre>
 * A ratio with nothing to count (a class never predicted, or never present) is 0, as scikit-learn reports it.
 *
 * <pre>{@code
 * var m = ConfusionMatrix.of(predicted, labels, 10).named(FashionMnist.CLASSES);
 * System.out.println(m);     // the table, with precision, recall and F1 per class
 * }</pre>
 */
public final class ConfusionMatrix {

    private final int[][] counts;
    private final List<String> names;

    private ConfusionMatrix(int[][] counts, List<String> names) {
        this.counts = counts;
        this.names = names;
    }

    /** The matrix of {@code predicted} against {@code labels}, both in {@code 0 .. classes-1}. */
    public static ConfusionMatrix of(int[] predicted, int[] labels, int classes) {
        Metrics.checkLength(predicted.length, labels, "confusion matrix");
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("confusion matrix: example " + i + " has label " + labels[i]
                        + " and prediction " + predicted[i] + "; both must be in 0.." + (classes - 1));
            }
            counts[labels[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, null);
    }

    /**
     * The matrix of what {@code model} answers for every example of {@code data} (in evaluation mode, a batch of
     * {@link Trainer#evaluationBatch} examples at a time), named with the data's classes.
     *
     * <pre>{@code
     * ConfusionMatrix.of(model, data.test())          // the table; in a notebook, the heat map
     * }</pre>
     */
    public static ConfusionMatrix of(Net model, Dataset data) {
        FitChecks.notEmpty(data, "confusion matrix: the data");
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("confusion matrix: the data has no class labels (its targets are"
                    + " vectors of " + data.targetSize() + " numbers); a confusion matrix counts classes");
        }
        int[] predicted = new int[data.size()];
        int classes = 0;
        for (int[] indices : new DataLoader(data, Trainer.evaluationBatch(model), false, 0).epoch(0)) {
            Tensor output = model.outputs(data.batch(indices).inputs());
            int[] answers = Metrics.predictions(output);
            for (int i = 0; i < indices.length; i++) {
                predicted[indices[i]] = answers[i];
            }
            classes = output.size(1);
        }
        List<String> names = data.classNames().size() == classes ? data.classNames() : model.classNames();
        return of(predicted, data.labels(), classes).named(names);
    }

    /** The same matrix, printed with the classes' names. */
    public ConfusionMatrix named(List<String> classNames) {
        if (classNames.size() != counts.length) {
            throw new IllegalArgumentException("confusion matrix: " + classNames.size() + " names for "
                    + counts.length + " classes");
        }
        return new ConfusionMatrix(counts, List.copyOf(classNames));
    }

    /** The classes' names (their numbers when none were given). */
    public List<String> names() {
        return java.util.stream.IntStream.range(0, counts.length).mapToObj(this::name).toList();
    }

    /** A heat map of the counts, to show in a notebook or save with {@code Charts.save}. */
    public org.knowm.xchart.HeatMapChart plot() {
        return dl.viz.ConfusionChart.of(this);
    }

    /** A copy of the counts: row = true class, column = predicted class. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    public int classes() {
        return counts.length;
    }

    /** The fraction of examples on the diagonal. */
    public double accuracy() {
        long right = 0, all = 0;
        for (int t = 0; t < counts.length; t++) {
            right += counts[t][t];
            for (int n : counts[t]) {
                all += n;
            }
        }
        return ratio(right, all);
    }

    /** TP / (TP + FP): of the examples predicted {@code c}, the fraction that are {@code c}. */
    public double precision(int c) {
        long predicted = 0;
        for (int[] row : counts) {
            predicted += row[c];
        }
        return ratio(counts[c][c], predicted);
    }

    /** TP / (TP + FN): of the examples of class {@code c}, the fraction predicted {@code c}. */
    public double recall(int c) {
        long present = 0;
        for (int n : counts[c]) {
            present += n;
        }
        return ratio(counts[c][c], present);
    }

    /** 2 precision recall / (precision + recall), or 0 when both are 0. */
    public double f1(int c) {
        double p = precision(c), r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroPrecision() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += precision(c);
        }
        return s / counts.length;
    }

    public double macroRecall() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += recall(c);
        }
        return s / counts.length;
    }

    /** The mean of the per-class F1 scores (not the F1 of the macro precision and recall). */
    public double macroF1() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += f1(c);
        }
        return s / counts.length;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private String name(int c) {
        return names == null ? Integer.toString(c) : names.get(c);
    }

    /** The table: one row per true class, one column per predicted class, then precision, recall and F1. */
    @Override
    public String toString() {
        int first = "true \\ predicted".length(), width = 5;
        for (int c = 0; c < counts.length; c++) {
            first = Math.max(first, name(c).length());
            width = Math.max(width, name(c).length());
            for (int[] row : counts) {
                width = Math.max(width, Integer.toString(row[c]).length());
            }
        }
        String label = "%-" + first + "s", cell = "%" + (width + 1) + "s";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, label, "true \\ predicted"));
        for (int c = 0; c < counts.length; c++) {
            s.append(String.format(Locale.ROOT, cell, name(c)));
        }
        s.append("  precision  recall     F1\n");
        for (int t = 0; t < counts.length; t++) {
            s.append(String.format(Locale.ROOT, label, name(t)));
            for (int p = 0; p < counts.length; p++) {
                s.append(String.format(Locale.ROOT, cell, counts[t][p]));
            }
            s.append(String.format(Locale.ROOT, "  %9.3f  %6.3f  %5.3f\n", precision(t), recall(t), f1(t)));
        }
        s.append(String.format(Locale.ROOT, "accuracy %.3f, macro precision %.3f, recall %.3f, F1 %.3f",
                accuracy(), macroPrecision(), macroRecall(), macroF1()));
        return s.toString();
    }
}
