package dl.grading;

import dl.grading.Judge.Kind;

/** What a test saw, waiting for its judge: {@code expect("dW", dW).closeTo(expected, 1e-9)}. */
public final class Expectation {

    private final String what;
    private final double[] values;
    private final int[] shape;
    private final String text;

    Expectation(String what, double[] values, int[] shape, String text) {
        this.what = what;
        this.values = values.clone();
        this.shape = shape;
        this.text = text;
    }

    /** One number within {@code tolerance} of {@code expected} (relative above 1: {@code tolerance · |expected|}). */
    public void closeTo(double expected, double tolerance) {
        judge(Judge.closeTo(new double[] {expected}, new int[0], tolerance));
    }

    public void closeTo(double[] expected, double tolerance) {
        judge(Judge.closeTo(expected, new int[] {expected.length}, tolerance));
    }

    public void closeTo(double[][] expected, double tolerance) {
        Expectation grid = Expect.expect(what, expected);
        judge(Judge.closeTo(grid.values, grid.shape, tolerance));
    }

    /** Exactly this whole number: a parameter count, an output size. */
    public void isEqualTo(long expected) {
        judge(Judge.closeTo(new double[] {expected}, new int[0], 0));
    }

    public void isEqualTo(String expected) {
        judge(new Judge(Kind.EQUAL_TEXT, new double[0], new int[0], expected, 0));
    }

    public void atLeast(double bound) {
        judge(Judge.bound(Kind.AT_LEAST, bound));
    }

    public void atMost(double bound) {
        judge(Judge.bound(Kind.AT_MOST, bound));
    }

    /**
     * The same as the reference solution gives for the same input, to within 1e-6. For hidden tests: the expected
     * value never enters the student's program, and {@code check()} in a notebook cannot judge it.
     */
    public void sameAsReference() {
        sameAsReference(1e-6);
    }

    public void sameAsReference(double tolerance) {
        judge(new Judge(Kind.SAME_AS_REFERENCE, new double[0], new int[0], "", tolerance));
    }

    private void judge(Judge judge) {
        Expect.record(new Observation(what, values, shape, text, judge));
    }
}
