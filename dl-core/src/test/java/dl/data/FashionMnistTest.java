package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @Test
    void readsTheFourFilesOfAFolder(@TempDir Path dir) throws IOException {
        int[] pixels = new int[3 * 2 * 2];
        pixels[4] = 255;
        IdxTest.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxTest.idx(new int[] {3, 2, 2}, pixels), true);
        IdxTest.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxTest.idx(new int[] {3}, 9, 0, 3), true);
        IdxTest.write(dir.resolve("t10k-images-idx3-ubyte"), IdxTest.idx(new int[] {1, 2, 2}, 0, 51, 102, 255), false);
        IdxTest.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.idx(new int[] {1}, 7), false);

        TrainTest data = FashionMnist.load(dir, 2, 10);
        assertEquals(2, data.train().size(), "limited to the first 2");
        assertArrayEquals(new int[] {9, 0}, data.train().labels());
        assertEquals(1f, data.train().inputs()[4], "pixels scaled to [0, 1]");
        assertArrayEquals(new float[] {0, 0.2f, 0.4f, 1}, data.test().inputs(), 1e-6f);
        assertEquals("Ankle boot", data.train().classNames().get(data.train().label(0)), "the data names its classes");
        assertEquals(FashionMnist.CLASSES, data.test().take(1).classNames());
    }

    @Test
    void aMissingFileSaysWhatToInstall(@TempDir Path dir) {
        var e = assertThrows(DataException.class, () -> FashionMnist.load(dir, 1, 1));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte(.gz) is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install"), e.getMessage());
    }

    @Test
    void theDebianPackageHasSixtyThousandTrainingImages() {
        NeedsTool.fashionMnist();
        TrainTest data = FashionMnist.load(Integer.MAX_VALUE, 100);
        assertEquals(60_000, data.train().size());
        assertArrayEquals(new int[] {1, 28, 28}, data.train().inputShape());
        assertEquals(100, data.test().size());
    }

    @Test
    void dlDataWithoutTheFilesSaysSoInsteadOfReadingAnotherCopy(@TempDir Path dir) {
        var e = assertThrows(DataException.class, () -> FashionMnist.directory(dir.toString()));
        assertEquals("DL_DATA is set to " + dir + ", but neither " + dir.resolve("fashion-mnist") + " nor " + dir
                + " holds Fashion-MNIST's train-images-idx3-ubyte(.gz). Put the four IDX files there, link Debian's"
                + " copy (ln -s /usr/share/datasets/fashion-mnist " + dir.resolve("fashion-mnist") + "), or unset"
                + " DL_DATA to read /usr/share/datasets/fashion-mnist", e.getMessage());
    }

    @Test
    void dlDataIsTheFolderOfTheFilesOrItsParent(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("fashion-mnist"));
        IdxTest.write(folder.resolve("train-images-idx3-ubyte.gz"), IdxTest.idx(new int[] {1, 1, 1}, 0), true);
        assertEquals(folder, FashionMnist.directory(dir.toString()));
        assertEquals(folder, FashionMnist.directory(folder.toString()));
    }
}
