package dl.backend;

import dl.backend.cpu.CpuBackend;
import dl.backend.reference.ReferenceBackend;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where tensors live and kernels run: the CPU ({@code cpu}), the plain reference backend that checks it
 * ({@code reference}), or an NVIDIA GPU ({@code cuda:0}, {@code cuda:1}, ...).
 *
 * <p>One device is current, and every tensor that is created rather than computed is created there: the factories
 * ({@code Tensor.zeros}, {@code of}, {@code rand}...), and so the initializers, the data batches and the
 * optimizer's slots. Ops compute on the device of their inputs. The current device is read once from the setting
 * {@code DL_DEVICE=cpu|reference|cuda|cuda:N} (or the system property {@code dl.device}, which tests set), the CPU
 * when neither is set; {@link #use} changes it.
 *
 * <pre>{@code
 * Device.use(Device.cuda());            // what is created from now on lives on the first GPU
 * model.to(Device.cpu());               // or move one model, its weights and its optimizer's state
 * }</pre>
 */
public final class Device {

    private static final Device CPU = new Device("cpu", -1);
    private static final Device REFERENCE = new Device("reference", -1);
    private static final Map<Device, Backend> OPENED = new ConcurrentHashMap<>();
    private static volatile Device current;

    private final String kind;
    private final int index;

    private Device(String kind, int index) {
        this.kind = kind;
        this.index = index;
    }

    /** The CPU: pure Java, every core, SIMD (the default). */
    public static Device cpu() {
        return CPU;
    }

    /** Plain scalar loops that sum in double: slow and obviously right, what the other devices are checked against. */
    public static Device reference() {
        return REFERENCE;
    }

    /** The first NVIDIA GPU. */
    public static Device cuda() {
        return cuda(0);
    }

    /** NVIDIA GPU number {@code n}, counted from 0 as {@code nvidia-smi} counts. */
    public static Device cuda(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cuda(" + n + "): GPUs are numbered from 0");
        }
        return new Device("cuda", n);
    }

    /** By name, as {@code DL_DEVICE} writes it: {@code cpu}, {@code reference}, {@code cuda}, {@code cuda:1}. */
    public static Device parse(String name) {
        String s = name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "cpu" -> CPU;
            case "reference" -> REFERENCE;
            case "cuda" -> cuda();
            default -> {
                if (!s.matches("cuda:[0-9]{1,3}")) {
                    throw new IllegalArgumentException("device '" + name + "': expected cpu, reference, cuda or cuda:N"
                            + " (N the GPU's number, from 0)");
                }
                yield cuda(Integer.parseInt(s.substring(5)));
            }
        };
    }

    /** Where tensors are created: {@code DL_DEVICE} (or {@code -Ddl.device}) at first use, then {@link #use}'s. */
    public static Device current() {
        Device d = current;
        if (d == null) {
            synchronized (Device.class) {
                if (current == null) {
                    String setting = System.getProperty("dl.device", System.getenv("DL_DEVICE"));
                    current = setting == null || setting.isBlank() ? CPU : fromSetting(setting);
                }
                d = current;
            }
        }
        return d;
    }

    private static Device fromSetting(String setting) {
        try {
            return parse(setting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DL_DEVICE=" + setting + " names no device: expected cpu, reference,"
                    + " cuda or cuda:N (N the GPU's number, from 0)");
        }
    }

    /**
     * Makes {@code device} current. Fails at once, with what is missing, if the device cannot be used here (no GPU,
     * no driver): see {@link DeviceUnavailable}.
     */
    public static void use(Device device) {
        device.backend();
        current = Objects.requireNonNull(device);
    }

    /** The backend that runs this device's kernels, opened at first use; a GPU not there: {@link DeviceUnavailable}. */
    public Backend backend() {
        return switch (kind) {
            case "cpu" -> CpuBackend.INSTANCE;
            case "reference" -> ReferenceBackend.INSTANCE;
            default -> OPENED.computeIfAbsent(this, Device::open);
        };
    }

    /** A GPU's backend, from the module that provides it on the class path ({@code dl-cuda}). */
    private static Backend open(Device device) {
        for (GpuBackends provider : ServiceLoader.load(GpuBackends.class)) {
            if (provider.kind().equals(device.kind)) {
                return provider.open(device.index);
            }
        }
        throw new DeviceUnavailable(device + ": the dl-cuda module is not on the class path; run with ./dl, which"
                + " puts it there, or add the dl-cuda jar to the class path");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.kind.equals(kind) && d.index == index;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + index;
    }

    /** The name {@link #parse} reads: {@code cpu}, {@code reference}, {@code cuda:0}. */
    @Override
    public String toString() {
        return index < 0 ? kind : kind + ":" + index;
    }

    /** How a program writes this device: {@code Device.cuda(1)}, for messages that say what to type. */
    public String code() {
        return index < 0 ? "Device." + kind + "()" : "Device." + kind + "(" + index + ")";
    }
}
