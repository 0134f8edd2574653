package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class ToySetsTest {

    @Test
    void xorWithoutNoiseIsClassOneWhereTheSignsDiffer() {
        Dataset d = ToySets.xor(200, 0, 1);
        float[] p = d.inputs();
        for (int i = 0; i < d.size(); i++) {
            assertEquals(p[2 * i] * p[2 * i + 1] < 0 ? 1 : 0, d.label(i));
        }
    }

    @Test
    void circlesWithoutNoiseLieOnTheirRadius() {
        Dataset d = ToySets.circles(100, 0, 2);
        float[] p = d.inputs();
        for (int i = 0; i < d.size(); i++) {
            assertEquals(d.label(i) == 0 ? 1 : 0.5, Math.hypot(p[2 * i], p[2 * i + 1]), 1e-5);
        }
    }

    @Test
    void everySetIsSeededBalancedAndTwoDimensional() {
        List<IntFunction<Dataset>> makers = List.of(s -> ToySets.xor(101, 0.1, s), s -> ToySets.circles(101, 0.1, s),
                s -> ToySets.spirals(101, 0.1, s), s -> ToySets.moons(101, 0.1, s));
        for (IntFunction<Dataset> maker : makers) {
            Dataset a = maker.apply(7);
            assertArrayEquals(new int[] {2}, a.inputShape());
            assertEquals(101, a.size());
            assertEquals(50, Arrays.stream(a.labels()).sum(), "51 of class 0, 50 of class 1");
            assertArrayEquals(a.inputs(), maker.apply(7).inputs(), "the same seed, the same points");
            assertNotEquals(Arrays.toString(a.inputs()), Arrays.toString(maker.apply(8).inputs()));
        }
    }

    @Test
    void moonsAndSpiralsStayNearTheUnitSquare() {
        for (Dataset d : new Dataset[] {ToySets.moons(200, 0, 3), ToySets.spirals(200, 0, 3)}) {
            for (float v : d.inputs()) {
                assertTrue(v >= -1.01 && v <= 2.01, "coordinate " + v);
            }
        }
    }
}
