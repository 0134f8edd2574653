package dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dl} script, run as a student runs it, in a copy of the checkout that holds only the script. The copy
 * either has a fresh build (class paths that name this test's classes), or builds with a stand-in for Maven, so no
 * test runs a real {@code mvn install}.
 */
@EnabledOnOs(OS.LINUX)
class DlScriptTest {

    /** The checkout's root: Surefire runs the tests in the bench module's folder. */
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    @TempDir
    Path copy;

    @BeforeEach
    void copyTheScript() throws IOException {
        Files.copy(ROOT.resolve("dl"), copy.resolve("dl"), StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** What one run of the script did. */
    record Run(int status, String out, String err) {
    }

    /** A bad argument prints one line, no stack trace, and exit status 2 (bash's status for misuse). */
    @Test
    void aBadArgumentIsOneLineAndExitStatus2() throws Exception {
        freshBuild();
        for (List<String> command : List.of(List.of("demo", "abc"), List.of("bench", "train", "--model"),
                List.of("bench", "gemm", "1024"), List.of("gallery", copy.resolve("dl/gallery").toString()))) {
            Run run = dl(Map.of(), "", command.toArray(String[]::new));
            assertEquals(2, run.status(), command + " " + run);
            assertEquals(1, run.err().lines().count(), command + " " + run);
            assertTrue(run.err().contains("; usage: ./dl " + command.get(0)), command + " " + run);
            assertEquals("", run.out(), command + " " + run);
        }
    }

    /** A build log that cannot be written is said, and Maven's own output shown, never an old log's. */
    @Test
    void aBuildThatCannotWriteItsLogShowsMavensOutput() throws Exception {
        Files.writeString(copy.resolve("pom.xml"), "<project/>");
        fakeMaven("echo '[ERROR] /src/Net.java:[12,5] cannot find symbol'; echo '[INFO] BUILD FAILURE'; exit 1");
        Files.createDirectories(copy.resolve("target/dl-build.log"));   // a folder: even root cannot write it

        Run run = dl(Map.of(), "", "demo");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("dl: cannot write the build log " + copy.resolve("target/dl-build.log")
                + "; Maven's output follows"), run.toString());
        assertTrue(run.err().contains("[ERROR] /src/Net.java:[12,5] cannot find symbol"), run.toString());
        assertTrue(run.err().strip().endsWith("dl: the build failed"), run.toString());
        assertFalse(Files.exists(copy.resolve("target/dl-build.stamp")), "a failed build is not marked as built");
    }

    /** Two commands at once in one checkout build once; the second waits for the first, and says so. */
    @Test
    void twoCommandsAtOnceBuildOnce() throws Exception {
        Files.writeString(copy.resolve("pom.xml"), "<project/>");
        fakeMaven("""
                case "$*" in
                  *install*) echo install >> "$(dirname "$0")/installs"; sleep 2 ;;
                  *) for a; do case "$a" in -Dmdep.outputFile=*) : > "${a#*=}" ;; esac; done ;;
                esac""");
        Path jdk = Files.createDirectories(copy.resolve("jdk/bin"));
        script(jdk.resolve("java"), "echo \"java ran ${*: -1}\"");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.getParent().toString());

        Started first = start(env, "demo", "3");
        Path installs = copy.resolve("bin/installs");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(installs) && System.nanoTime() < deadline) {
            Thread.sleep(50);   // until the first one is building
        }
        Run second = dl(env, "", "demo", "3");
        Run firstRun = first.finish();

        assertEquals(List.of("install"), Files.readAllLines(installs), "mvn install runs once");
        assertEquals(0, firstRun.status(), firstRun.toString());
        assertEquals(0, second.status(), second.toString());
        assertTrue(second.err().contains("dl: another ./dl is building this checkout; waiting for it to finish"),
                second.toString());
        assertFalse(second.err().contains("building (mvn install)"), second.toString());
        assertEquals("java ran 3", second.out().strip());
    }

    /**
     * The JIT's flags go to a JDK 25 or newer only: on JDK 17 the same C2 threshold left the Vector API's code
     * compiled without its vector instructions.
     */
    @Test
    void theJitFlagsGoToJdk25AndNewerOnly() throws Exception {
        freshBuild();
        for (String version : List.of("17.0.15", "21.0.7", "25.0.3")) {
            Path jdk = Files.createDirectories(copy.resolve("jdk-" + version + "/bin"));
            Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"" + version + "\"\n");
            script(jdk.resolve("java"), "echo \"$*\"");   // a java that says how it was started

            Run run = dl(Map.of("JAVA_HOME", jdk.getParent().toString()), "", "demo", "1");

            assertEquals(0, run.status(), version + ": " + run);
            assertTrue(run.out().contains("dl.demo.Demo 1"), version + ": " + run);
            assertEquals(version.startsWith("25"), run.out().contains("-XX:Tier4MinInvocationThreshold=20"),
                    version + ": " + run);
        }
    }

    /** JShell starts and answers when the home folder cannot be written (its preferences live there). */
    @Test
    void jshellStartsWhenTheHomeFolderCannotBeWritten() throws Exception {
        Path startup = copy.resolve("dl-core/src/main/resources/dl/startup.jsh");
        Files.createDirectories(startup.getParent());
        Files.copy(ROOT.resolve("dl-core/src/main/resources/dl/startup.jsh"), startup);
        freshBuild();
        Path home = Files.writeString(copy.resolve("home"), "a file, so nothing can be made under it");

        Run run = dl(Map.of("JAVA_TOOL_OPTIONS", "-Duser.home=" + home.resolve("student")), "1 + 1\n", "jshell");

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("==> 2"), run.toString());
        assertEquals(List.of(), run.err().lines().filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .toList(), run.toString());
    }

    /** A copy whose build is fresh: the class paths name the classes this test runs with. */
    private void freshBuild() throws IOException {
        Files.createDirectories(copy.resolve("dl-core/target/classes"));
        Path target = Files.createDirectories(copy.resolve("target"));
        String classPath = System.getProperty("java.class.path");
        Files.writeString(target.resolve("dl-classpath.txt"), classPath);
        Files.writeString(target.resolve("dl-kernel-classpath.txt"), classPath);
        Files.writeString(target.resolve("dl-build.stamp"), "");
    }

    /** A stand-in for Maven on the PATH, a bash script with {@code body}. */
    private void fakeMaven(String body) throws IOException {
        script(Files.createDirectories(copy.resolve("bin")).resolve("mvn"), body);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the copy's script with {@code input} on its standard input, and waits for it. */
    private Run dl(Map<String, String> env, String input, String... args) throws Exception {
        Started started = start(env, args);
        try (var in = started.process().getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        return started.finish();
    }

    /** Starts the copy's script; its output goes to files, so a full pipe never blocks it. */
    private Started start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(copy.resolve("dl").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DL_DATA", copy.toString());   // no look for Fashion-MNIST
        builder.environment().put("PATH", copy.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(copy, "dl", ".out"), err = Files.createTempFile(copy, "dl", ".err");
        return new Started(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /** A run of the script under way, and the files that receive its output. */
    private record Started(Process process, Path out, Path err) {

        Run finish() throws Exception {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("./dl did not finish within 60 seconds; its output: "
                        + Files.readString(out) + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }
}
