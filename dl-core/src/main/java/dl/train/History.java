package dl.train;

import dl.nn.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What happened during {@code fit}: one row per epoch (training loss and accuracy, validation loss and accuracy,
 * seconds), the loss of every step, and why training stopped. Prints as a table; {@link #table()} gives the
 * same rows as a Tablesaw table for plots and notebooks. Every loss is per example (see {@link #lossScale()}), so
 * training and validation loss compare directly.
 */
public final class History {

    /** One epoch's figures; accuracies and validation figures are NaN where they do not apply. */
    public record Epoch(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy,
                        double seconds) {

        /**
         * The line the console and the notebook print after an epoch:
         * {@code epoch 2: loss 0.4012  accuracy 85.3%  validation loss 0.4391 accuracy 84.1%  (cross-entropy per
         * example, 3.1 s)}, leaving out what is NaN.
         */
        public String line(String lossScale) {
            String train = Double.isNaN(accuracy) ? "" : String.format(Locale.ROOT, "  accuracy %.1f%%",
                    100 * accuracy);
            String validation = Double.isNaN(validationLoss) ? "" : String.format(Locale.ROOT,
                    "  validation loss %.4f accuracy %.1f%%", validationLoss, 100 * validationAccuracy);
            return String.format(Locale.ROOT, "epoch %d: loss %.4f%s%s  (%s, %.1f s)", epoch, loss, train,
                    validation, lossScale, seconds);
        }
    }

    private final String lossScale;
    private final List<Epoch> epochs = new ArrayList<>();
    private final List<Double> stepLosses = new ArrayList<>();
    private String stoppedBecause = "running";
    private int bestEpoch;

    History(Loss loss) {
        this.lossScale = loss.name() + " per example";
    }

    void addStep(double loss) {
        stepLosses.add(loss);
    }

    void addEpoch(Epoch e) {
        epochs.add(e);
    }

    void stop(String reason, int best) {
        this.stoppedBecause = reason;
        this.bestEpoch = best;
    }

    public List<Epoch> epochs() {
        return List.copyOf(epochs);
    }

    /**
     * What the losses are: the loss's name and "per example", as in "sse per example". A summed loss is divided by
     * the examples of its batch, a mean loss is already per example; both columns, loss and val_loss, alike.
     */
    public String lossScale() {
        return lossScale;
    }

    /** The training loss (per example) of every step, in order. */
    public List<Double> stepLosses() {
        return List.copyOf(stepLosses);
    }

    /**
     * "finished", "early stopping", "interrupted", "diverged" (see {@link TrainingDiverged#history()}) or "failed";
     * "running" while {@code fit} runs.
     */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** With early stopping, the epoch (1-based) whose weights the model kept; 0 otherwise. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public Epoch last() {
        return epochs.get(epochs.size() - 1);
    }

    /** Loss and accuracy per epoch, training and validation, as a chart; {@code Charts.save(chart, path)} writes it. */
    public org.knowm.xchart.XYChart plot() {
        return dl.viz.HistoryChart.of(this);
    }

    public Table table() {
        return Table.create("History (" + lossScale + ")",
                IntColumn.create("epoch", epochs.stream().mapToInt(Epoch::epoch).toArray()),
                DoubleColumn.create("loss", epochs.stream().mapToDouble(Epoch::loss).toArray()),
                DoubleColumn.create("accuracy", epochs.stream().mapToDouble(Epoch::accuracy).toArray()),
                DoubleColumn.create("val_loss", epochs.stream().mapToDouble(Epoch::validationLoss).toArray()),
                DoubleColumn.create("val_accuracy", epochs.stream().mapToDouble(Epoch::validationAccuracy).toArray()),
                DoubleColumn.create("seconds", epochs.stream().mapToDouble(Epoch::seconds).toArray()));
    }

    // Following learning (the course's nn2, TensorBoard's scalars and histograms): kept by fit's Recorder.
    private final List<Double> learningRates = new ArrayList<>();
    private final java.util.Map<String, List<Histogram>> weightHistograms = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, List<Histogram>> gradientHistograms = new java.util.LinkedHashMap<>();

    void addLearningRate(double eta) {
        learningRates.add(eta);
    }

    void addWeightHistogram(String parameter, Histogram h) {
        weightHistograms.computeIfAbsent(parameter, k -> new ArrayList<>()).add(h);
    }

    void addGradientHistogram(String parameter, Histogram h) {
        gradientHistograms.computeIfAbsent(parameter, k -> new ArrayList<>()).add(h);
    }

    /** The learning rate of every step, in order, beside {@link #stepLosses()}. */
    public List<Double> learningRates() {
        return List.copyOf(learningRates);
    }

    /**
     * A histogram of each parameter's weights after each epoch, by name ({@code "dense1.weight"}), as
     * {@code tf.summary.histogram} logs them: weights that spread out or collapse to zero show here first.
     */
    public java.util.Map<String, List<Histogram>> weightHistograms() {
        return copy(weightHistograms);
    }

    /**
     * A histogram of each parameter's gradient at the last step of each epoch, by name: gradients that shrink
     * towards zero layer after layer are vanishing, ones that grow are exploding.
     */
    public java.util.Map<String, List<Histogram>> gradientHistograms() {
        return copy(gradientHistograms);
    }

    private static java.util.Map<String, List<Histogram>> copy(java.util.Map<String, List<Histogram>> byName) {
        java.util.Map<String, List<Histogram>> copy = new java.util.LinkedHashMap<>();
        byName.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The loss and the learning rate of every step, as a chart (TensorBoard's scalars). */
    public org.knowm.xchart.XYChart plotSteps() {
        return dl.viz.StepChart.of(this);
    }

    /**
     * Every parameter's histograms, one row per parameter (weights left, gradients right), one line per epoch from
     * light (first) to dark (last), in one image the notebook shows inline.
     */
    public java.awt.image.BufferedImage plotHistograms() {
        return dl.viz.HistogramCharts.grid(this);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("epoch      loss  accuracy  val_loss  val_accuracy  seconds\n");
        for (Epoch e : epochs) {
            s.append(String.format(Locale.ROOT, "%5d  %8.4f  %8.4f  %8.4f  %12.4f  %7.1f%n", e.epoch(), e.loss(),
                    e.accuracy(), e.validationLoss(), e.validationAccuracy(), e.seconds()));
        }
        s.append("loss, val_loss: ").append(lossScale).append('\n');
        s.append("stopped: ").append(stoppedBecause);
        if (bestEpoch > 0) {
            s.append(" (kept the weights of epoch ").append(bestEpoch).append(')');
        }
        return s.toString();
    }
}
