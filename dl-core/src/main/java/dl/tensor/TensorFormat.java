package dl.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a tensor the way students read them in NumPy and PyTorch: the shape on the first line, then nested
 * brackets, one row per line, numbers right-aligned. An axis longer than {@link #EDGE}{@code * 2} shows its first
 * and last {@link #EDGE} entries around a "...".
 */
final class TensorFormat {

    static final int EDGE = 3;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        int[] shape = t.shape();
        float[] values = t.toFloatArray();
        String header = "Tensor" + Shapes.str(shape) + (t.isGradRequired() ? " (requires grad)" : "");
        if (shape.length == 0) {
            return header + " " + number(values[0], allWhole(values));
        }
        if (values.length == 0) {
            return header + " []";
        }
        List<Integer> shown = new ArrayList<>();
        collectShown(shape, 0, 0, shown);
        float[] visible = new float[shown.size()];
        for (int i = 0; i < visible.length; i++) {
            visible[i] = values[shown.get(i)];
        }
        boolean whole = allWhole(visible);
        int width = 0;
        for (float v : visible) {
            width = Math.max(width, number(v, whole).length());
        }
        StringBuilder out = new StringBuilder(header).append('\n');
        grid(out, values, shape, 0, 0, whole, width);
        return out.toString();
    }

    /** Which flat indices appear in the printout. */
    private static void collectShown(int[] shape, int axis, int base, List<Integer> shown) {
        int inner = Shapes.inner(shape, axis);
        for (int i : visibleIndices(shape[axis])) {
            if (axis == shape.length - 1) {
                shown.add(base + i);
            } else {
                collectShown(shape, axis + 1, base + i * inner, shown);
            }
        }
    }

    private static int[] visibleIndices(int n) {
        if (n <= 2 * EDGE) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        return new int[] {0, 1, 2, n - 3, n - 2, n - 1};
    }

    private static void grid(StringBuilder out, float[] values, int[] shape, int axis, int base, boolean whole,
                             int width) {
        int n = shape[axis], inner = Shapes.inner(shape, axis);
        String indent = " ".repeat(axis + 1);
        String rowBreak = ",\n" + "\n".repeat(Math.max(0, shape.length - axis - 2)) + indent;
        out.append('[');
        int[] visible = visibleIndices(n);
        for (int v = 0; v < visible.length; v++) {
            int i = visible[v];
            if (v > 0) {
                out.append(axis == shape.length - 1 ? ", " : rowBreak);
                if (visible[v - 1] != i - 1) {
                    out.append("...").append(axis == shape.length - 1 ? ", " : rowBreak);
                }
            }
            if (axis == shape.length - 1) {
                String s = number(values[base + i], whole);
                out.append(" ".repeat(width - s.length())).append(s);
            } else {
                grid(out, values, shape, axis + 1, base + i * inner, whole, width);
            }
        }
        out.append(']');
    }

    private static boolean allWhole(float[] values) {
        for (float v : values) {
            if (v != Math.rint(v) || Math.abs(v) >= 1e7) {
                return false;
            }
        }
        return true;
    }

    private static String number(float v, boolean whole) {
        if (whole) {
            return String.valueOf((long) v);
        }
        float a = Math.abs(v);
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (a != 0 && (a < 1e-3f || a >= 1e5f)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
