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
 * {@code KernelMain spec DIR COMMAND...} writes that {@code kernel.json}, with {@code COMMAND... {connection_file}}
 * as the command. {@code ./dl kernel install} gives {@code /path/to/dl kernel run}, which builds what is missing and
 * then starts the kernel: the installed kernel names no build folder, so it survives {@code mvn clean}. Without a
 * command (the tests' kernel), the command is this JVM's: the same java, JVM flags and class path.
 */
public final class KernelMain {

    /** The kernel's name for {@code jupyter kernelspec} and in notebooks' metadata. */
    public static final String NAME = "java-dl";

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("spec")) {
            List<String> command = List.of(args).subList(2, args.length);
            writeSpec(Path.of(args[1]), command.isEmpty() ? thisJvm() : command);
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION-FILE          (Jupyter starts it)\n"
                    + "       KernelMain spec DIR [COMMAND...]   (writes DIR/kernel.json; Jupyter will run\n"
                    + "                                           COMMAND CONNECTION-FILE, by default this JVM)");
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

    /** The command that starts the kernel the way this JVM was started: its java, JVM flags and class path. */
    static List<String> thisJvm() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-Ddl.sources=")).forEach(command::add);
        if (System.getProperty("dl.sources") != null) {   // where Shift-Tab finds the DSL's Javadoc
            command.add("-Ddl.sources=" + System.getProperty("dl.sources"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelMain.class.getName()));
        return command;
    }

    /** Writes {@code dir/kernel.json} (whole or not at all): Jupyter runs {@code command} + the connection file. */
    static void writeSpec(Path dir, List<String> command) throws IOException {
        List<String> argv = new ArrayList<>(command);
        argv.add("{connection_file}");
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
