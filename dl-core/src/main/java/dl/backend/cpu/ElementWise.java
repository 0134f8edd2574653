package dl.backend.cpu;

import dl.backend.BinaryOp;
import dl.backend.UnaryOp;

/** Element-wise kernels. (Placeholder: being written.) */
final class ElementWise {
    private ElementWise() {
    }

    static void map(UnaryOp op, float[] x, float alpha, float[] out) {
        throw new UnsupportedOperationException();
    }

    static void zip(BinaryOp op, float[] a, int[] aShape, float[] b, int[] bShape, float[] out, int[] outShape) {
        throw new UnsupportedOperationException();
    }

    static void permute(float[] x, int[] shape, int[] axes, float[] out) {
        throw new UnsupportedOperationException();
    }
}
