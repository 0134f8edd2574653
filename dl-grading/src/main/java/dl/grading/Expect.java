package dl.grading;

import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.function.Consumer;

/**
 * The one way an exercise's test checks the student's code: it hands what the code produced to {@code expect} and
 * says how to judge it.
 * <pre>{@code
 * @Test @Points(1) @Hint("σ'(x) = σ(x)(1 − σ(x)), and σ(0) = 0.5")
 * void derivativeAtZero() {
 *     expect("σ'(0)", Sigmoid.derivative(0)).closeTo(0.25, 1e-12);
 * }
 * }</pre>
 * Run by JUnit (the solutions' own build, or a teacher's IDE), each judge decides at once and a failure throws an
 * {@link AssertionError}. Run by the grader, the student's program only records what it saw and sends it out; the
 * grader judges it in its own process, with the judges of its own run of the reference solution. So a hidden test
 * that ends in {@link Expectation#sameAsReference()} never puts its answer in the student's program.
 */
public final class Expect {

    /** Where the grader's harness sends observations; {@code null} when JUnit runs the test (judge at once). */
    static volatile Consumer<Observation> recorder;

    private Expect() {
    }

    public static Expectation expect(String what, double value) {
        return new Expectation(what, new double[] {value}, new int[0], "");
    }

    public static Expectation expect(String what, long value) {
        return expect(what, (double) value);
    }

    public static Expectation expect(String what, double[] values) {
        return new Expectation(what, values, new int[] {values.length}, "");
    }

    /** A grid, row after row; every row must have the same length. */
    public static Expectation expect(String what, double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException(what + ": row " + r + " has " + rows[r].length + " numbers, row 0 has "
                    + columns + "; a grid's rows must have the same length");
            }
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return new Expectation(what, flat, new int[] {rows.length, columns}, "");
    }

    public static Expectation expect(String what, Tensor tensor) {
        float[] floats = tensor.toFloatArray();
        double[] values = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            values[i] = floats[i];
        }
        return new Expectation(what, values, tensor.shape(), "");
    }

    public static Expectation expect(String what, String text) {
        return new Expectation(what, new double[0], new int[0], text);
    }

    /** A trained model, judged by its accuracy on data the grader holds: {@code .reachesTestAccuracy(0.85)}. */
    public static ModelExpectation expect(String what, Net model) {
        return new ModelExpectation(what, model);
    }

    /** Judges at once (under JUnit) or hands the observation to the grader's harness. */
    static void record(Observation observation) {
        Consumer<Observation> to = recorder;
        if (to != null) {
            to.accept(observation);
            return;
        }
        Verdict verdict = observation.judge().verdict(observation, null);
        if (!verdict.passed()) {
            throw new AssertionError(verdict.message());
        }
    }
}
