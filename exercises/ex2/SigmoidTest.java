package ex2;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex2") in the notebook. */
class SigmoidTest {

    @Test
    @Points(1)
    @Hint("σ(0) = 0.5, so σ'(0) = 0.5 · (1 − 0.5)")
    void derivativeAtZeroIsAQuarter() {
        expect("σ'(0)", Sigmoid.derivative(0)).closeTo(0.25, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("σ' is symmetric: σ'(−x) = σ'(x), because 1 − σ(x) = σ(−x)")
    void derivativeIsSymmetric() {
        expect("σ'(−2) − σ'(2)", Sigmoid.derivative(-2) - Sigmoid.derivative(2)).closeTo(0, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("σ'(3) = σ(3) · (1 − σ(3)) = 0.952574 · 0.047426")
    void derivativeAtThree() {
        expect("σ'(3)", Sigmoid.derivative(3)).closeTo(0.0451766597309, 1e-9);
    }
}
