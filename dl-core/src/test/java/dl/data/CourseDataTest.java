package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseDataTest {

    /** Three 48 x 48 images, image i filled with pixel 100 i + 5 (pixel 0 of image 2 is 255). */
    private static byte[] images() {
        byte[] b = new byte[3 * 2304];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (100 * (i / 2304) + 5);
        }
        b[2 * 2304] = (byte) 255;
        return b;
    }

    /** The pairs [1, 0], [0, 1], [0, 1] as float32 in {@code order}. */
    private static byte[] labels(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(24).order(order);
        for (float v : new float[] {1, 0, 0, 1, 0, 1}) {
            b.putFloat(v);
        }
        return b.array();
    }

    @Test
    void readsRowsOfPixelsAndLittleEndianLabelPairs(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("data_1k.bin"), images());
        Path gender = Files.write(dir.resolve("gender_1k.bin"), labels(ByteOrder.LITTLE_ENDIAN));
        Dataset d = CourseData.load(data, gender);
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {2304}, d.inputShape());
        assertEquals(5f, d.inputs()[0], "raw pixel values, as the course's numpy code reads them");
        assertEquals(255f, d.inputs()[2 * 2304], "uint8, not signed bytes");
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1}, d.targets());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        assertEquals(2, CourseData.load(data, gender, 2).size(), "the course's nbdata");
    }

    @Test
    void bigEndianLabelsAreRecognised(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("data.bin"), images());
        Path gender = Files.write(dir.resolve("gender.bin"), labels(ByteOrder.BIG_ENDIAN));
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1}, CourseData.load(data, gender).targets());
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1},
                CourseData.load(data, gender, 3, ByteOrder.BIG_ENDIAN).targets());
    }

    @Test
    void writeThenLoadGivesTheSameExamples(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("data.bin"), images());
        Path gender = Files.write(dir.resolve("gender.bin"), labels(ByteOrder.LITTLE_ENDIAN));
        Dataset d = CourseData.load(data, gender);
        CourseData.write(d, dir.resolve("copy.bin"), dir.resolve("copy_gender.bin"));
        assertArrayEquals(images(), Files.readAllBytes(dir.resolve("copy.bin")));
        assertArrayEquals(labels(ByteOrder.LITTLE_ENDIAN), Files.readAllBytes(dir.resolve("copy_gender.bin")));
    }

    @Test
    void aMissingFileSaysThereIsAStandIn(@TempDir Path dir) {
        var e = assertThrows(DataException.class,
                () -> CourseData.load(dir.resolve("data_1k.bin"), dir.resolve("gender_1k.bin")));
        assertTrue(e.getMessage().startsWith(dir.resolve("data_1k.bin") + " is missing: expected a file of rows of"
                + " 2304 = 48 x 48 unsigned bytes."), e.getMessage());
        assertTrue(e.getMessage().contains("CourseData.standIn(n)"), e.getMessage());
    }

    @Test
    void aCutImageFileAndMismatchedCountsAreExplained(@TempDir Path dir) throws IOException {
        Path cut = Files.write(dir.resolve("cut.bin"), new byte[2304 + 10]);
        Path gender = Files.write(dir.resolve("gender.bin"), labels(ByteOrder.LITTLE_ENDIAN));
        var e = assertThrows(DataException.class, () -> CourseData.load(cut, gender));
        assertTrue(e.getMessage().contains("has 2314 bytes, not whole rows of 2304 = 48 x 48 unsigned bytes (1 and 10"
                + " bytes left over)"), e.getMessage());
        Path one = Files.write(dir.resolve("one.bin"), new byte[2304]);
        e = assertThrows(DataException.class, () -> CourseData.load(one, gender));
        assertTrue(e.getMessage().contains("holds 1 images but " + gender + " holds 3 label pairs"), e.getMessage());
    }

    @Test
    void randomBytesAreNotLabels(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("data.bin"), images());
        byte[] noise = new byte[24];
        new java.util.Random(7).nextBytes(noise);
        Path gender = Files.write(dir.resolve("gender.bin"), noise);
        var e = assertThrows(DataException.class, () -> CourseData.load(data, gender, 3, ByteOrder.LITTLE_ENDIAN));
        assertTrue(e.getMessage().startsWith(gender + ": the label pair of example 0, read as LITTLE_ENDIAN float32,"
                + " is ["), e.getMessage());
        assertTrue(e.getMessage().contains("expected two numbers in [0, 1] that add up to 1"), e.getMessage());
    }

    @Test
    void aPairThatIsNotAProbabilityIsRefusedAndProbabilitiesAreKept(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("data.bin"), images());
        ByteBuffer pairs = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        pairs.asFloatBuffer().put(new float[] {0.25f, 0.75f, 1, 0, 2, -1});
        Path gender = Files.write(dir.resolve("gender.bin"), pairs.array());
        var e = assertThrows(DataException.class, () -> CourseData.load(data, gender));
        assertTrue(e.getMessage().contains("the label pair of example 2, read as LITTLE_ENDIAN float32, is [2.0,"
                + " -1.0]"), e.getMessage());
        pairs.asFloatBuffer().put(4, 0).put(5, 1);
        Files.write(gender, pairs.array());
        assertArrayEquals(new float[] {0.25f, 0.75f, 1, 0, 0, 1}, CourseData.load(data, gender).targets());
    }

    @Test
    void aNegativeCountIsRefused(@TempDir Path dir) throws IOException {
        Path data = Files.write(dir.resolve("data.bin"), images());
        Path gender = Files.write(dir.resolve("gender.bin"), labels(ByteOrder.LITTLE_ENDIAN));
        var e = assertThrows(IllegalArgumentException.class, () -> CourseData.load(data, gender, -1));
        assertEquals("CourseData.load: n = -1 examples; expected 0 or more (the course's nbdata)", e.getMessage());
    }
}
