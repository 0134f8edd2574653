package dl.backend;

/**
 * What a GPU module ({@code dl-cuda}) registers with Java's {@link java.util.ServiceLoader}, in
 * {@code META-INF/services/dl.backend.GpuBackends}, so that {@link Device#backend()} finds it at run time and
 * dl-core needs none of its libraries.
 */
public interface GpuBackends {

    /** The kind of device it runs: {@code "cuda"}. */
    String kind();

    /**
     * The backend of GPU {@code index}; a {@link DeviceUnavailable} saying what is missing (the driver, the device, a
     * library) and what to install, if it cannot run here.
     */
    Backend open(int index);
}
