package ex10;

import static dl.grading.Expect.expect;

import dl.data.Dataset;
import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import dl.grading.TimeLimit;
import dl.nn.Net;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution by the grader; the victim is FgsmTest's. */
@Hidden
class FgsmHiddenTest {

    @Test
    @Points(2)
    @TimeLimit(60)
    @Hint("x' = clip(x + ε · sign(∇ₓ L), 0, 1), L the cross-entropy of the model's output against the true label")
    void sameImageAsTheReference() {
        Dataset test = FgsmTest.test();
        expect("FGSM of test image 1 with ε = 0.05", Fgsm.fgsm(FgsmTest.model(), test.input(1), test.label(1), 0.05))
            .sameAsReference(1e-6);
    }

    @Test
    @Points(1)
    @TimeLimit(60)
    @Hint("with a large ε many pixels leave [0, 1] before clipping")
    void largeEpsilon() {
        Dataset test = FgsmTest.test();
        expect("FGSM of test image 3 with ε = 0.25", Fgsm.fgsm(FgsmTest.model(), test.input(3), test.label(3), 0.25))
            .sameAsReference(1e-6);
    }

    @Test
    @Points(2)
    @TimeLimit(60)
    @Hint("the attack must raise the loss of each image's own label: the model then gets most images wrong")
    void accuracyDrops() {
        Net model = FgsmTest.model();
        Dataset test = FgsmTest.test();
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            int answer = model.predict(Fgsm.fgsm(model, test.input(i), test.label(i), 0.1)).label();
            right += answer == test.label(i) ? 1 : 0;
        }
        expect("accuracy on the 500 test images after FGSM with ε = 0.1 (78% before)", right / (double) test.size())
            .atMost(0.4);
    }
}
