package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Ten one-number inputs 0..9, labels alternating 0 and 1. */
    private final Dataset ten = Dataset.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[] {1},
            IntStream.range(0, 10).map(i -> i % 2).toArray(), 2);

    @Test
    void oneExampleIsATensorOfTheInputShape() {
        Dataset images = Dataset.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {1, 2, 2}, new int[] {0, 1}, 2);
        Tensor second = images.input(1);
        assertArrayEquals(new int[] {1, 2, 2}, second.shape());
        assertArrayEquals(new float[] {5, 6, 7, 8}, second.toFloatArray());
        var e = assertThrows(IndexOutOfBoundsException.class, () -> images.input(2));
        assertEquals("input: there is no example 2; the examples are 0..1", e.getMessage());
    }

    @Test
    void batchesHaveABatchAxisAndTheirTargets() {
        Batch b = ten.batch(new int[] {3, 4});
        assertArrayEquals(new int[] {2, 1}, b.inputs().shape());
        assertArrayEquals(new float[] {3, 4}, b.inputs().toFloatArray());
        assertArrayEquals(new int[] {1, 0}, b.labels());
        assertArrayEquals(new float[] {1, 0}, b.targets().toFloatArray());
    }

    @Test
    void theWholeDatasetAsOneBatch() {
        Batch b = ten.take(3).batch();
        assertArrayEquals(new int[] {3, 1}, b.inputs().shape());
        assertArrayEquals(new float[] {0, 1, 2}, b.inputs().toFloatArray());
        assertArrayEquals(ten.batch(new int[] {0, 1, 2}).labels(), b.labels());
    }

    @Test
    void splitIsEightyTwentyWithoutOverlap() {
        Dataset.Split parts = ten.split();
        assertEquals(8, parts.train().size());
        assertEquals(2, parts.validation().size());
        float[] all = new float[10];
        System.arraycopy(parts.train().inputs(), 0, all, 0, 8);
        System.arraycopy(parts.validation().inputs(), 0, all, 8, 2);
        Arrays.sort(all);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
    }

    @Test
    void eachEpochHasItsOwnSeededOrder() {
        DataLoader loader = new DataLoader(ten, 4, true, 7);
        assertEquals(3, loader.batches());
        assertEquals(2, loader.epoch(0).get(2).length, "the last batch is short");
        assertArrayEquals(loader.epoch(1).get(0), new DataLoader(ten, 4, true, 7).epoch(1).get(0));
        assertNotEquals(Arrays.toString(loader.epoch(0).get(0)), Arrays.toString(loader.epoch(1).get(0)));
    }

    @Test
    void vectorTargetsLikeTheCoursesLabelPairs() {
        Dataset pairs = Dataset.withTargets(new float[] {1, 2, 3, 4}, new int[] {2}, new float[] {1, 0, 0, 1}, 2);
        Tensor targets = pairs.batch(new int[] {1, 0}).targets();
        assertArrayEquals(new float[] {0, 1, 1, 0}, targets.toFloatArray());
    }

    @Test
    void aBadLabelIsExplained() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(new float[] {1, 2}, new int[] {1}, new int[] {0, 3}, 2));
        assertEquals("dataset: label 3 of example 1 is outside 0..1", e.getMessage());
    }

    @Test
    void classTargetsCarryThePairsAndTheirArgmax() {
        Dataset pairs = Dataset.classTargets(new float[] {1, 2, 3}, new int[] {1}, new float[] {1, 0, 0, 1, 0, 1}, 2);
        assertArrayEquals(new int[] {0, 1, 1}, pairs.labels());
        Batch b = pairs.limit(2).batch(new int[] {1, 0});
        assertArrayEquals(new int[] {1, 0}, b.labels());
        assertArrayEquals(new float[] {0, 1, 1, 0}, b.targets().toFloatArray());
        assertEquals("Dataset(3 examples of [1], 2 classes as targets of 2)", pairs.toString());
    }

    @Test
    void reshapedAndScaledKeepTheExamples() {
        Dataset d = ten.reshaped(1, 1, 1).scaled(0.5f);
        assertArrayEquals(new int[] {1, 1, 1}, d.inputShape());
        assertEquals(4.5f, d.inputs()[9]);
        assertArrayEquals(ten.labels(), d.labels());
    }

    @Test
    void classesAreNamedAndKeepTheirNamesThroughEveryView() {
        assertEquals(List.of("0", "1"), ten.classNames(), "unnamed classes are called by their labels");
        Dataset parity = ten.withClassNames(List.of("even", "odd"));
        Dataset few = parity.split(0.5, 1).train().scaled(2).take(3);
        assertEquals(3, few.size());
        assertEquals(List.of("even", "odd"), few.classNames());
        assertEquals("odd", few.classNames().get(parity.take(2).label(1)));
        assertEquals("Dataset(10 examples of [1], 2 classes (even, odd))", parity.toString());
    }

    @Test
    void oneNamePerClass() {
        var e = assertThrows(IllegalArgumentException.class, () -> ten.withClassNames(List.of("even")));
        assertEquals("withClassNames: the data has 2 classes, but [even] has 1; give one name per class, in label"
                + " order", e.getMessage());
        Dataset named = Dataset.of(new float[] {0, 1}, new int[] {1}, new int[] {1, 0}, List.of("dark", "bright"));
        assertEquals("bright", named.classNames().get(named.label(0)));
    }
}
