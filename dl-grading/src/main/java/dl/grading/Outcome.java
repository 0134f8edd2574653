package dl.grading;

import java.util.List;

/**
 * What happened when one test ran on a student's code, before any judging.
 *
 * @param status       how the test ended
 * @param observations what it saw, in order
 * @param output       what the code printed during the test
 * @param failure      the exception that stopped it ({@code FINISHED} only; {@code null} when it ran to its end)
 * @param seconds      the time limit it had ({@code TIMED_OUT}), else how long it took
 */
record Outcome(Status status, List<Observation> observations, String output, Frame.Failure failure, double seconds) {

    enum Status {
        /** The test ran to its end or threw. */
        FINISHED,
        /** It ran past its time limit and the program was stopped. */
        TIMED_OUT,
        /** The program ended (System.exit, a crash) during the test. */
        PROGRAM_ENDED,
        /** The program ended before the test began: Java could not start, or the class path is broken. */
        NOT_STARTED
    }

    boolean ranToTheEnd() {
        return status == Status.FINISHED && failure == null;
    }
}
