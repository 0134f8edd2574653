package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The kernel's tests and a missing Jupyter tool: skipped on a student's machine, failed in CI. */
class JupyterTest {

    private static final Path MISSING = Path.of("/usr/bin/no-such-chromedriver");

    @Test
    void aMissingToolSkipsTheTestOutsideCi() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> Jupyter.require(MISSING, "chromium-driver", false));
        assertTrue(e.getMessage().contains("sudo apt-get install chromium-driver"), e.getMessage());
    }

    @Test
    void aMissingToolFailsTheTestInCiNamingTheDebianPackage() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Jupyter.require(MISSING, "chromium-driver", true));
        assertTrue(e.getMessage().startsWith(MISSING + " is missing: install it with 'sudo apt-get install "
                + "chromium-driver'"), e.getMessage());
    }

    @Test
    void aToolThatIsThereLetsTheTestRun() {
        Jupyter.require(Path.of("/bin/sh"), "dash", true);
    }
}
