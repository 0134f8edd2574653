package dl.grading;

/** A judge's decision on one observation: passed, or what was expected and what came instead. */
public record Verdict(boolean passed, String message) {

    static Verdict pass() {
        return new Verdict(true, "");
    }

    static Verdict fail(String message) {
        return new Verdict(false, message);
    }
}
