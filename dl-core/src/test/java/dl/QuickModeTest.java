package dl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code quick(full, small)} as a notebook uses it, in a JVM started with and without {@code DL_QUICK=1}. */
class QuickModeTest {

    /** What a notebook cell would print: how many images and epochs it trains on. */
    public static void main(String[] args) {
        System.out.println(Dsl.quick(60_000, 2_000) + " " + Dsl.quick(10, 1) + " " + Dsl.isQuick());
    }

    @Test
    void dlQuickOneShrinksTheDataAndTheEpochs() throws Exception {
        assertEquals("2000 1 true", run("1"));
    }

    @Test
    void withoutItTheNotebookRunsInFull() throws Exception {
        assertEquals("60000 10 false", run(null));
        assertEquals("60000 10 false", run("0"));
    }

    private static String run(String dlQuick) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QuickModeTest.class.getName()).redirectErrorStream(true);
        builder.environment().remove("DL_QUICK");
        if (dlQuick != null) {
            builder.environment().put("DL_QUICK", dlQuick);
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
