package dl.kernel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel's process. Jupyter starts it as {@code kernel.json} says, with the file that names its sockets:
 * <pre>  java [flags] -cp ... dl.kernel.KernelMain CONNECTION-FILE</pre>
 * {@code ./dl kernel install} runs {@code KernelMain spec DIR} to write that {@code kernel.json}: the same java,
 * the same JVM flags and class path as the command that wrote it.
 */
public final class KernelMain {

    /** The kernel's name for {@code jupyter kernelspec} and in notebooks' metadata. */
    public static final String NAME = "java-dl";

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("spec")) {
            writeSpec(Path.of(args[1]));
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION-FILE   (Jupyter starts it)\n"
                    + "       KernelMain spec DIR         (writes DIR/kernel.json)");
            System.exit(2);
        }
        KernelConnectionProperties sockets = KernelConnectionProperties.parse(
                Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        JupyterConnection connection = new SignedConnection(sockets);
        DlKernel kernel = new DlKernel();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    /** Writes {@code dir/kernel.json} (whole or not at all) for a kernel started the way this JVM was. */
    static void writeSpec(Path dir) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-Ddl.sources=")).forEach(argv::add);
        if (System.getProperty("dl.sources") != null) {   // where Shift-Tab finds the DSL's Javadoc
            argv.add("-Ddl.sources=" + System.getProperty("dl.sources"));
        }
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelMain.class.getName(),
                "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", "Java " + Runtime.version().feature() + " (dl " + DlKernel.version() + ")");
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "kernel", ".json.partial");
        try {
            Files.writeString(temp, new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec));
            Files.move(temp, dir.resolve("kernel.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
