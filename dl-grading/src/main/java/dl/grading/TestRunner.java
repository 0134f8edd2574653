package dl.grading;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs tests in a separate program (the {@link Harness}) and follows its frames with a deadline per test. A test
 * past its time limit gets the program stopped (the whole process tree); a program that ends during a test fails
 * that test; either way a new program runs the tests left. So an endless loop or a System.exit costs one test.
 */
final class TestRunner {

    /** Heap of the student's program: the score table quotes it when a test runs out of it. */
    static final String HEAP = "1g";
    /** Starting Java and loading the toolkit, before the first test begins, on a busy machine. */
    private static final double START_SECONDS = 60;
    private static final int MAX_OBSERVATIONS = 1000;

    private final Sandbox sandbox;
    private final List<Path> classPath;
    private final List<Path> readOnly;
    private final Path workDir;
    private final double timeScale;

    /**
     * @param classPath what the program's class path holds (the toolkit, the tests, the code under test)
     * @param readOnly  what else the sandbox shows (the data sets)
     * @param workDir   the program's current folder, where it may write
     * @param timeScale what each test's time limit is multiplied by (below 1 in the grader's own tests)
     */
    TestRunner(Sandbox sandbox, List<Path> classPath, List<Path> readOnly, Path workDir, double timeScale) {
        this.sandbox = sandbox;
        this.classPath = List.copyOf(classPath);
        this.readOnly = List.copyOf(readOnly);
        this.workDir = workDir;
        this.timeScale = timeScale;
    }

    /** Every test's outcome, by id, in the order given. */
    Map<String, Outcome> run(List<TestCase> tests) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        int next = 0;
        while (next < tests.size()) {
            next += runProgram(tests.subList(next, tests.size()), outcomes);
        }
        return outcomes;
    }

    /** Runs the tests in one program until they are done or it stops; returns how many it settled (at least one). */
    private int runProgram(List<TestCase> tests, Map<String, Outcome> outcomes) {
        Process program = start(tests);
        BlockingQueue<Optional<Frame>> frames = new LinkedBlockingQueue<>(10_000);
        StringBuilder otherOutput = new StringBuilder();
        Thread reader = new Thread(() -> readFrames(program.getInputStream(), frames, otherOutput), "frames");
        reader.setDaemon(true);
        reader.start();
        int settled = 0;
        try {
            for (TestCase test : tests) {
                Optional<Outcome> outcome = follow(test, frames, settled == 0, otherOutput);
                if (outcome.isEmpty()) {
                    return settled;   // the program ended between two tests: a new one runs the rest
                }
                outcomes.put(test.id(), outcome.get());
                settled++;
                if (outcome.get().status() != Outcome.Status.FINISHED) {
                    return settled;
                }
            }
            return settled;
        } finally {
            stop(program);
            frames.clear();   // lets the reader thread reach the end of the output and end
        }
    }

    private Process start(List<TestCase> tests) {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + HEAP, "-Xmn128m", "-XX:MaxDirectMemorySize=256m", "-XX:+DisableAttachMechanism",
            "-XX:+UseParallelGC",
            "--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true", "-cp",
            String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
            Harness.class.getName()));
        tests.forEach(test -> java.add(test.id()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", workDir.toString());
        String data = System.getenv("DL_DATA");
        if (data != null) {
            env.put("DL_DATA", data);
        }
        List<Path> visible = new ArrayList<>(classPath);
        visible.addAll(readOnly);
        ProcessBuilder builder = new ProcessBuilder(sandbox.command(java, visible, workDir, env))
            .directory(workDir.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new GradingException("cannot start Java to run the tests: " + e.getMessage());
        }
    }

    /**
     * Waits for the test to begin, then for it to finish within its time limit. Empty when the program ended
     * before the test began, after other tests ran (the harness stops after a test that ran out of memory).
     */
    private Optional<Outcome> follow(TestCase test, BlockingQueue<Optional<Frame>> frames, boolean first,
                                     StringBuilder otherOutput) {
        double limit = test.timeLimitSeconds() * timeScale;
        long begun = 0;
        long deadline = System.nanoTime() + (long) (START_SECONDS * 1e9);
        List<Observation> observations = new ArrayList<>();
        while (true) {
            Optional<Frame> next = poll(frames, deadline);
            if (next == null) {   // past the deadline
                return Optional.of(new Outcome(Outcome.Status.TIMED_OUT, observations, "", null,
                    begun == 0 ? START_SECONDS : limit));
            }
            if (next.isEmpty()) {   // the program ended
                if (begun == 0 && !first) {
                    return Optional.empty();
                }
                String output;
                synchronized (otherOutput) {
                    output = otherOutput.toString().replaceAll("(?m)^WARNING: Using incubator modules.*\\n", "");
                }
                return Optional.of(new Outcome(begun == 0 ? Outcome.Status.NOT_STARTED : Outcome.Status.PROGRAM_ENDED,
                    observations, output, null, 0));
            }
            Frame frame = next.get();
            if (!frame.test().equals(test.id())) {
                continue;   // not this test's: a stray or forged frame
            }
            switch (frame.kind()) {
                case BEGUN -> {
                    begun = System.nanoTime();
                    deadline = begun + (long) (limit * 1e9);
                }
                case OBSERVED -> {
                    if (begun != 0 && observations.size() < MAX_OBSERVATIONS) {
                        observations.add(frame.observation());
                    }
                }
                case FINISHED -> {
                    if (begun != 0) {
                        return Optional.of(new Outcome(Outcome.Status.FINISHED, observations, frame.output(),
                            frame.failure(), (System.nanoTime() - begun) / 1e9));
                    }
                }
            }
        }
    }

    /** The next frame; empty when the program's output ended; null past the deadline. */
    private static Optional<Frame> poll(BlockingQueue<Optional<Frame>> frames, long deadline) {
        try {
            long wait = deadline - System.nanoTime();
            return wait <= 0 ? frames.poll() : frames.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Splits the program's output into lines of bounded length; frames go to the queue, a little else is kept. */
    private static void readFrames(InputStream in, BlockingQueue<Optional<Frame>> frames, StringBuilder other) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (c != '\n') {
                    tooLong |= line.length() >= Frame.MAX_LINE;
                    if (!tooLong) {
                        line.append((char) c);
                    }
                    continue;
                }
                Optional<Frame> frame = tooLong ? Optional.empty() : Frame.decode(line.toString());
                if (frame.isPresent()) {
                    frames.put(frame);
                } else {
                    synchronized (other) {
                        if (other.length() < Harness.OUTPUT_LIMIT) {
                            other.append(line, 0, Math.min(line.length(), Harness.OUTPUT_LIMIT)).append('\n');
                        }
                    }
                }
                line.setLength(0);
                tooLong = false;
            }
        } catch (IOException ended) {
            // the program was stopped: its output ends here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            frames.offer(Optional.empty());
        }
    }

    /** Stops the program and everything it started. */
    private static void stop(Process program) {
        program.descendants().forEach(ProcessHandle::destroyForcibly);
        program.destroyForcibly();
        try {
            program.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
