package dl.autograd.ops;

import dl.autograd.Op;
import dl.tensor.Tensor;

/** {@code y = x} in new memory, as PyTorch's {@code clone()}: {@code dL/dx = dL/dy}. */
public final class Copy extends Op {

    public static Tensor apply(Tensor x) {
        Tensor y = Tensor.wrap(x.backend().allocate(x.numel()), x.shape());
        x.backend().copyBlocks(x.storage(), 0, 0, y.storage(), 0, 0, x.numel(), 1);
        return new Copy().record(y, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }
}
