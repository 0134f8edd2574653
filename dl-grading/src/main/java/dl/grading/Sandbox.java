package dl.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How a student's program is started. With bubblewrap ({@code bwrap}) it runs without network, in its own process
 * namespace, and sees only the JDK, its class path (read-only, at the same paths), the data sets (read-only) and a
 * fresh working folder: not the solutions, not the hidden tests' sources, not the reference's classes. Without
 * bubblewrap it is a plain child process, and the score table says so.
 */
final class Sandbox {

    static final String NOT_ISOLATED = "Graded without isolation: bubblewrap is not installed, so students' code could"
        + " read this machine's files. Install it: sudo apt-get install bubblewrap";

    private final String bwrap;

    private Sandbox(String bwrap) {
        this.bwrap = bwrap;
    }

    /** Bubblewrap when it is installed and works here (some containers forbid it), else a plain process. */
    static Sandbox detect() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, "bwrap");
            if (Files.isExecutable(candidate) && works(candidate.toString())) {
                return new Sandbox(candidate.toString());
            }
        }
        return none();
    }

    /** A plain child process: for the trusted reference solution, and where bubblewrap is missing. */
    static Sandbox none() {
        return new Sandbox(null);
    }

    boolean isolated() {
        return bwrap != null;
    }

    /**
     * The command that runs {@code java} (a command line starting with the JDK's java) in the sandbox, with
     * {@code readOnly} paths visible at their own paths and {@code workDir} as its writable current folder.
     */
    List<String> command(List<String> java, List<Path> readOnly, Path workDir, Map<String, String> env) {
        if (!isolated()) {
            return java;
        }
        List<String> command = new ArrayList<>(List.of(bwrap, "--unshare-all", "--die-with-parent", "--new-session",
            "--clearenv", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (Path path : systemPaths(Path.of(java.get(0)))) {
            command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        command.addAll(List.of("--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin"));
        for (Path path : readOnly) {
            if (Files.exists(path)) {
                command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        command.addAll(List.of("--bind", workDir.toString(), workDir.toString(), "--chdir", workDir.toString()));
        env.forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
        command.addAll(java);
        return command;
    }

    /** The shared libraries, the JDK (wherever its files really are) and its settings under /etc. */
    private static Set<Path> systemPaths(Path javaBinary) {
        Set<Path> paths = new LinkedHashSet<>();
        for (String lib : List.of("/usr/lib", "/usr/lib64")) {
            if (Files.isDirectory(Path.of(lib))) {
                paths.add(Path.of(lib));
            }
        }
        try {
            Path jdk = javaBinary.toRealPath().getParent().getParent();
            if (!jdk.startsWith("/usr/lib")) {
                paths.add(jdk);
            }
            try (var etc = Files.list(Path.of("/etc"))) {
                etc.filter(p -> p.getFileName().toString().startsWith("java")).forEach(paths::add);
            }
        } catch (IOException e) {
            throw new GradingException("cannot find the JDK's files for the sandbox: " + e.getMessage());
        }
        return paths;
    }

    private static boolean works(String bwrap) {
        try {
            Process trial = new ProcessBuilder(bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent",
                "/bin/true").redirectErrorStream(true).start();
            trial.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return trial.waitFor(20, TimeUnit.SECONDS) && trial.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
