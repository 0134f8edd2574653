package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** Ten 1x2x2 images whose pixels all equal their index, labels alternating 0 and 1. */
    private static Dataset images() {
        float[] pixels = new float[40];
        for (int i = 0; i < 40; i++) {
            pixels[i] = i / 4;
        }
        return Dataset.of(pixels, new int[] {1, 2, 2}, IntStream.range(0, 10).map(i -> i % 2).toArray(), 2);
    }

    private static List<Float> firstPixels(Iterable<Batch> epoch) {
        List<Float> seen = new ArrayList<>();
        for (Batch b : epoch) {
            float[] v = b.inputs().toFloatArray();
            for (int i = 0; i < b.size(); i++) {
                seen.add(v[i * 4]);
            }
        }
        return seen;
    }

    @Test
    void eachForLoopIsTheNextEpochAndEveryExampleComesOnce() {
        DataLoader loader = new DataLoader(images(), 4, 7);
        List<Float> first = firstPixels(loader);
        List<Float> second = firstPixels(loader);
        assertEquals(10, first.size());
        assertNotEquals(first, second, "a new order each epoch");
        List<Float> sorted = new ArrayList<>(second);
        sorted.sort(null);
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f), sorted);
        assertEquals(first, firstPixels(new DataLoader(images(), 4, 7).load(0)), "the same seed, the same order");
    }

    @Test
    void theLastBatchKeepsTheRest() {
        List<Integer> sizes = new ArrayList<>();
        new DataLoader(images(), 4, false, 0).load(0).forEach(b -> sizes.add(b.size()));
        assertEquals(List.of(4, 4, 2), sizes);
    }

    @Test
    void augmentationIsSeededPerEpochAndBatch() {
        DataLoader loader = new DataLoader(images(), 5, false, 3).augment(Augmentation.noise(0.1));
        float[] a = loader.load(0).iterator().next().inputs().toFloatArray();
        float[] again = new DataLoader(images(), 5, false, 3).augment(Augmentation.noise(0.1))
                .load(0).iterator().next().inputs().toFloatArray();
        float[] later = loader.load(1).iterator().next().inputs().toFloatArray();
        assertArrayEquals(a, again);
        assertFalse(Arrays.equals(a, later), "each epoch draws new noise");
        assertEquals("DataLoader(10 examples, batches of 5, noise(stddev 0.1))", loader.toString());
    }

    @Test
    void labelsAndTargetsSurviveAugmentation() {
        Batch b = new DataLoader(images(), 10, false, 0).augment(Augmentation.flip()).load(0).iterator().next();
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, b.labels());
        assertArrayEquals(new int[] {10, 1, 2, 2}, b.inputs().shape());
    }
}
