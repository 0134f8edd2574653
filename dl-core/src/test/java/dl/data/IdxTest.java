package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes: magic 0x00000800 + rank, the sizes, then the values. */
    static byte[] idx(int[] shape, int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000800 | shape.length);
        for (int d : shape) {
            out.writeInt(d);
        }
        for (int v : values) {
            out.writeByte(v);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    @Test
    void readsPlainAndGzippedFiles() throws IOException {
        byte[] content = idx(new int[] {2, 2, 3}, 0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255);
        for (boolean gzip : new boolean[] {false, true}) {
            Idx.Array array = Idx.read(write(dir.resolve("images" + gzip), content, gzip), Integer.MAX_VALUE);
            assertArrayEquals(new int[] {2, 2, 3}, array.shape());
            assertEquals(255, array.get(11), "bytes are unsigned");
            assertEquals(4, array.get(4));
        }
    }

    /** Pixels as numbers in [0, 1], read a chunk at a time: a file of more than one chunk, whole and limited. */
    @Test
    void readsBytesAsNumbersDividedByTheDivisor() throws IOException {
        int[] values = new int[3 * 700 * 700];   // 1.47 million bytes, more than a chunk of 1 MiB
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7) % 256;
        }
        Path file = write(dir.resolve("big.gz"), idx(new int[] {3, 700, 700}, values), true);
        for (int limit : new int[] {3, 2}) {
            Idx.Floats numbers = Idx.readFloats(file, limit, 255, "");
            Idx.Array bytes = Idx.read(file, limit);
            assertArrayEquals(new int[] {limit, 700, 700}, numbers.shape());
            assertEquals(limit * 700 * 700, numbers.values().length);
            for (int i = 0; i < numbers.values().length; i++) {
                if (numbers.values()[i] != values[i] / 255f || bytes.get(i) != values[i]) {
                    throw new AssertionError("value " + i + ": " + numbers.values()[i] + " and " + bytes.get(i)
                            + ", expected " + values[i] + " / 255");
                }
            }
        }
        Path liar = write(dir.resolve("liar.gz"), idx(new int[] {2_000_000, 28, 28}, 1, 2, 3, 4), true);
        var e = assertThrows(DataException.class, () -> Idx.readFloats(liar, Integer.MAX_VALUE, 255, ""));
        assertTrue(e.getMessage().contains("(1568000000 wanted, 4 present)"), e.getMessage());
    }

    @Test
    void readsOnlyTheFirstItemsWhenLimited() throws IOException {
        Path file = write(dir.resolve("labels"), idx(new int[] {5}, 9, 8, 7, 6, 5), true);
        Idx.Array first = Idx.read(file, 2);
        assertArrayEquals(new int[] {2}, first.shape());
        assertEquals(8, first.get(1));
    }

    @Test
    void aWrongMagicNumberIsExplained() throws IOException {
        Path file = write(dir.resolve("not-idx.gz"), "hello, this is text".getBytes(), true);
        var e = assertThrows(DataException.class, () -> Idx.read(file, 10));
        assertTrue(e.getMessage().contains("not-idx.gz is not a valid IDX file: the magic number is 0x68656C6C"),
                e.getMessage());
    }

    @Test
    void aTruncatedFileIsExplained() throws IOException {
        byte[] whole = idx(new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 2);
        Path file = write(dir.resolve("cut"), cut, false);
        var e = assertThrows(DataException.class, () -> Idx.read(file, 10));
        assertTrue(e.getMessage().contains("cut is not a valid IDX file: it ends before all the values its header"
                + " announces (6 wanted, 4 present)"), e.getMessage());
        e = assertThrows(DataException.class, () -> Idx.read(file, 2), "the first two rows are whole, the file is not");
        assertTrue(e.getMessage().contains("(6 wanted, 4 present)"), e.getMessage());
    }

    @Test
    void extraBytesAfterTheAnnouncedValuesAreRefused() throws IOException {
        Path file = write(dir.resolve("long"), idx(new int[] {2}, 1, 2, 3), false);
        var e = assertThrows(DataException.class, () -> Idx.read(file, 10));
        assertTrue(e.getMessage().contains("long is not a valid IDX file: its header announces 2 values but it holds"
                + " 3"), e.getMessage());
    }

    @Test
    void aFlippedByteInAGzipFileIsCaughtByItsChecksum() throws IOException {
        byte[] pixels = new byte[20 * 28 * 28];
        new java.util.Random(1).nextBytes(pixels);   // random bytes: gzip stores them nearly as they are
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(idx(new int[] {20, 28, 28}));
        content.write(pixels);
        byte[] gz = Files.readAllBytes(write(dir.resolve("ok.gz"), content.toByteArray(), true));
        gz[gz.length / 2] ^= 0x01;
        Path flipped = Files.write(dir.resolve("flipped.gz"), gz);
        for (int limit : new int[] {Integer.MAX_VALUE, 1}) {
            var e = assertThrows(DataException.class, () -> Idx.read(flipped, limit), "limit " + limit);
            assertTrue(e.getMessage().contains("flipped.gz is not a valid IDX file: it is damaged: its gzip data fail"
                    + " their check"), e.getMessage());
        }
    }

    @Test
    void aHeaderAnnouncingMillionsOfImagesIsBoundedByTheData() throws IOException {
        Path file = write(dir.resolve("liar.gz"), idx(new int[] {2_000_000, 28, 28}, 1, 2, 3, 4), true);
        var e = assertThrows(DataException.class, () -> Idx.read(file, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("it ends before all the values its header announces (1568000000 wanted, 4"
                + " present)"), e.getMessage());
    }

    @Test
    void aTruncatedGzipFileIsExplained() throws IOException {
        byte[] whole = idx(new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        Path file = write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(whole, whole.length - 2), true);
        var e = assertThrows(DataException.class, () -> Idx.read(file, 10));
        assertTrue(e.getMessage().contains("cut.gz is not a valid IDX file: it ends before all the values"),
                e.getMessage());
    }

    @Test
    void impossibleSizesAreExplained() throws IOException {
        Path huge = write(dir.resolve("huge"), idx(new int[] {60_000, 60_000, 28}), false);
        var e = assertThrows(DataException.class, () -> Idx.read(huge, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("huge is not a valid IDX file: its header announces 100800000000 values"),
                e.getMessage());
        Path negative = write(dir.resolve("negative"), idx(new int[] {2, -28}), false);
        e = assertThrows(DataException.class, () -> Idx.read(negative, 10));
        assertTrue(e.getMessage().contains("axis 1 has the negative size -28"), e.getMessage());
        Path rank = write(dir.resolve("rank"), new byte[] {0, 0, 8, 0}, false);
        e = assertThrows(DataException.class, () -> Idx.read(rank, 10));
        assertTrue(e.getMessage().contains("it says it has 0 axes; expected 1 to 4"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.gz");
        var e = assertThrows(DataException.class, () -> Idx.read(missing, 10, "Get it from the course's page."));
        assertEquals(missing + " is missing. Get it from the course's page.", e.getMessage());
    }
}
