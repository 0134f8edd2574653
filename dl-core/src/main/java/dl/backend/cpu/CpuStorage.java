package dl.backend.cpu;

import dl.backend.Backend;
import dl.backend.Storage;

/** Numbers on the Java heap: a plain {@code float[]}. */
final class CpuStorage extends Storage {

    final float[] data;

    CpuStorage(float[] data) {
        this.data = data;
    }

    @Override
    public Backend backend() {
        return CpuBackend.INSTANCE;
    }

    @Override
    public int length() {
        return data.length;
    }
}
