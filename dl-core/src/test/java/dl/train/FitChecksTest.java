package dl.train;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.nn.loss.Losses.crossEntropy;
import static dl.nn.loss.Losses.nll;
import static dl.train.Fit.epochs;
import static dl.train.TrainerTest.circles;
import static dl.train.TrainerTest.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the setup of a fit fail before its first step, saying what is wrong. */
class FitChecksTest {

    private final AtomicInteger steps = new AtomicInteger();
    private final TrainingListener countSteps = new TrainingListener() {
        @Override
        public void onBatch(Progress p) {
            steps.incrementAndGet();
        }
    };

    @Test
    void aSoftmaxThatCrossEntropyWouldApplyAgainIsRefused() {
        var squashedTwice = net(input(2)).dense(8).relu().dense(2).softmax();
        var e = assertThrows(IllegalArgumentException.class,
                () -> squashedTwice.fit(circles(10, 1), epochs(1).loss(crossEntropy()).quiet()));
        assertTrue(e.getMessage().startsWith("fit: the model ends in softmax(), and crossEntropy() applies a softmax"),
                e.getMessage());
        var logits = net(input(2)).dense(8).relu().dense(2);
        logits.fit(circles(10, 1), epochs(1).loss(crossEntropy()).quiet());
        var logProbabilities = net(input(2)).dense(8).relu().dense(2).logSoftmax();
        logProbabilities.fit(circles(10, 1), epochs(1).loss(nll()).quiet());
    }

    @Test
    void emptyDataIsRefused() {
        Dataset empty = Dataset.of(new float[0], new int[] {2}, new int[0], 2);
        var e = assertThrows(IllegalArgumentException.class, () -> model().fit(empty, epochs(1).quiet()));
        assertEquals("fit: the training data is empty (0 examples of [2]); check how it was loaded, limited or split",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> model().fit(circles(10, 1), epochs(1).validation(empty).quiet()));
        assertTrue(e.getMessage().startsWith("fit: the validation data is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model().evaluate(empty));
        assertTrue(e.getMessage().startsWith("evaluate: the data is empty"), e.getMessage());
    }

    @Test
    void validationDataOfAnotherShapeFailsBeforeTheFirstStep() {
        Dataset points3d = Dataset.of(new float[30], new int[] {3}, new int[10], 2);
        var e = assertThrows(IllegalArgumentException.class, () -> model().fit(circles(100, 1),
                epochs(1).batch(10).validation(points3d).listener(countSteps).quiet()));
        assertEquals(0, steps.get(), "no step was taken");
        assertTrue(e.getMessage().startsWith("fit: the validation data does not fit the model: its examples are [3]"
                + " with 2 classes, the training data's [2] with 2 classes ("), e.getMessage());
    }

    @Test
    void aCheckpointThatCannotBeWrittenFailsBeforeTheFirstStep(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "a file where a folder should be");
        Path file = notes.resolve("circles.ckpt");
        var e = assertThrows(IllegalArgumentException.class, () -> model().fit(circles(100, 1),
                epochs(1).batch(10).checkpoint(file).listener(countSteps).quiet()));
        assertEquals(0, steps.get(), "no step was taken");
        assertEquals("fit: cannot write the checkpoint " + file + ": " + notes + " is a file, not a folder; choose a"
                + " path in a folder you can write to", e.getMessage());
        assertTrue(Files.isRegularFile(notes) && Files.list(dir).count() == 1, "the check leaves nothing behind");
    }

    @Test
    void aModelWithFewerOutputsThanClassesSaysSo() {
        float[] pixels = new float[20 * 4];
        int[] labels = new int[20];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = 9 - i % 10;
        }
        Dataset tenClasses = Dataset.of(pixels, new int[] {4}, labels, 10);
        var e = assertThrows(IllegalArgumentException.class,
                () -> net(input(4)).dense(5).seed(0).fit(tenClasses, epochs(1).quiet()));
        assertEquals("fit: the model has 5 outputs but the training data has 10 classes (labels 0..9); end the model"
                + " with dense(10)", e.getMessage());
    }
}
