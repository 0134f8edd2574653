package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    /** One record: the label, then the red, green and blue planes, every pixel of a plane the same byte. */
    static byte[] record(int label, int red, int green, int blue) {
        byte[] r = new byte[Cifar10.RECORD];
        r[0] = (byte) label;
        for (int i = 0; i < 1024; i++) {
            r[1 + i] = (byte) red;
            r[1 + 1024 + i] = (byte) green;
            r[1 + 2048 + i] = (byte) blue;
        }
        return r;
    }

    static byte[] concat(byte[]... records) {
        byte[] all = new byte[records.length * Cifar10.RECORD];
        for (int i = 0; i < records.length; i++) {
            System.arraycopy(records[i], 0, all, i * Cifar10.RECORD, Cifar10.RECORD);
        }
        return all;
    }

    @Test
    void aRecordIsALabelAndThreeColourPlanes(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("test_batch.bin"), concat(record(6, 255, 0, 51), record(9, 0, 0, 0)));
        Dataset d = Cifar10.read(10, file);
        assertEquals(2, d.size());
        assertArrayEquals(new int[] {3, 32, 32}, d.inputShape());
        assertArrayEquals(new int[] {6, 9}, d.labels());
        assertEquals("frog", d.classNames().get(d.label(0)));
        float[] px = d.inputs();
        assertEquals(1f, px[0], "red plane first");
        assertEquals(0f, px[1024], "then green");
        assertEquals(0.2f, px[2048 + 1023], 1e-6f, "then blue");
    }

    @Test
    void theTrainingSetRunsThroughTheFiveBatches(@TempDir Path dir) throws IOException {
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), concat(record(b, b, b, b)));
        }
        Files.write(dir.resolve("test_batch.bin"), concat(record(0, 0, 0, 0), record(1, 0, 0, 0)));
        TrainTest cifar = Cifar10.load(dir, 3, 100);
        assertArrayEquals(new int[] {1, 2, 3}, cifar.train().labels(), "limited to 3, read in file order");
        assertEquals(2, cifar.test().size());
    }

    @Test
    void aMissingBatchSaysHowToGetTheBinaryVersion(@TempDir Path dir) {
        var e = assertThrows(DataException.class, () -> Cifar10.load(dir, 1, 1));
        assertTrue(e.getMessage().startsWith("CIFAR-10 file " + dir.resolve("data_batch_1.bin") + " is missing"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
    }

    @Test
    void aFileOfAnotherSizeIsNotABatch(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), new byte[3000]);
        var e = assertThrows(DataException.class, () -> Cifar10.read(1, file));
        assertTrue(e.getMessage().contains("its 3000 bytes are not whole records of 3073 bytes"), e.getMessage());
    }

    @Test
    void aLabelAboveNineIsNotCifar(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), concat(record(10, 0, 0, 0)));
        var e = assertThrows(DataException.class, () -> Cifar10.read(1, file));
        assertTrue(e.getMessage().contains("record 0 has the label 10, expected 0..9"), e.getMessage());
    }

    @Test
    void moreRecordsThanOneArrayHoldsAskForALimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data_batch_1.bin");
        try (var big = new RandomAccessFile(file.toFile(), "rw")) {
            big.setLength((long) Cifar10.RECORD * (Cifar10.MAX_PICTURES + 1));   // sparse: takes no disk space
        }
        var e = assertThrows(DataException.class, () -> Cifar10.read(Integer.MAX_VALUE, file));
        assertTrue(e.getMessage().contains("699051 pictures of 3 x 32 x 32 floats do not fit in one Java array; pass"
                + " a limit of at most 699050"), e.getMessage());
    }
}
