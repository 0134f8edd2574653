package dl.backend;

/**
 * A device that cannot run on this machine, with one line that says what is missing and what to install:
 * {@code cuda:0: no NVIDIA driver (no /proc/driver/nvidia/version); install the driver, then check nvidia-smi}.
 */
public final class DeviceUnavailable extends RuntimeException {

    public DeviceUnavailable(String message) {
        super(message);
    }
}
