package dl.data;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need something Maven cannot fetch, such as a data set from a Debian package. On a student's machine
 * without it the test is skipped; in continuous integration ({@code CI=true}, as GitHub Actions and GitLab CI set it)
 * it fails, because a skipped test would let the build pass without having run.
 *
 * <pre>{@code
 * NeedsTool.fashionMnist();   // first line of a test that reads the real data set
 * }</pre>
 */
final class NeedsTool {

    private NeedsTool() {
    }

    /** Fashion-MNIST where {@link FashionMnist#load()} looks for it ({@code $DL_DATA} or Debian's package). */
    static void fashionMnist() {
        String missing = null;
        try {
            FashionMnist.directory();
        } catch (DataException e) {
            missing = e.getMessage();
        }
        require(missing == null, missing, System.getenv("CI"));
    }

    /**
     * Nothing when {@code present}; otherwise skips the test with the message {@code missing} (which says what to
     * install), or fails it when {@code ci} is {@code "true"}.
     */
    static void require(boolean present, String missing, String ci) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(ci)) {
            fail(missing + " (CI=true: a test that cannot run fails here instead of being skipped)");
        }
        Assumptions.abort(missing);
    }
}
