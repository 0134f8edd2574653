package dl.grading;

/** Grading could not go on, for a reason the teacher can fix: the message says which and how. */
public class GradingException extends RuntimeException {
    public GradingException(String message) {
        super(message);
    }
}
