package dl.grading;

import java.util.Arrays;
import java.util.Locale;

/**
 * How one observation is judged. The grader takes the judge from its own run of the reference solution, never from
 * the student's program, so a student's program cannot change how it is judged.
 *
 * @param kind      which comparison
 * @param expected  the expected numbers (for {@code CLOSE_TO}) or the bound (for the others)
 * @param shape     the expected shape, for {@code CLOSE_TO}
 * @param text      the expected text, for {@code EQUAL_TEXT}
 * @param tolerance how far a number may be from the expected one: {@code |got − expected| ≤ tolerance · max(1, |expected|)}
 */
public record Judge(Kind kind, double[] expected, int[] shape, String text, double tolerance) {

    public enum Kind {
        /** Equal to the expected numbers, to within the tolerance. */
        CLOSE_TO,
        /** Equal to the expected text. */
        EQUAL_TEXT,
        /** At least the bound. */
        AT_LEAST,
        /** At most the bound. */
        AT_MOST,
        /** Equal to what the reference solution gives, to within the tolerance (judged only by the grader). */
        SAME_AS_REFERENCE,
        /** A model whose accuracy on the Fashion-MNIST test set, measured by the grader, is at least the bound. */
        TEST_ACCURACY_AT_LEAST
    }

    public Judge {
        expected = expected.clone();
        shape = shape.clone();
    }

    static Judge closeTo(double[] expected, int[] shape, double tolerance) {
        return new Judge(Kind.CLOSE_TO, expected, shape, "", tolerance);
    }

    static Judge bound(Kind kind, double bound) {
        return new Judge(kind, new double[] {bound}, new int[0], "", 0);
    }

    /**
     * Whether {@code actual} passes. {@code reference} is the same observation from the reference solution, which
     * {@code SAME_AS_REFERENCE} compares with; without one (a student's own check), that judge passes and says it
     * is decided when graded.
     */
    public Verdict verdict(Observation actual, Observation reference) {
        String what = actual.what();
        return switch (kind) {
            case CLOSE_TO -> compare(what, actual, expected, shape, tolerance);
            case SAME_AS_REFERENCE -> reference == null
                ? new Verdict(true, what + ": compared with the reference solution when graded")
                : compare(what, actual, reference.values(), reference.shape(), tolerance);
            case EQUAL_TEXT -> actual.text().equals(text) ? Verdict.pass()
                : Verdict.fail(what + ": expected \"" + text + "\", got \"" + actual.text() + "\"");
            case AT_LEAST, TEST_ACCURACY_AT_LEAST -> bounded(what, actual, true);
            case AT_MOST -> bounded(what, actual, false);
        };
    }

    private Verdict bounded(String what, Observation actual, boolean atLeast) {
        double[] got = actual.values();
        if (got.length != 1) {
            return Verdict.fail(what + ": expected one number, got " + (got.length == 0 ? "none" : show(got, actual.shape())));
        }
        double bound = expected[0];
        boolean ok = atLeast ? got[0] >= bound : got[0] <= bound;   // false for NaN
        return ok ? Verdict.pass()
            : Verdict.fail(what + ": expected " + (atLeast ? "at least " : "at most ") + number(bound) + ", got "
                + number(got[0]));
    }

    private static Verdict compare(String what, Observation actual, double[] want, int[] wantShape, double tolerance) {
        double[] got = actual.values();
        if (!Arrays.equals(actual.shape(), wantShape) || got.length != want.length) {
            return Verdict.fail(what + ": expected " + shapeWords(wantShape) + ", got " + shapeWords(actual.shape()));
        }
        for (int i = 0; i < want.length; i++) {
            double allowed = tolerance * Math.max(1, Math.abs(want[i]));
            if (!(Math.abs(got[i] - want[i]) <= allowed)) {   // also catches NaN
                if (wantShape.length == 0) {
                    return Verdict.fail(what + ": expected " + number(want[i]) + ", got " + number(got[i]));
                }
                return Verdict.fail(what + ": expected " + show(want, wantShape) + ", got " + show(got, wantShape)
                    + "; the first difference is at " + position(i, wantShape) + ": expected " + number(want[i])
                    + ", got " + number(got[i]));
            }
        }
        return Verdict.pass();
    }

    /** A number as a student would write it: 24882, 0.25, 1.5e-07. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Numbers in the shape they have, the first dozen: [[1, 2], [3, 4]]. */
    static String show(double[] values, int[] shape) {
        if (shape.length == 0 && values.length == 1) {
            return number(values[0]);
        }
        int columns = shape.length == 2 ? shape[1] : values.length;
        StringBuilder s = new StringBuilder(shape.length == 2 ? "[" : "");
        for (int i = 0; i < values.length && i < 12; i++) {
            if (i % Math.max(columns, 1) == 0) {
                s.append(i > 0 ? "], [" : "[");
            } else {
                s.append(", ");
            }
            s.append(number(values[i]));
        }
        s.append(values.length > 12 ? ", ...]" : "]");
        return shape.length == 2 ? s.append("]").toString() : s.toString();
    }

    private static String shapeWords(int[] shape) {
        return switch (shape.length) {
            case 0 -> "one number";
            case 1 -> shape[0] + " numbers";
            default -> "an array of shape " + Arrays.toString(shape).replace(", ", "×").replace("[", "").replace("]", "");
        };
    }

    private static String position(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return Arrays.toString(index);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Judge j && kind == j.kind && Arrays.equals(expected, j.expected)
            && Arrays.equals(shape, j.shape) && text.equals(j.text) && Double.compare(tolerance, j.tolerance) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(expected);
    }
}
