package dl.autograd;

import dl.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode automatic differentiation. From the output, the graph of ops is sorted so that every tensor comes
 * after all the tensors computed from it; then, in that order, each op turns the gradient of its output into
 * gradients of its inputs (the chain rule), and gradients reaching the same tensor add up.
 *
 * <p>The walk is iterative (a recursive sort would overflow the stack on long graphs) and visits inputs in their
 * order, so a run repeats exactly.
 */
public final class Backprop {

    private Backprop() {
    }

    /** Adds {@code dL/dt} to {@code t.grad()} for every leaf {@code t} that requires a gradient. */
    public static void run(Tensor output, Tensor seed) {
        List<Tensor> inputsFirst = inputsFirst(output, false);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(output, seed);
        try (var off = NoGrad.scope()) {
            for (int at = inputsFirst.size() - 1; at >= 0; at--) {   // the output first, each tensor after its uses
                Tensor t = inputsFirst.get(at);
                Tensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                Op op = t.creator();
                if (op == null) {
                    t.accumulateGrad(g);
                    continue;
                }
                op.checkSavedUnchanged();
                Tensor[] inputGrads = op.backward(g);
                Tensor[] inputs = op.inputs();
                for (int i = 0; i < inputs.length; i++) {
                    if (inputGrads[i] != null && inputs[i].isGradRequired()) {
                        grads.merge(inputs[i], inputGrads[i], Tensor::add);
                    }
                }
            }
        }
    }

    /**
     * Every tensor {@code output} was computed from, each after the tensors it was computed from (a post-order walk,
     * without recursion, in the order of each op's inputs): only those that require a gradient, or with
     * {@code constantsToo} every one, as a picture of the graph shows them.
     */
    public static List<Tensor> inputsFirst(Tensor output, boolean constantsToo) {
        List<Tensor> postOrder = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();   // {tensor, index of the next input to visit}
        stack.push(new Object[] {output, 0});
        seen.put(output, true);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            Tensor[] inputs = t.creator() == null ? new Tensor[0] : t.creator().inputs();
            int next = (Integer) top[1];
            if (next < inputs.length) {
                top[1] = next + 1;
                Tensor input = inputs[next];
                if ((constantsToo || input.isGradRequired()) && seen.put(input, true) == null) {
                    stack.push(new Object[] {input, 0});
                }
            } else {
                stack.pop();
                postOrder.add(t);
            }
        }
        return postOrder;
    }
}
