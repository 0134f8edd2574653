package dl.cuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a machine lacks to run CUDA, checked in the order that one depends on the other, from files alone (no
 * native code is loaded, so asking never crashes the JVM):
 * <ol>
 *   <li>the NVIDIA driver: {@code /proc/driver/nvidia/version} and {@code libcuda.so.1};</li>
 *   <li>the GPU: {@code /dev/nvidia0}, {@code /dev/nvidia1}, ... as many as the driver sees;</li>
 *   <li>the CUDA 12 libraries the kernels call: the runtime, cuBLAS and NVRTC.</li>
 * </ol>
 * {@link #missing} names the first thing missing and what to install. The root of the file system is a parameter
 * so that a test can build each kind of machine in a folder.
 */
final class CudaProbe {

    /** Where Linux distributions and the CUDA installers put the libraries. */
    static final List<String> LIBRARY_FOLDERS = List.of("usr/lib/x86_64-linux-gnu", "usr/lib64", "usr/lib",
            "usr/local/cuda/lib64", "usr/local/cuda/targets/x86_64-linux/lib", "usr/lib/wsl/lib");
    /** The CUDA libraries the backend calls, by the start of their file names. */
    static final List<String> CUDA_LIBRARIES = List.of("libcudart.so.12", "libcublas.so.12", "libnvrtc.so.12");

    private final Path root;
    private final List<Path> libraryFolders = new ArrayList<>();

    /** A probe of the machine whose file system starts at {@code root}, with the dynamic linker's extra path. */
    CudaProbe(Path root, String ldLibraryPath) {
        this.root = root;
        if (ldLibraryPath != null && !ldLibraryPath.isBlank()) {
            for (String folder : ldLibraryPath.split(":")) {
                libraryFolders.add(root.resolve(folder.replaceFirst("^/+", "")));
            }
        }
        LIBRARY_FOLDERS.forEach(folder -> libraryFolders.add(root.resolve(folder)));
    }

    /** One line saying what is missing to run GPU {@code index} and what to install; null when nothing is. */
    String missing(int index) {
        String device = "cuda:" + index;
        if (!Files.exists(root.resolve("proc/driver/nvidia/version")) || !hasLibrary("libcuda.so.1")) {
            return device + ": no NVIDIA driver on this machine (no /proc/driver/nvidia/version or libcuda.so.1);"
                    + " install the NVIDIA driver for the GPU (Debian: sudo apt-get install nvidia-driver) and check"
                    + " that nvidia-smi lists it, or train on the CPU: DL_DEVICE=cpu";
        }
        int gpus = gpuCount();
        if (index >= gpus) {
            return device + ": " + (gpus == 0 ? "the NVIDIA driver sees no GPU (no /dev/nvidia0)"
                    : "the NVIDIA driver sees " + gpus + " GPU" + (gpus == 1 ? "" : "s") + ", cuda:0 to cuda:"
                    + (gpus - 1)) + "; check nvidia-smi, or train on the CPU: DL_DEVICE=cpu";
        }
        List<String> absent = CUDA_LIBRARIES.stream().filter(name -> !hasLibrary(name)).toList();
        if (!absent.isEmpty()) {
            return device + ": the CUDA 12 libraries " + String.join(", ", absent) + " are missing; install the CUDA"
                    + " toolkit 12 (Debian: sudo apt-get install nvidia-cuda-toolkit) or add its lib64 folder to"
                    + " LD_LIBRARY_PATH, or train on the CPU: DL_DEVICE=cpu";
        }
        return null;
    }

    /** How many {@code /dev/nvidiaN} device files there are (the control files {@code nvidiactl}... do not count). */
    private int gpuCount() {
        try (Stream<Path> files = Files.list(root.resolve("dev"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("nvidia[0-9]+")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether a file whose name starts with {@code name} is in one of the library folders. */
    private boolean hasLibrary(String name) {
        for (Path folder : libraryFolders) {
            try (Stream<Path> files = Files.list(folder)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith(name))) {
                    return true;
                }
            } catch (IOException e) {
                // a folder that is not there holds no library
            }
        }
        return false;
    }
}
