package dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    // Six examples of three classes, worked by hand:
    //   labels    0 0 0 1 1 2          true \ predicted   0  1  2
    //   predicted 0 0 1 1 2 2                  0          2  1  0
    //                                          1          0  1  1
    //                                          2          0  0  1
    private final int[] labels = {0, 0, 0, 1, 1, 2};
    private final int[] predicted = {0, 0, 1, 1, 2, 2};

    @Test
    void confusionMatrixCountsTrueAgainstPredicted() {
        ConfusionMatrix m = ConfusionMatrix.of(predicted, labels, 3);
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}}, m.counts());
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
    }

    @Test
    void precisionRecallAndF1PerClassAndMacro() {
        // precision = column: 2/2, 1/2, 1/2; recall = row: 2/3, 1/2, 1/1
        assertArrayEquals(new double[] {1, 0.5, 0.5}, Metrics.precision(predicted, labels, 3), 1e-12);
        assertArrayEquals(new double[] {2.0 / 3, 0.5, 1}, Metrics.recall(predicted, labels, 3), 1e-12);
        // F1 = 2pr/(p+r): 0.8, 0.5, 2/3
        assertArrayEquals(new double[] {0.8, 0.5, 2.0 / 3}, Metrics.f1(predicted, labels, 3), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, Metrics.macroF1(predicted, labels, 3), 1e-12);
        ConfusionMatrix m = ConfusionMatrix.of(predicted, labels, 3);
        assertEquals(2.0 / 3, m.macroPrecision(), 1e-12);
        assertEquals((2.0 / 3 + 0.5 + 1) / 3, m.macroRecall(), 1e-12);
    }

    @Test
    void aClassNeverPredictedScoresZeroNotNaN() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0}, new int[] {0, 1}, 2);
        assertEquals(0, m.precision(1));
        assertEquals(0, m.f1(1));
    }

    @Test
    void accuracyFromLogits() {
        Tensor logits = Tensor.of(new float[][] {{2, 1}, {0, 3}, {5, -1}});
        assertArrayEquals(new int[] {0, 1, 0}, Metrics.predictions(logits));
        assertEquals(2.0 / 3, Metrics.accuracy(logits, new int[] {0, 1, 1}), 1e-12);
    }

    @Test
    void topKErrorAsInTheImageNetTable() {
        Tensor logits = Tensor.of(new float[][] {{0.1f, 0.5f, 0.4f}, {0.9f, 0.05f, 0.05f}, {0.2f, 0.3f, 0.5f}});
        int[] truth = {2, 1, 0};
        // the label's rank in each row: 2nd, 2nd (tied with another, counted in its favour), 3rd
        assertEquals(1, Metrics.topKError(logits, truth, 1), 1e-12);
        assertEquals(1.0 / 3, Metrics.topKError(logits, truth, 2), 1e-12);
        assertEquals(0, Metrics.topKError(logits, truth, 3), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.topKError(logits, truth, 5));
        assertEquals("top-k: k = 5 must be between 1 and the 3 classes", e.getMessage());
    }

    @Test
    void theTableIsReadable() {
        String table = ConfusionMatrix.of(predicted, labels, 3).named(List.of("cat", "dog", "bird")).toString();
        assertEquals(String.join("\n",
                "true \\ predicted   cat   dog  bird  precision  recall     F1",
                "cat                  2     1     0      1.000   0.667  0.800",
                "dog                  0     1     1      0.500   0.500  0.500",
                "bird                 0     0     1      0.500   1.000  0.667",
                "accuracy 0.667, macro precision 0.667, recall 0.722, F1 0.656"), table);
    }

    @Test
    void mismatchedLengthsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[] {1}, new int[] {1, 0}));
        assertEquals("accuracy: 1 predictions but 2 labels", e.getMessage());
    }
}
