package dl.grading;

import java.util.Arrays;

/**
 * One thing a test saw the student's code produce, with the judge that decides whether it is right. Tests make them
 * with {@link Expect#expect}; the grader judges them in its own process.
 *
 * @param what   what was observed, as the student will read it: {@code "σ'(0)"}, {@code "dW"}
 * @param values the numbers, row after row (empty for text and models)
 * @param shape  their shape: {@code []} for one number, {@code [n]} for a vector, {@code [rows, columns]} for a grid
 * @param text   a text answer, or the file a model was saved to
 * @param judge  how it is judged
 */
public record Observation(String what, double[] values, int[] shape, String text, Judge judge) {

    public Observation {
        values = values.clone();
        shape = shape.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The same observation with other numbers: what the grader measured of a model, say. */
    public Observation withValues(double... measured) {
        return new Observation(what, measured, measured.length == 1 ? new int[0] : new int[] {measured.length}, text,
            judge);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Observation o && what.equals(o.what) && Arrays.equals(values, o.values)
            && Arrays.equals(shape, o.shape) && text.equals(o.text) && judge.equals(o.judge);
    }

    @Override
    public int hashCode() {
        return 31 * what.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return what + " = " + (values.length > 0 ? Judge.show(values, shape) : text);
    }
}
