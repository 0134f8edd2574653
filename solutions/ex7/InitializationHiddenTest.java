package ex7;

import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader. */
@Hidden
class InitializationHiddenTest {

    @Test
    @Points(1.5)
    @Hint("draw row after row, one rng.nextGaussian() per number, W[j][i] = σ · rng.nextGaussian()")
    void xavierWithASeed() {
        expect("xavier(4, 3, new Random(42))", Initialization.xavier(4, 3, new Random(42))).sameAsReference(1e-12);
    }

    @Test
    @Points(1.5)
    @Hint("He's σ is sqrt(2 / N_in), whatever N_out is")
    void heWithASeed() {
        expect("he(6, 2, new Random(42))", Initialization.he(6, 2, new Random(42))).sameAsReference(1e-12);
    }

    @Test
    @Points(1)
    @Hint("a unit with a single input: N_in = 1")
    void oneInput() {
        expect("he(1, 3, new Random(7))", Initialization.he(1, 3, new Random(7))).sameAsReference(1e-12);
        expect("xavier(1, 1, new Random(7))", Initialization.xavier(1, 1, new Random(7))).sameAsReference(1e-12);
    }

    @Test
    @Points(1)
    @Hint("the fans of nn4's conv 3: N_in = 3·3·64 inputs per unit, 32 units")
    void fansOfAConvLayer() {
        double[][] w = Initialization.xavier(3 * 3 * 64, 32, new Random(5));
        expect("var(W) of xavier(576, 32)", InitializationTest.variance(w)).sameAsReference(1e-9);
    }
}
