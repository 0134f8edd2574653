package dl.grading;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The program the grader starts to run tests on a student's code: {@code java dl.grading.Harness ex2.SigmoidTest#
 * derivativeAtZeroIsAQuarter ...}. It runs the tests one after the other and sends what each one saw to the grader
 * as {@link Frame}s; it judges nothing, so nothing here decides a score. What the student's code prints is captured
 * per test and sent along. After the last test it stops the program at once, whatever threads are left running.
 */
public final class Harness {

    /** What a test may print before the rest is cut: enough to debug with, too little to flood the grader. */
    static final int OUTPUT_LIMIT = 4096;

    private final PrintStream frames;

    private Harness(PrintStream frames) {
        this.frames = frames;
    }

    public static void main(String[] testIds) {
        PrintStream realOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Harness harness = new Harness(realOut);
        for (String id : testIds) {
            boolean outOfMemory = harness.run(id);
            if (outOfMemory) {
                break;   // the heap may still be full; the grader starts a fresh program for the tests left
            }
        }
        realOut.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Runs one test and sends its frames; true when it ran out of memory. */
    private boolean run(String id) {
        send(new Frame(Frame.Kind.BEGUN, id, null, null, null));
        CapturedOutput output = new CapturedOutput(OUTPUT_LIMIT);
        System.setOut(output.stream());
        System.setErr(output.stream());
        Expect.recorder = observation -> send(new Frame(Frame.Kind.OBSERVED, id, observation, null, null));
        Frame.Failure failure = null;
        Throwable thrown = null;
        try {
            invoke(id);
        } catch (Throwable t) {
            thrown = t;
            failure = describe(t, id);
        }
        Expect.recorder = null;
        send(new Frame(Frame.Kind.FINISHED, id, null, output.text(), failure));
        return thrown instanceof OutOfMemoryError;
    }

    /** Calls the test method {@code package.Class#method} on a new instance, as JUnit would (without its engine). */
    private static void invoke(String id) throws Throwable {
        int hash = id.indexOf('#');
        Class<?> testClass = Class.forName(id.substring(0, hash));
        Method method = testClass.getDeclaredMethod(id.substring(hash + 1));
        if (!method.isAnnotationPresent(Test.class)) {
            throw new IllegalArgumentException(id + " is not a @Test method");
        }
        var constructor = testClass.getDeclaredConstructor();
        constructor.setAccessible(true);
        method.setAccessible(true);
        try {
            method.invoke(constructor.newInstance());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The exception's class and message, and the first line of the student's code it came through. */
    private static Frame.Failure describe(Throwable thrown, String id) {
        Throwable t = thrown;
        while (t instanceof ExceptionInInitializerError && t.getCause() != null) {
            t = t.getCause();   // what a static initializer threw
        }
        String testClass = id.substring(0, id.indexOf('#'));
        String exercisePackage = testClass.substring(0, testClass.lastIndexOf('.') + 1);
        String where = "";
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith(exercisePackage) && !c.startsWith(testClass)) {
                where = frame.getFileName() + ":" + frame.getLineNumber();
                break;
            }
        }
        return new Frame.Failure(t.getClass().getName(), String.valueOf(t.getMessage()), where);
    }

    private synchronized void send(Frame frame) {
        frames.println(frame.encode());
        frames.flush();
    }
}
