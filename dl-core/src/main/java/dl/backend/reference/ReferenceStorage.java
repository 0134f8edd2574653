package dl.backend.reference;

import dl.backend.Backend;
import dl.backend.Storage;

/** The reference backend's numbers: a plain {@code float[]} on the heap, like the CPU's, but its own. */
final class ReferenceStorage extends Storage {

    final float[] data;

    ReferenceStorage(float[] data) {
        this.data = data;
    }

    @Override
    public Backend backend() {
        return ReferenceBackend.INSTANCE;
    }

    @Override
    public int length() {
        return data.length;
    }
}
