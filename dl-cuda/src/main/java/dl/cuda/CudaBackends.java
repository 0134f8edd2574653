package dl.cuda;

import dl.backend.Backend;
import dl.backend.DeviceUnavailable;
import dl.backend.GpuBackends;
import java.nio.file.Path;

/**
 * The {@code cuda} devices, as {@link java.util.ServiceLoader} finds them for {@code Device.cuda(n)}. It opens a
 * GPU once {@link CudaProbe} finds the driver, the device and the libraries; until the JCuda kernels are written,
 * a machine that has them all is told so too.
 */
public final class CudaBackends implements GpuBackends {

    @Override
    public String kind() {
        return "cuda";
    }

    @Override
    public Backend open(int index) {
        String missing = new CudaProbe(Path.of("/"), System.getenv("LD_LIBRARY_PATH")).missing(index);
        if (missing != null) {
            throw new DeviceUnavailable(missing);
        }
        throw new DeviceUnavailable("cuda:" + index + ": the driver, the GPU and the CUDA libraries are here, but"
                + " dl-cuda's kernels are not written yet (issue 18); train with DL_DEVICE=cpu");
    }
}
