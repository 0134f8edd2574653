package dl.backend.cpu;

import dl.backend.PoolGeometry;

/** 2-D pooling kernels, NCHW. (Placeholder: being written.) */
final class Pooling {

    private Pooling() {
    }

    static void max(float[] x, float[] y, float[] argmax, PoolGeometry g) {
        throw new UnsupportedOperationException("max pooling: not yet written");
    }

    static void maxBackward(float[] dy, float[] argmax, float[] dx, PoolGeometry g) {
        throw new UnsupportedOperationException("max pooling backward: not yet written");
    }

    static void avg(float[] x, float[] y, PoolGeometry g) {
        throw new UnsupportedOperationException("average pooling: not yet written");
    }

    static void avgBackward(float[] dy, float[] dx, PoolGeometry g) {
        throw new UnsupportedOperationException("average pooling backward: not yet written");
    }
}
