package ex9;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader. */
@Hidden
class InvertedDropoutHiddenTest {

    private static final double[] X = {0.3, -1.2, 2.5, 0, 4, -0.7, 1.1, 0.9, -3, 2};

    @Test
    @Points(2)
    @Hint("one rng.nextDouble() per unit, in order: dropped when below p, else x_i / (1 − p)")
    void withASeed() {
        expect("dropout(x, 0.4, true, new Random(17))", InvertedDropout.dropout(X, 0.4, true, new Random(17)))
            .sameAsReference(1e-12);
    }

    @Test
    @Points(1)
    @Hint("with p = 0 nothing is dropped and 1 − p = 1: training gives x back")
    void pZeroKeepsEverything() {
        expect("dropout(x, 0, true, rng)", InvertedDropout.dropout(X, 0, true, new Random(5))).sameAsReference(1e-12);
    }

    @Test
    @Points(1)
    @Hint("p = 0.9 keeps one unit in ten, multiplied by 1 / 0.1 = 10")
    void largeP() {
        expect("dropout(x, 0.9, true, new Random(6))", InvertedDropout.dropout(X, 0.9, true, new Random(6)))
            .sameAsReference(1e-12);
    }

    @Test
    @Points(1)
    @Hint("evaluation draws no random numbers, and training draws exactly one per unit: the next call's mask depends"
        + " on it")
    void oneDrawPerUnitInTrainingOnly() {
        Random rng = new Random(8);
        InvertedDropout.dropout(X, 0.5, false, rng);
        InvertedDropout.dropout(X, 0.5, true, rng);
        expect("the third call of dropout(x, 0.5, ...) on the same rng", InvertedDropout.dropout(X, 0.5, true, rng))
            .sameAsReference(1e-12);
    }

    @Test
    @Points(1)
    @Hint("write the result in a new array: the caller's x must not change")
    void leavesTheInputAlone() {
        double[] x = X.clone();
        InvertedDropout.dropout(x, 0.5, true, new Random(9));
        InvertedDropout.dropout(x, 0.5, false, new Random(9))[0] = 99;
        expect("x after dropout(x, ...)", x).sameAsReference(0);
    }
}
