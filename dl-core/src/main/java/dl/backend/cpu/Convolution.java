package dl.backend.cpu;

import dl.backend.ConvGeometry;

/** 2-D convolution kernels, NCHW. (Placeholder: being written.) */
final class Convolution {

    private Convolution() {
    }

    static void forward(float[] x, float[] w, float[] y, ConvGeometry g) {
        throw new UnsupportedOperationException("conv2d: not yet written");
    }

    static void backwardInput(float[] dy, float[] w, float[] dx, ConvGeometry g) {
        throw new UnsupportedOperationException("conv2d backward: not yet written");
    }

    static void backwardWeight(float[] x, float[] dy, float[] dw, ConvGeometry g) {
        throw new UnsupportedOperationException("conv2d backward: not yet written");
    }
}
