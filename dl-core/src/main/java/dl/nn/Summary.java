package dl.nn;

import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@code model.summary()} shows, as Keras does: one row per layer with its output shape, its parameter count
 * and how that count is computed ({@code 3*3*1*64 + 64}), then the totals and the memory the weights and the
 * activations of one sample take (float32: 4 bytes a number). Computed from the shapes alone, so the summary of
 * VGG16 allocates nothing. Prints as text; {@link #table()} gives the same rows as a Tablesaw table. A hand-written
 * {@link Module}, whose layers are its own business, gets one row per parameter: its name, shape and count.
 */
public final class Summary {

    /** One row of the table; for a hand-written {@link Module}, a parameter's name and shape. */
    public record Row(int position, String layer, int[] outputShape, long parameters, String arithmetic) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final int[] inputShape;
    private final long trainable;
    private final long nonTrainable;
    private final long activations;
    /** The headers of the second and third columns: a layer and its output, or a parameter and its shape. */
    private final String what;
    private final String shape;

    Summary(Net net) {
        this.inputShape = net.inputShape();
        long t = 0, nt = 0, a = 0;
        for (Layer layer : net.layers()) {
            rows.add(new Row(layer.position(), layer.toString(), layer.outputShape(), layer.parameterCount(),
                    layer.parameterArithmetic()));
            t += layer.parameterCount();
            nt += layer.nonTrainableCount();
            a += Shapes.size(layer.outputShape());
        }
        this.trainable = t;
        this.nonTrainable = nt;
        this.activations = a;
        this.what = "layer";
        this.shape = "output shape";
    }

    /** A hand-written module's parameters, one row each, and its buffers (what its state holds besides) counted. */
    Summary(Module module) {
        this.inputShape = null;
        long t = 0;
        int position = 0;
        for (Map.Entry<String, Tensor> p : module.namedParameters().entrySet()) {
            int[] s = p.getValue().shape();
            rows.add(new Row(++position, p.getKey(), s, Shapes.size(s), product(s)));
            t += Shapes.size(s);
        }
        long all = module.state().values().stream().mapToLong(Tensor::numel).sum();
        this.trainable = t;
        this.nonTrainable = all - t;
        this.activations = -1;
        this.what = "parameter";
        this.shape = "shape";
    }

    /** {@code 784*32} for a {@code [784, 32]} weight. */
    private static String product(int[] shape) {
        return Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining("*"));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Trainable parameters: the weights gradient descent changes. */
    public long trainable() {
        return trainable;
    }

    /** Numbers kept but not trained, like batch norm's running mean and variance. */
    public long nonTrainable() {
        return nonTrainable;
    }

    public long total() {
        return trainable + nonTrainable;
    }

    /**
     * The bytes of every layer's output for one sample (what training keeps for the backward pass); -1 for a
     * hand-written {@link Module}, whose outputs are not known without running it.
     */
    public long activationBytes() {
        return activations < 0 ? -1 : 4 * activations;
    }

    public long weightBytes() {
        return 4 * total();
    }

    /** The same rows as a table, for notebooks. */
    public Table table() {
        return Table.create("Summary",
                IntColumn.create("#", rows.stream().mapToInt(Row::position).toArray()),
                StringColumn.create(what, rows.stream().map(Row::layer).toList()),
                StringColumn.create(shape, rows.stream().map(r -> Shapes.str(r.outputShape())).toList()),
                LongColumn.create("parameters", rows.stream().mapToLong(Row::parameters).toArray()),
                StringColumn.create("arithmetic", rows.stream().map(Row::arithmetic).toList()));
    }

    @Override
    public String toString() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"#", what, shape, "parameters", "arithmetic"});
        if (inputShape != null) {
            cells.add(new String[] {"", "input", Shapes.str(inputShape), "", ""});
        }
        for (Row r : rows) {
            cells.add(new String[] {String.valueOf(r.position()), r.layer(), Shapes.str(r.outputShape()),
                    String.format(Locale.ROOT, "%,d", r.parameters()), r.arithmetic()});
        }
        int[] width = new int[5];
        for (String[] row : cells) {
            for (int c = 0; c < 5; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            out.append(String.format(Locale.ROOT, "%" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %"
                    + width[3] + "s  %s", (Object[]) row).stripTrailing()).append('\n');
            if (i == 0) {
                out.append("-".repeat(width[0] + width[1] + width[2] + width[3] + width[4] + 8)).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "Total parameters: %,d (trainable %,d, non-trainable %,d)%n", total(),
                trainable, nonTrainable));
        out.append("Memory: weights ").append(bytes(weightBytes()));
        if (activations >= 0) {
            out.append(", activations of one sample ").append(bytes(activationBytes()));
        }
        return out.toString();
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
