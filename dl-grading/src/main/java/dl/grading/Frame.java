package dl.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One message from the harness in the student's program to the grader: a line on the real standard output, the
 * {@link #PREFIX} and then the message as base64 JSON. The grader ignores every other line, and a line that does not
 * decode is ignored too: a student's program can print anything without crashing the grader.
 *
 * @param kind        what happened
 * @param test        the test it happened in: {@code "ex2.SigmoidTest#derivativeAtZeroIsAQuarter"}
 * @param observation what the test saw ({@code OBSERVED} only)
 * @param output      what the student's code printed during the test, cut to a few kilobytes ({@code FINISHED} only)
 * @param failure     why the test stopped early, or {@code null} when it ran to its end ({@code FINISHED} only)
 */
record Frame(Kind kind, String test, Observation observation, String output, Failure failure) {

    static final String PREFIX = "#dl-grading-frame ";
    /** Longer lines are not frames: no test's observation needs 8 MB, and the grader never holds more. */
    static final int MAX_LINE = 8 << 20;

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    enum Kind { BEGUN, OBSERVED, FINISHED }

    /**
     * How a test's code stopped early.
     *
     * @param exception the exception's class: {@code "java.lang.ArithmeticException"}
     * @param message   its message (the stub's text for a {@link TodoException})
     * @param where     the first line of the student's code it passed through, {@code "Sigmoid.java:21"}, or empty
     */
    record Failure(String exception, String message, String where) {
    }

    String encode() {
        byte[] json = GSON.toJson(this).getBytes(StandardCharsets.UTF_8);
        return PREFIX + Base64.getEncoder().encodeToString(json);
    }

    /** The frame a line holds, or nothing when it is not one (any other output, or a damaged frame). */
    static Optional<Frame> decode(String line) {
        if (!line.startsWith(PREFIX) || line.length() > MAX_LINE) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getDecoder().decode(line.substring(PREFIX.length()).trim());
            Frame frame = GSON.fromJson(new String(json, StandardCharsets.UTF_8), Frame.class);
            return frame != null && frame.isWhole() ? Optional.of(frame) : Optional.empty();
        } catch (RuntimeException notAFrame) {
            return Optional.empty();
        }
    }

    /** JSON can leave out any field: a frame the grader acts on has every field its kind needs. */
    private boolean isWhole() {
        if (kind == null || test == null) {
            return false;
        }
        return switch (kind) {
            case BEGUN -> true;
            case OBSERVED -> observation != null && observation.what() != null && observation.text() != null
                && observation.judge() != null;
            case FINISHED -> output != null && (failure == null
                || failure.exception() != null && failure.message() != null && failure.where() != null);
        };
    }
}
