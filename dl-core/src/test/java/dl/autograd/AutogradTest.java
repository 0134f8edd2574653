package dl.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AutogradTest {

    @Test
    void backwardFillsTheGradientOfEveryLeaf() {
        // L = sum(x * w + b) => dL/dx = w, dL/dw = x, dL/db = 1 per use
        Tensor x = Tensor.of(new float[] {1, 2, 3}).requiresGrad();
        Tensor w = Tensor.of(new float[] {4, 5, 6}).requiresGrad();
        Tensor b = Tensor.scalar(1).requiresGrad();
        x.mul(w).add(b).sum().backward();
        assertArrayEquals(new float[] {4, 5, 6}, x.grad().toFloatArray());
        assertArrayEquals(new float[] {1, 2, 3}, w.grad().toFloatArray());
        assertEquals(3f, b.grad().item(), "b was broadcast to 3 elements: its gradient sums them");
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Tensor x = Tensor.scalar(3).requiresGrad();
        x.mul(x).backward();
        x.mul(x).backward();
        assertEquals(12f, x.grad().item(), "two backward calls add 2x twice");
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void aTensorUsedTwiceGetsBothContributions() {
        // y = x * x + x: dy/dx = 2x + 1
        Tensor x = Tensor.scalar(2).requiresGrad();
        x.mul(x).add(x).backward();
        assertEquals(5f, x.grad().item());
    }

    @Test
    void detachAndNoGradStopTheGradient() {
        Tensor x = Tensor.scalar(2).requiresGrad();
        Tensor y = x.detach().mul(x);
        y.backward();
        assertEquals(2f, x.grad().item(), "only the attached factor contributes");
        try (var off = NoGrad.scope()) {
            assertFalse(x.mul(x).isGradRequired());
        }
        assertTrue(x.mul(x).isGradRequired());
    }

    @Test
    void longChainsDoNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1).requiresGrad();
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(1f);
        }
        y.backward();
        assertEquals(1f, x.grad().item());
    }

    @Test
    void backwardWithASeedForNonScalarOutputs() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad();
        x.mul(3f).backward(Tensor.of(new float[] {1, 10}));
        assertArrayEquals(new float[] {3, 30}, x.grad().toFloatArray());
    }

    @Test
    void misuseIsExplained() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad();
        var e = assertThrows(IllegalStateException.class, () -> x.mul(2f).backward());
        assertTrue(e.getMessage().contains("starts from a scalar loss"), e.getMessage());
        var noGrad = assertThrows(IllegalStateException.class, () -> Tensor.scalar(1).mul(2f).backward());
        assertTrue(noGrad.getMessage().contains(".requiresGrad()"), noGrad.getMessage());
    }

    @Test
    void sigmoidGradientIsFTimesOneMinusF() {
        // the slides' derivation: f'(x) = f(x) (1 - f(x)); at x = 0, 0.5 * 0.5
        Tensor x = Tensor.scalar(0).requiresGrad();
        x.sigmoid().backward();
        assertEquals(0.25f, x.grad().item(), 1e-7f);
    }

    @Test
    void tiedMaximaPassTheGradientToTheFirstOfThem() {
        Tensor x = Tensor.of(new float[][] {{1, 3, 3}, {2, 2, 2}}).requiresGrad();
        x.max(1).sum().backward();
        // each row's gradient sums to 1, the slope of its maximum when the whole row moves up together
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, x.grad().toFloatArray());

        Tensor v = Tensor.of(new float[] {5, 1, 5}).requiresGrad();
        v.max().backward();
        assertArrayEquals(new float[] {1, 0, 0}, v.grad().toFloatArray(), "the global max follows the same rule");
        Tensor u = Tensor.of(new float[] {2, 7, 2}).requiresGrad();
        u.min().backward();
        assertArrayEquals(new float[] {1, 0, 0}, u.grad().toFloatArray(), "and so does the global min");
    }

    @Test
    void maxPoolingSendsEachWindowsGradientToOneCell() {
        Tensor x = Tensor.ones(1, 1, 2, 2).requiresGrad();   // four tied cells in one window
        x.maxPool2d(2).sum().backward();
        assertArrayEquals(new float[] {1, 0, 0, 0}, x.grad().toFloatArray());
    }
}
