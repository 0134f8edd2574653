package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** One 1x3x3 image: 1 2 3 / 4 5 6 / 7 8 9. */
    private final Tensor image = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);

    @Test
    void flipMirrorsEachRow() {
        Tensor flipped = new Augmentation.Flip(1).apply(image, new Random(0));
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7}, flipped.toFloatArray());
        assertArrayEquals(image.toFloatArray(), new Augmentation.Flip(0).apply(image, new Random(0)).toFloatArray());
    }

    @Test
    void cropWithPaddingShiftsTheImageAndFillsZeros() {
        Random rng = new Random(5);
        boolean shifted = false;
        for (int trial = 0; trial < 20; trial++) {
            float[] out = Augmentation.crop(1).apply(image, rng).toFloatArray();
            assertEquals(9, out.length);
            float sum = 0;
            for (float v : out) {
                sum += v;
            }
            shifted |= sum < 45;
            assertTrue(out[4] != 0, "with pad 1 the centre of a 3x3 crop always holds a pixel");
        }
        assertTrue(shifted, "some crops lose a border row or column to the zero padding");
        assertArrayEquals(image.toFloatArray(), Augmentation.crop(0).apply(image, rng).toFloatArray());
    }

    @Test
    void aKnownCropOffset() {
        // with pad 1, offsets dy = dx = +1 move the picture up-left by one pixel
        Random rigged = new Random() {
            @Override
            public int nextInt(int bound) {
                return 2;
            }
        };
        float[] out = Augmentation.crop(1).apply(image, rigged).toFloatArray();
        assertArrayEquals(new float[] {5, 6, 0, 8, 9, 0, 0, 0, 0}, out);
    }

    @Test
    void noiseHasTheAskedSpread() {
        Tensor zeros = Tensor.zeros(100, 1, 10, 10);
        float[] v = Augmentation.noise(0.5).apply(zeros, new Random(1)).toFloatArray();
        double sq = 0;
        for (float x : v) {
            sq += x * x;
        }
        assertEquals(0.5, Math.sqrt(sq / v.length), 0.02);
    }

    @Test
    void stepsComposeAndPrintInOrder() {
        Augmentation all = Augmentation.flip().then(Augmentation.crop(2)).then(Augmentation.noise(0.1));
        assertEquals("flip -> crop(pad 2) -> noise(stddev 0.1)", all.toString());
        Tensor a = all.apply(image, new Random(9));
        assertArrayEquals(a.toFloatArray(), all.apply(image, new Random(9)).toFloatArray(), "seeded, repeatable");
    }

    @Test
    void flatInputsAreRefusedWithAHint() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Augmentation.flip().apply(Tensor.zeros(4, 2304), new Random(0)));
        assertTrue(e.getMessage().contains("reshaped(1, 48, 48)"), e.getMessage());
    }
}
