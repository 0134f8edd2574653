package dl.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.optim.Sgd;
import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number the backward pass needs, changed in place after the forward pass, would give wrong gradients: backward
 * refuses, naming the op and the change, as PyTorch's version counter does.
 */
class InPlaceChangeTest {

    @Test
    void changingAnInputAfterTheForwardPassStopsBackward() {
        Tensor x = Tensor.of(new float[] {1, 2, 3});
        Tensor w = Tensor.of(new float[] {4, 5, 6}).requiresGrad();
        Tensor loss = x.mul(w).sum();   // dL/dw = x, read at backward
        x.mulInPlace(10);
        var refused = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("backward: mul's input [3] was changed in place (mulInPlace) after the graph used it; compute"
                + " with a copy (x.copy()) or change it before the forward pass", refused.getMessage());
    }

    @Test
    void aCopyCanBeChangedFreely() {
        Tensor x = Tensor.of(new float[] {1, 2, 3});
        Tensor w = Tensor.of(new float[] {4, 5, 6}).requiresGrad();
        Tensor loss = x.copy().mul(w).sum();
        x.mulInPlace(10);
        loss.backward();
        assertArrayEquals(new float[] {1, 2, 3}, w.grad().toFloatArray());
    }

    @Test
    void aDetachedViewSharesTheCheck() {
        Tensor w = Tensor.of(new float[] {1, 2, 3}).requiresGrad();
        Tensor loss = w.mul(w).sum();   // dL/dw = 2 w, read at backward
        w.detach().mulInPlace(10);      // detach() shares w's numbers
        var refused = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("backward: mul's input [3] was changed in place (mulInPlace) after the graph used it; compute"
                + " with a copy (x.copy()) or change it before the forward pass", refused.getMessage());
    }

    @Test
    void copyFromCountsAsAChange() {
        Tensor w = Tensor.of(new float[] {1, 2, 3}).requiresGrad();
        Tensor loss = w.mul(w).sum();
        w.copyFrom(Tensor.zeros(3));
        var refused = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("backward: mul's input [3] was changed in place (copyFrom) after the graph used it; compute"
                + " with a copy (x.copy()) or change it before the forward pass", refused.getMessage());
    }

    @Test
    void changingAnOutputThatBackwardReadsStopsBackward() {
        Tensor x = Tensor.of(new float[] {0, 1}).requiresGrad();
        Tensor y = x.sigmoid();          // dL/dx = g y (1 - y) reads y
        Tensor loss = y.sum();
        y.detach().subInPlace(Tensor.ones(2));
        var refused = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("backward: sigmoid's output [2] was changed in place (subInPlace) after the graph used it;"
                + " change a copy (y.copy()) instead", refused.getMessage());
    }

    @Test
    void aChangeTheBackwardDoesNotReadIsAllowed() {
        Tensor x = Tensor.of(new float[] {1, 2, 3});
        Tensor w = Tensor.of(new float[] {4, 5, 6}).requiresGrad();
        Tensor loss = x.add(w).sum();    // dL/dw = 1: x's numbers are not needed
        x.mulInPlace(10);
        loss.backward();
        assertArrayEquals(new float[] {1, 1, 1}, w.grad().toFloatArray());
    }

    @Test
    void anOptimizerStepAfterBackwardIsFollowedByAFreshForwardPass() {
        Tensor x = Tensor.of(new float[] {1, 2, 3});
        Tensor w = Tensor.of(new float[] {4, 5, 6}).requiresGrad();
        var sgd = new Sgd(0.1f).bind(List.of(w));
        for (int step = 0; step < 2; step++) {
            w.mul(w).mul(x).sum().backward();   // reads w, which the last step changed: recorded anew
            sgd.step();
            sgd.zeroGrad();
        }
        // w <- w - 0.1 * 2 w x, twice
        float[] expected = {4 * 0.8f * 0.8f, 5 * 0.6f * 0.6f, 6 * 0.4f * 0.4f};
        assertArrayEquals(expected, w.toFloatArray(), 1e-5f);
    }
}
