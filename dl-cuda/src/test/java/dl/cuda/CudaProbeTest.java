package dl.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.backend.Device;
import dl.backend.DeviceUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What asking for CUDA says on machines that lack the driver, the GPU or the libraries, each built in a folder. */
class CudaProbeTest {

    @TempDir
    Path root;

    private void file(String path) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.createFile(root.resolve(path));
    }

    private void driver() throws IOException {
        file("proc/driver/nvidia/version");
        file("usr/lib/x86_64-linux-gnu/libcuda.so.1");
    }

    @Test
    void noDriver() {
        assertEquals("cuda:0: no NVIDIA driver on this machine (no /proc/driver/nvidia/version or libcuda.so.1);"
                + " install the NVIDIA driver for the GPU (Debian: sudo apt-get install nvidia-driver) and check that"
                + " nvidia-smi lists it, or train on the CPU: DL_DEVICE=cpu", new CudaProbe(root, null).missing(0));
    }

    @Test
    void aDriverWithoutAGpu() throws IOException {
        driver();
        file("dev/nvidiactl");
        assertEquals("cuda:0: the NVIDIA driver sees no GPU (no /dev/nvidia0); check nvidia-smi, or train on the"
                + " CPU: DL_DEVICE=cpu", new CudaProbe(root, null).missing(0));
    }

    @Test
    void aGpuNumberBeyondThoseThere() throws IOException {
        driver();
        file("dev/nvidia0");
        assertEquals("cuda:1: the NVIDIA driver sees 1 GPU, cuda:0 to cuda:0; check nvidia-smi, or train on the"
                + " CPU: DL_DEVICE=cpu", new CudaProbe(root, null).missing(1));
    }

    @Test
    void aGpuWithoutTheCudaLibraries() throws IOException {
        driver();
        file("dev/nvidia0");
        file("opt/cuda/lib/libcudart.so.12.4.127");
        assertEquals("cuda:0: the CUDA 12 libraries libcublas.so.12, libnvrtc.so.12 are missing; install the CUDA"
                + " toolkit 12 (Debian: sudo apt-get install nvidia-cuda-toolkit) or add its lib64 folder to"
                + " LD_LIBRARY_PATH, or train on the CPU: DL_DEVICE=cpu",
                new CudaProbe(root, "/opt/cuda/lib").missing(0));
    }

    @Test
    void everythingThere() throws IOException {
        driver();
        file("dev/nvidia0");
        for (String lib : CudaProbe.CUDA_LIBRARIES) {
            file("usr/local/cuda/lib64/" + lib);
        }
        assertNull(new CudaProbe(root, null).missing(0));
    }

    @Test
    void theDeviceIsFoundThroughTheServiceLoaderAndSaysWhatIsMissing() {
        Path here = Path.of("/");
        String missing = new CudaProbe(here, System.getenv("LD_LIBRARY_PATH")).missing(0);
        var refused = assertThrows(DeviceUnavailable.class, () -> Device.cuda().backend());
        if (missing != null) {   // a machine without a usable GPU, as CI's
            assertEquals(missing, refused.getMessage());
        } else {
            assertTrue(refused.getMessage().contains("kernels are not written yet"), refused.getMessage());
        }
    }
}
