package ex10;

import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.grading.Expect.expect;
import static dl.optim.Optimizers.adam;

import dl.data.Dataset;
import dl.data.FashionMnist;
import dl.data.TrainTest;
import dl.grading.Hint;
import dl.grading.Points;
import dl.grading.TimeLimit;
import dl.nn.Net;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What students can run themselves, with check("ex10") in the notebook. The victim: a small network trained for two
 * epochs on the first 3,000 Fashion-MNIST training images (about 78% right on the test images), the same every
 * time (seeds); test image 0 is an ankle boot it classifies right.
 */
class FgsmTest {

    private static TrainTest data;
    private static Net model;

    @Test
    @Points(1)
    @TimeLimit(60)
    @Hint("each pixel moves by ε · sign(gradient), which is −ε, 0 or +ε; clipping only brings it closer")
    void noPixelMovesMoreThanEpsilon() {
        Tensor x = test().input(0);
        Tensor attacked = Fgsm.fgsm(model(), x, test().label(0), 0.1);
        expect("largest |x' − x| for ε = 0.1", attacked.sub(x).abs().max().item()).atMost(0.1 + 1e-6);
    }

    @Test
    @Points(1)
    @TimeLimit(60)
    @Hint("clip every pixel of x + ε · sign(∇ₓ L) into [0, 1]: tensor.clamp(0, 1)")
    void pixelsStayBetweenZeroAndOne() {
        Tensor attacked = Fgsm.fgsm(model(), test().input(0), test().label(0), 0.3);
        expect("smallest pixel of x' for ε = 0.3", attacked.min().item()).atLeast(0);
        expect("largest pixel of x' for ε = 0.3", attacked.max().item()).atMost(1);
    }

    @Test
    @Points(1)
    @TimeLimit(60)
    @Hint("with ε = 0 the step ε · sign(∇ₓ L) is 0: x' is x")
    void epsilonZeroChangesNothing() {
        Tensor x = test().input(0);
        Tensor attacked = Fgsm.fgsm(model(), x, test().label(0), 0);
        expect("largest |x' − x| for ε = 0", attacked.sub(x).abs().max().item()).closeTo(0, 0);
    }

    @Test
    @Points(1)
    @TimeLimit(60)
    @Hint("step along the sign of the gradient of the true label's loss (+ε · sign, not −ε): the loss must go up")
    void flipsTheAnswerForAnAnkleBoot() {
        Tensor attacked = Fgsm.fgsm(model(), test().input(0), test().label(0), 0.1);
        int answer = model().predict(attacked).label();
        expect("the model's answer for test image 0 (an ankle boot) after FGSM with ε = 0.1",
            answer == test().label(0) ? "still an ankle boot" : "another class").isEqualTo("another class");
    }

    /** The first 500 test images. */
    static Dataset test() {
        model();
        return data.test();
    }

    /** The victim, trained once. */
    static synchronized Net model() {
        if (model == null) {
            data = FashionMnist.load(3000, 500);
            model = net(input(1, 28, 28)).seed(1).flatten().dense(32).relu().dense(10);
            model.fit(data.train(), epochs(2).batch(32).optimizer(adam(2e-3)).seed(1).quiet());
        }
        return model;
    }
}
