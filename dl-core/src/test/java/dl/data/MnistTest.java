package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {

    @Test
    void readsTheSameIdxFilesAsFashionMnist(@TempDir Path dir) throws IOException {
        IdxTest.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxTest.idx(new int[] {2, 1, 2}, 0, 255, 51, 0), true);
        IdxTest.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxTest.idx(new int[] {2}, 7, 3), true);
        IdxTest.write(dir.resolve("t10k-images-idx3-ubyte"), IdxTest.idx(new int[] {1, 1, 2}, 255, 255), false);
        IdxTest.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.idx(new int[] {1}, 1), false);

        TrainTest digits = Mnist.load(dir);
        assertArrayEquals(new int[] {1, 1, 2}, digits.train().inputShape());
        assertArrayEquals(new int[] {7, 3}, digits.train().labels());
        assertArrayEquals(new float[] {0, 1, 0.2f, 0}, digits.train().inputs(), 1e-6f);
        assertEquals(1, digits.test().size());
        assertEquals("7", digits.train().classNames().get(digits.train().label(0)));
        assertEquals(1, Mnist.load(dir, 1, 1).train().size());
    }

    @Test
    void aMissingFileSaysWhereToGetMnist(@TempDir Path dir) {
        var e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().startsWith("MNIST in " + dir + " is incomplete: train-images-idx3-ubyte(.gz) is"
                + " missing."), e.getMessage());
        assertTrue(e.getMessage().contains("$DL_DATA/mnist"), e.getMessage());
    }

    @Test
    void aLabelBeyondNineIsRefused(@TempDir Path dir) throws IOException {
        IdxTest.write(dir.resolve("train-images-idx3-ubyte"), IdxTest.idx(new int[] {1, 1, 1}, 0), false);
        IdxTest.write(dir.resolve("train-labels-idx1-ubyte"), IdxTest.idx(new int[] {1}, 12), false);
        var e = assertThrows(DataException.class, () -> Mnist.load(dir, 1, 0));
        assertTrue(e.getMessage().contains("label 12 of train example 0 is not one of the 10 classes of MNIST"),
                e.getMessage());
    }
}
