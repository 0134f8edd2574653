package ex11;

import static dl.grading.Expect.expect;

import dl.data.FashionMnist;
import dl.grading.Hint;
import dl.grading.Points;
import dl.grading.TimeLimit;
import dl.nn.Net;
import org.junit.jupiter.api.Test;

/**
 * What students can run themselves, with check("ex11") in the notebook. The last test trains on all 60,000 images:
 * under a minute for a small CNN on 2 cores.
 */
class FashionCnnTest {

    @Test
    @Points(1)
    @Hint("end with dense(10): one score per class, for [N, 1, 28, 28] images in (start with net(input(1, 28, 28)))")
    void givesTenClassScores() {
        Net model = FashionCnn.model();
        expect("input shape of model()", numbers(model.inputShape())).closeTo(new double[] {1, 28, 28}, 0);
        expect("output shape of model()", numbers(model.outputShape())).closeTo(new double[] {10}, 0);
    }

    @Test
    @Points(1)
    @Hint("a CNN has at least one convolution: .conv(3, 16) makes 16 maps with 3x3 kernels")
    void isConvolutional() {
        long convs = FashionCnn.model().layers().stream().filter(layer -> layer.kind().equals("conv")).count();
        expect("conv layers in model()", convs).atLeast(1);
    }

    @Test
    @Points(1)
    @Hint("a million parameters take too long to train here: fewer filters, or a pool before flatten()")
    void isSmallEnoughToTrainHere() {
        expect("parameters of model()", FashionCnn.model().parameterCount()).atMost(1_000_000);
    }

    @Test
    @Points(6)
    @TimeLimit(300)
    @Hint("Adam with a learning rate near 1e-3 and two or three epochs gets a small CNN there; a model that ends in"
        + " softmax() is trained wrongly by crossEntropy()")
    void reachesTheBarOnTheTestImages() {
        Net trained = FashionCnn.train(FashionCnn.model(), FashionMnist.load().train());
        expect("test accuracy of your trained CNN", trained).reachesTestAccuracy(0.85);
    }

    private static double[] numbers(int[] shape) {
        double[] x = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            x[i] = shape[i];
        }
        return x;
    }
}
