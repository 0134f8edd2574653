package dl.nn.init;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dl.nn.Net;
import dl.nn.WeightInit;
import dl.nn.loss.Losses;
import dl.optim.Optimizer;
import dl.optim.Optimizers;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The point the notebooks make: with equal initial weights every hidden unit stays the same unit. */
class SymmetryTest {

    /** The hidden layer's weight [in = 4, out = 3] after some steps of SGD on random data. */
    private static Tensor hiddenWeightAfterTraining(WeightInit init) {
        Net model = net(input(4)).init(init).dense(3).sigmoid().dense(2);
        Optimizer sgd = Optimizers.sgd(0.5).bind(model.parameters());
        Random rng = new Random(9);
        Tensor x = Tensor.randn(rng, 16, 4);
        Tensor t = Tensor.rand(rng, 16, 2);
        for (int step = 0; step < 20; step++) {
            Losses.mse().apply(model.forward(x), t).backward();
            sgd.step();
            sgd.zeroGrad();
        }
        return model.weights("dense1");
    }

    /** Column j holds the weights into hidden unit j. */
    private static float[] unit(Tensor w, int j) {
        return w.slice(1, j, j + 1).toFloatArray();
    }

    @Test
    void zerosMakeEveryHiddenUnitTheSame() {
        Tensor w = hiddenWeightAfterTraining(Initializers.zeros());
        assertNotEquals(0f, w.abs().sum().item(), "the weights moved, all together");
        assertArrayEquals(unit(w, 0), unit(w, 1));
        assertArrayEquals(unit(w, 0), unit(w, 2));
    }

    @Test
    void aConstantDoesToo() {
        Tensor w = hiddenWeightAfterTraining(Initializers.constant(0.3));
        assertArrayEquals(unit(w, 0), unit(w, 1), 1e-6f);
        assertArrayEquals(unit(w, 0), unit(w, 2), 1e-6f);
    }

    @Test
    void randomWeightsBreakTheSymmetry() {
        Tensor w = hiddenWeightAfterTraining(Initializers.truncatedNormal());
        assertFalse(Arrays.equals(unit(w, 0), unit(w, 1)));
    }
}
