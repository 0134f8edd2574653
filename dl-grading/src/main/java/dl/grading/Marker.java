package dl.grading;

import dl.nn.Net;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides one test's points from what it saw on the student's code. A test passes when it ran to its end, saw as
 * many things as the reference solution's run of it (the same ones, in the same order), and each passes the judge
 * of the reference's run: the student's program sends numbers, never its own judges. A model is judged by
 * measuring its accuracy here.
 */
final class Marker {

    private static final Pattern MODEL_FILE = Pattern.compile("model-\\d{1,9}\\.dlm");
    private static final Pattern METHOD = Pattern.compile("'?(?:\\S+ )?(?:\\w+\\.)*(\\w+\\.\\w+\\(.*\\))'?");

    private Marker() {
    }

    /**
     * @param reference the reference solution's observations in this test (their judges are the ones used)
     * @param workDir   the student's working folder, where the test saved its models
     */
    static TestResult mark(TestCase test, Outcome outcome, List<Observation> reference, Path workDir) {
        String why = whyNot(test, outcome, reference, workDir);
        boolean passed = why.isEmpty();
        String message = passed || test.hint().isEmpty() ? why : why + "\nHint: " + test.hint();
        return new TestResult(test.exercise(), test.name(), passed ? test.points() : 0, test.points(), test.hidden(),
            passed, message, outcome.output());
    }

    /** A failed test whose code never ran: a missing file, a compile error. */
    static TestResult notRun(TestCase test, String why) {
        return new TestResult(test.exercise(), test.name(), 0, test.points(), test.hidden(), false, why, "");
    }

    /** Why the test fails, or empty when it passes. */
    private static String whyNot(TestCase test, Outcome outcome, List<Observation> reference, Path workDir) {
        switch (outcome.status()) {
            case TIMED_OUT:
                return "stopped after " + Judge.number(outcome.seconds()) + " s (an endless loop?)";
            case PROGRAM_ENDED:
                return "your code ended the program (System.exit?) during this test";
            case NOT_STARTED:
                return "the test's program could not start: " + outcome.output().strip();
            default:
                break;
        }
        if (outcome.failure() != null) {
            return describe(outcome.failure());
        }
        List<Observation> got = outcome.observations();
        for (int i = 0; i < reference.size(); i++) {
            Observation expected = reference.get(i);
            if (i >= got.size() || !got.get(i).what().equals(expected.what())) {
                return "the test expected to check " + expected.what() + ", but "
                    + (i < got.size() ? "it checked " + got.get(i).what() : "it ended before");
            }
            Verdict verdict = verdict(got.get(i), expected, workDir);
            if (!verdict.passed()) {
                return verdict.message();
            }
        }
        return got.size() > reference.size() ? "the test checked more than the reference solution's run of it ("
            + got.get(reference.size()).what() + ")" : "";
    }

    private static Verdict verdict(Observation got, Observation reference, Path workDir) {
        if (reference.judge().kind() != Judge.Kind.TEST_ACCURACY_AT_LEAST) {
            return reference.judge().verdict(got, reference);
        }
        String file = got.text();
        if (!MODEL_FILE.matcher(file).matches() || !Files.isRegularFile(workDir.resolve(file))) {
            return Verdict.fail(got.what() + ": the trained model was not saved, so its accuracy cannot be measured");
        }
        double accuracy;
        try {
            accuracy = ModelExpectation.testAccuracy(Net.load(workDir.resolve(file)));
        } catch (RuntimeException | OutOfMemoryError e) {
            return Verdict.fail(got.what() + ": the saved model cannot be loaded or run (" + e.getMessage() + ")");
        }
        return reference.judge().verdict(got.withValues(accuracy), reference);
    }

    /** An exception in a student's words. */
    static String describe(Frame.Failure failure) {
        String exception = failure.exception();
        String where = failure.where().isEmpty() ? "" : " (at " + failure.where() + ")";
        if (exception.equals(TodoException.class.getName())) {
            return failure.message();
        }
        if (exception.equals("java.lang.OutOfMemoryError")) {
            return "ran out of memory: the grader allows " + TestRunner.HEAP.replace("g", " GB") + where;
        }
        if (exception.equals("java.lang.StackOverflowError")) {
            return "the call stack overflowed: a recursion that never ends?" + where;
        }
        if (exception.equals("java.lang.NoSuchMethodError") || exception.equals("java.lang.AbstractMethodError")) {
            Matcher m = METHOD.matcher(failure.message());
            String method = m.matches() ? m.group(1) : failure.message();
            return method + " is missing or its signature changed: keep the signature the exercise gives";
        }
        if (failure.message().startsWith("Could not initialize class ")) {
            return failure.message().substring("Could not initialize class ".length()) + " failed to start in an"
                + " earlier test (its static fields or initializer threw): see that test's message";
        }
        if (exception.equals("java.lang.NoClassDefFoundError") || exception.equals("java.lang.NoSuchFieldError")
            || exception.equals("java.lang.IllegalAccessError")) {
            return failure.message().replace('/', '.') + " is missing or was changed: keep the classes, fields and"
                + " signatures the exercise gives";
        }
        String message = failure.message().equals("null") ? "" : ": " + failure.message();
        return "your code threw " + exception + message + where;
    }
}
