package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The harness's messages to the grader: what decodes, and what is ignored without a crash. */
class FrameTest {

    @Test
    void anObservationGoesThereAndBack() {
        Observation seen = new Observation("σ'(0)", new double[] {0.25, Double.NaN}, new int[] {2}, "",
            Judge.closeTo(new double[] {0.25, 0}, new int[] {2}, 1e-9));
        Frame frame = new Frame(Frame.Kind.OBSERVED, "ex2.SigmoidTest#a", seen, null, null);
        assertEquals(seen, Frame.decode(frame.encode()).orElseThrow().observation());
    }

    @Test
    void anythingElseIsNotAFrame() {
        String prefix = Frame.PREFIX;
        for (String line : new String[] {"All tests passed", prefix, prefix + "!!!not base64",
            prefix + encode("[1, 2]"),
            prefix + encode("{\"kind\": \"OBSERVED\", \"test\": \"t\"}"), prefix + encode("{\"kind\": \"NOPE\"}"),
            prefix + encode("{\"kind\": \"OBSERVED\", \"test\": \"t\", \"observation\": {\"what\": \"x\"}}"),
            prefix + encode("{\"kind\": \"FINISHED\", \"test\": \"t\", \"output\": \"\", \"failure\": {}}")}) {
            assertTrue(Frame.decode(line).isEmpty(), line);
        }
    }

    private static String encode(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
