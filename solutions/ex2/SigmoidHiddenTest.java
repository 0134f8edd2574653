package ex2;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader. */
@Hidden
class SigmoidHiddenTest {

    @Test
    @Points(2)
    @Hint("use value(x) once and reuse it: σ'(x) = s · (1 − s) with s = σ(x)")
    void derivativeOnAGrid() {
        double[] xs = new double[41];
        double[] derivatives = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -10 + 0.5 * i;
            derivatives[i] = Sigmoid.derivative(xs[i]);
        }
        expect("σ'(x) for x = −10, −9.5, ..., 10", derivatives).sameAsReference(1e-12);
    }

    @Test
    @Points(1)
    @Hint("far from 0, σ'(x) is tiny but never negative and never NaN")
    void derivativeFarOut() {
        expect("σ'(−40) and σ'(40)", new double[] {Sigmoid.derivative(-40), Sigmoid.derivative(40)})
            .sameAsReference(1e-20);
    }
}
