package dl.grading;

import static dl.grading.Expect.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a student reads when a judge says no, and what passes. */
class JudgeTest {

    private static Observation observed(String what, double[] values, int[] shape) {
        return new Observation(what, values, shape, "", Judge.closeTo(new double[0], new int[0], 0));
    }

    @Test
    void aNumberWithinTheToleranceRelativeAboveOnePasses() {
        Judge judge = Judge.closeTo(new double[] {1000}, new int[0], 1e-6);
        assertTrue(judge.verdict(observed("x", new double[] {1000.0009}, new int[0]), null).passed());
        assertFalse(judge.verdict(observed("x", new double[] {1000.002}, new int[0]), null).passed());
    }

    @Test
    void aWrongNumberSaysWhatWasExpectedAndWhatCame() {
        Judge judge = Judge.closeTo(new double[] {0.25}, new int[0], 1e-12);
        Verdict verdict = judge.verdict(observed("σ'(0)", new double[] {0.5}, new int[0]), null);
        assertEquals("σ'(0): expected 0.25, got 0.5", verdict.message());
    }

    @Test
    void notANumberNeverPasses() {
        Judge judge = Judge.closeTo(new double[] {0}, new int[0], 1);
        assertEquals("y: expected 0, got NaN", judge.verdict(observed("y", new double[] {Double.NaN}, new int[0]), null)
            .message());
        assertFalse(Judge.bound(Judge.Kind.AT_LEAST, 0).verdict(observed("y", new double[] {Double.NaN}, new int[0]),
            null).passed());
    }

    @Test
    void aGridNamesTheFirstCellThatDiffers() {
        Judge judge = Judge.closeTo(new double[] {1, 2, 3, 4}, new int[] {2, 2}, 1e-9);
        Verdict verdict = judge.verdict(observed("out", new double[] {1, 2, 3, 5}, new int[] {2, 2}), null);
        assertEquals("out: expected [[1, 2], [3, 4]], got [[1, 2], [3, 5]]; the first difference is at [1, 1]: "
            + "expected 4, got 5", verdict.message());
    }

    @Test
    void aWrongShapeIsSaidInWords() {
        Judge judge = Judge.closeTo(new double[6], new int[] {2, 3}, 0);
        Verdict verdict = judge.verdict(observed("dW", new double[6], new int[] {3, 2}), null);
        assertEquals("dW: expected an array of shape 2×3, got an array of shape 3×2", verdict.message());
    }

    @Test
    void boundsSayWhichWay() {
        Verdict verdict = Judge.bound(Judge.Kind.TEST_ACCURACY_AT_LEAST, 0.85)
            .verdict(observed("your CNN", new double[] {0.8123}, new int[0]), null);
        assertEquals("your CNN: expected at least 0.85, got 0.8123", verdict.message());
    }

    @Test
    void sameAsReferenceComparesWithTheReferencesNumbersAndWaitsForTheGraderWithoutThem() {
        Judge judge = new Judge(Judge.Kind.SAME_AS_REFERENCE, new double[0], new int[0], "", 1e-9);
        Observation reference = observed("grid", new double[] {1, 2}, new int[] {2});
        assertTrue(judge.verdict(observed("grid", new double[] {1, 2}, new int[] {2}), reference).passed());
        assertEquals("grid: expected [1, 2], got [1, 3]; the first difference is at [1]: expected 2, got 3",
            judge.verdict(observed("grid", new double[] {1, 3}, new int[] {2}), reference).message());
        assertTrue(judge.verdict(observed("grid", new double[] {7}, new int[0]), null).passed());
    }

    @Test
    void underJUnitAFailingExpectationThrowsAtOnce() {
        AssertionError error = assertThrows(AssertionError.class, () -> expect("2 + 2", 5).isEqualTo(4));
        assertEquals("2 + 2: expected 4, got 5", error.getMessage());
        expect("a grid", new double[][] {{1, 2}, {3, 4}}).closeTo(new double[][] {{1, 2}, {3, 4}}, 0);
    }

    @Test
    void numbersReadAsAStudentWritesThem() {
        assertEquals("24882", Judge.number(24882));
        assertEquals("0.25", Judge.number(0.25));
        assertEquals("1.5e-07", Judge.number(1.5e-7));
        assertEquals("-0.333333", Judge.number(-1.0 / 3));
    }
}
