package dl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A table of examples in a CSV file, one row per example with a header line: one column holds each example's
 * class, every other column one number of its input. Read with Tablesaw.
 *
 * <pre>
 * length,width,species
 * 5.1,3.5,setosa
 * 7.0,3.2,versicolor
 * </pre>
 *
 * The classes are the label column's distinct values, sorted (numbers by value, text alphabetically, as
 * scikit-learn's {@code LabelEncoder}), and are the data's {@link Dataset#classNames()}: here label 0 is
 * {@code setosa}. Inputs are {@code [features]}, the other columns in file order, as they are written: scale them
 * yourself if their ranges differ much.
 *
 * <pre>{@code
 * Dataset iris = CsvData.load(Path.of("iris.csv"), "species");   // inputs [2], classes [setosa, versicolor]
 * net(input(iris.inputShape())).dense(8).relu().dense(iris.classes());
 * }</pre>
 */
public final class CsvData {

    private CsvData() {
    }

    /**
     * The rows of {@code file} as examples: {@code labelColumn} names the class column, all other columns must
     * hold numbers.
     *
     * <pre>{@code
     * Dataset flowers = CsvData.load(Path.of("iris.csv"), "species");
     * flowers.classNames();   // [setosa, versicolor, virginica]
     * }</pre>
     */
    public static Dataset load(Path file, String labelColumn) {
        Table table = read(file);
        if (!table.columnNames().contains(labelColumn)) {
            throw new DataException(file + " has no column \"" + labelColumn + "\" to take the classes from; its"
                    + " columns are " + table.columnNames() + " (names are case-sensitive)", null);
        }
        List<Column<?>> features = table.columns().stream().filter(c -> !c.name().equals(labelColumn)).toList();
        if (features.isEmpty() || table.rowCount() == 0) {
            throw new DataException(file + " has " + table.rowCount() + " rows and " + features.size() + " feature"
                    + " columns besides \"" + labelColumn + "\"; expected a header line, then one row per example",
                    null);
        }
        float[] inputs = new float[table.rowCount() * features.size()];
        for (int f = 0; f < features.size(); f++) {
            NumericColumn<?> numbers = numeric(file, features.get(f));
            for (int row = 0; row < table.rowCount(); row++) {
                inputs[row * features.size() + f] = (float) numbers.getDouble(row);
            }
        }
        Column<?> labels = table.column(labelColumn);
        checkFilled(file, labels);
        List<String> names = classNames(labels);
        Map<String, Integer> label = new HashMap<>();
        names.forEach(name -> label.put(name, label.size()));
        int[] classes = IntStream.range(0, table.rowCount()).map(row -> label.get(name(labels, row))).toArray();
        return Dataset.of(inputs, new int[] {features.size()}, classes, names);
    }

    private static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file.toAbsolutePath() + " is missing: expected a CSV file with a header line",
                    null);
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).sample(false).build());
        } catch (RuntimeException e) {
            throw new DataException(file + " cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    /** The column as numbers, or a message naming it and showing a value that is not one. */
    private static NumericColumn<?> numeric(Path file, Column<?> column) {
        if (!(column instanceof NumericColumn<?> numbers)) {
            String example = column.isEmpty() ? "" : " such as \"" + column.getString(0) + "\"";
            String type = column.type().name().toLowerCase(Locale.ROOT);
            throw new DataException(file + ": the column \"" + column.name() + "\" holds " + type + " values" + example
                    + ", not numbers; every column but the label must be a number. Drop it from the file or write it"
                    + " as numbers", null);
        }
        checkFilled(file, numbers);
        return numbers;
    }

    /** Refuses an empty cell: an example without all its numbers. */
    private static void checkFilled(Path file, Column<?> column) {
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                throw new DataException(file + ": the column \"" + column.name() + "\" is empty on line " + (row + 2)
                        + " (the header is line 1); fill it in or remove the row", null);
            }
        }
    }

    /** The distinct labels sorted: numbers by value, text alphabetically. */
    private static List<String> classNames(Column<?> labels) {
        if (labels instanceof NumericColumn<?> numbers) {
            TreeSet<Double> values = new TreeSet<>();
            IntStream.range(0, numbers.size()).forEach(row -> values.add(numbers.getDouble(row)));
            return values.stream().map(CsvData::number).toList();
        }
        TreeSet<String> values = new TreeSet<>();
        IntStream.range(0, labels.size()).forEach(row -> values.add(labels.getString(row)));
        return List.copyOf(values);
    }

    private static String name(Column<?> labels, int row) {
        return labels instanceof NumericColumn<?> numbers ? number(numbers.getDouble(row)) : labels.getString(row);
    }

    /** A number as a label's name: {@code 3} rather than {@code 3.0}. */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
