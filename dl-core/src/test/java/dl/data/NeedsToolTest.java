package dl.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class NeedsToolTest {

    private static final String MISSING = "Fashion-MNIST was not found. Install it with: sudo apt-get install"
            + " dataset-fashion-mnist";

    @Test
    void inContinuousIntegrationAMissingToolFailsTheTest() {
        var e = assertThrows(AssertionFailedError.class, () -> NeedsTool.require(false, MISSING, "true"));
        assertEquals(MISSING + " (CI=true: a test that cannot run fails here instead of being skipped)",
                e.getMessage());
    }

    @Test
    void elsewhereAMissingToolSkipsTheTestSayingWhatToInstall() {
        var e = assertThrows(TestAbortedException.class, () -> NeedsTool.require(false, MISSING, null));
        assertEquals(MISSING, e.getMessage());
        assertThrows(TestAbortedException.class, () -> NeedsTool.require(false, MISSING, "false"));
    }

    @Test
    void aToolThatIsThereLetsTheTestRun() {
        assertDoesNotThrow(() -> NeedsTool.require(true, MISSING, "true"));
    }
}
