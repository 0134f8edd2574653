package dl.train;

import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What a classifier answers for one example or a batch: the class it picks, by name, and how sure it is. The
 * probabilities are the softmax of the model's outputs {@code y} (its logits),
 * <pre>
 *   p_i = e^{y_i} / sum_j e^{y_j}
 * </pre>
 * and the class picked is the most probable one, {@code argmax_i p_i} (the same as {@code argmax_i y_i}).
 *
 * <pre>{@code
 * var picture = Images.read(Path.of("shoe.png"), 1, 28, 28);
 * var answer = model.predict(picture);
 * answer.className();       // "Sneaker"
 * answer.probabilities();   // a table of class -> probability, most probable first (a bar chart in a notebook)
 * answer                    // Sneaker (92.1%), then Sandal 5.3%, Ankle boot 1.2%
 * }</pre>
 */
public final class Prediction {

    /** How many runners-up {@link #toString()} names after the class picked. */
    private static final int RUNNERS_UP = 2;

    private final Tensor outputs;
    private final float[] probabilities;   // one row of k per example
    private final int classes;
    private final List<String> classNames;
    private final boolean single;

    /**
     * The answer for {@code probabilities [N, K]} (rows summing to 1) of {@code outputs}, class {@code k} named
     * {@code classNames.get(k)}; {@code single}: the question was one example, not a batch of one.
     */
    public Prediction(Tensor outputs, Tensor probabilities, List<String> classNames, boolean single) {
        int[] s = probabilities.shape();
        if (s.length != 2 || s[1] < 2) {
            throw new IllegalArgumentException("predict: the model gives " + Shapes.str(Arrays.copyOfRange(s, 1,
                    s.length)) + " outputs per example, not a score for each of 2 or more classes; for a model that"
                    + " predicts numbers, use model.outputs(x)");
        }
        if (classNames.size() != s[1]) {
            throw new IllegalArgumentException("predict: " + classNames.size() + " class names " + classNames
                    + " for " + s[1] + " outputs; set one name per output with model.classNames(...)");
        }
        this.outputs = single ? outputs.reshape(s[1]) : outputs;
        this.probabilities = probabilities.toFloatArray();
        this.classes = s[1];
        this.classNames = List.copyOf(classNames);
        this.single = single;
    }

    /** How many examples were predicted: 1 for one example. */
    public int size() {
        return probabilities.length / classes;
    }

    /** The answer for example {@code i} of a batch. */
    public Prediction get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("get: example " + i + " of a prediction of " + size()
                    + " examples; use 0.." + (size() - 1));
        }
        Tensor row = single ? outputs : outputs.slice(0, i, i + 1);
        float[] p = Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes);
        return new Prediction(row, Tensor.of(p, 1, classes), classNames, true);
    }

    /** The class picked for the one example, by number: the most probable. */
    public int label() {
        return labels()[only("label")];
    }

    /** The class picked for the one example, by name: "Sneaker". */
    public String className() {
        return classNames.get(labels()[only("className")]);
    }

    /** How probable the class picked is, between 0 and 1. */
    public double probability() {
        int row = only("probability");
        return probabilities[row * classes + labels()[row]];
    }

    /** Each class with its probability for the one example, most probable first; the column sums to 1. */
    public Table probabilities() {
        int row = only("probabilities");
        Integer[] order = ranked(row);
        StringColumn names = StringColumn.create("class");
        DoubleColumn p = DoubleColumn.create("probability");
        for (int c : order) {
            names.append(classNames.get(c));
            p.append(probabilities[row * classes + c]);
        }
        p.setPrintFormatter(NumberColumnFormatter.percent(1));   // printed "92.1%"; the values stay 0.921
        return Table.create("prediction", names, p);
    }

    /** The class picked for each example, by number. */
    public int[] labels() {
        return IntStream.range(0, size()).map(row -> ranked(row)[0]).toArray();
    }

    /** The class picked for each example, by name. */
    public List<String> classNames() {
        return Arrays.stream(labels()).mapToObj(classNames::get).toList();
    }

    /** The model's raw outputs (before the softmax): {@code [K]} for one example, {@code [N, K]} for a batch. */
    public Tensor outputs() {
        return outputs;
    }

    /** A bar chart of the classes' probabilities for the one example, most probable first. */
    public org.knowm.xchart.CategoryChart plot() {
        return dl.viz.PredictionChart.of(this);
    }

    /** The classes of example {@code row}, most probable first (ties: the lower class first, as argmax). */
    private Integer[] ranked(int row) {
        Integer[] order = IntStream.range(0, classes).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -probabilities[row * classes + c]));
        return order;
    }

    /** The row of the one example; a batch of several is refused, with the call that answers it. */
    private int only(String what) {
        if (size() != 1) {
            throw new IllegalStateException(what + ": this prediction holds " + size() + " examples; ask for one"
                    + " with get(i)." + what + "(), or for all with classNames() or labels()");
        }
        return 0;
    }

    /**
     * One example: "Sneaker (92.1%), then Sandal 5.3%, Ankle boot 1.2%". A batch: one such line per example,
     * numbered.
     */
    @Override
    public String toString() {
        if (size() == 1) {
            return line(0);
        }
        StringBuilder s = new StringBuilder(size() + " predictions:");
        for (int row = 0; row < size(); row++) {
            s.append(String.format(Locale.ROOT, "%n%3d: ", row)).append(line(row));
        }
        return s.toString();
    }

    private String line(int row) {
        Integer[] order = ranked(row);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s (%.1f%%)", classNames.get(order[0]),
                100 * probabilities[row * classes + order[0]]));
        for (int r = 1; r <= Math.min(RUNNERS_UP, classes - 1); r++) {
            s.append(r == 1 ? ", then " : ", ").append(String.format(Locale.ROOT, "%s %.1f%%",
                    classNames.get(order[r]), 100 * probabilities[row * classes + order[r]]));
        }
        return s.toString();
    }
}
