package dl.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a magic number {@code 0x00 0x00 0x08 rank} (0x08 means
 * unsigned bytes), the size of each axis as a big-endian int, then the bytes, row-major. Gzip-compressed files
 * (the usual {@code .gz}) are recognised by their first two bytes.
 */
public final class Idx {

    /** The bytes are read in chunks of this many. */
    private static final int CHUNK = 1 << 20;

    /** The sizes of the axes and the values, each an unsigned byte 0..255. */
    public record Array(int[] shape, byte[] values) {

        /** The value at flat position {@code i}, 0..255. */
        public int get(int i) {
            return values[i] & 0xFF;
        }
    }

    private Idx() {
    }

    /** Reads the whole file, or the first {@code limit} items along its first axis. */
    public static Array read(Path path, int limit) {
        return read(path, limit, "Reinstall the data set (sudo apt-get install --reinstall dataset-fashion-mnist)"
                + " or check $DL_DATA.");
    }

    /**
     * As {@link #read(Path, int)}; a malformed file's message ends with {@code howToGet}. The file is read to its
     * end even when limited, so that its length is checked and a gzip file's CRC-32 is verified (Java checks it
     * only on reaching the end). Memory grows with the bytes actually read, never with what the header announces.
     */
    public static Array read(Path path, int limit, String howToGet) {
        Chunks data = readChunks(path, limit, howToGet);
        byte[] values = new byte[data.length()];
        int at = 0;
        for (byte[] chunk : data.chunks()) {
            System.arraycopy(chunk, 0, values, at, chunk.length);
            at += chunk.length;
        }
        return new Array(data.shape(), values);
    }

    /** The sizes of the axes and the values as float numbers. */
    public record Floats(int[] shape, float[] values) {
    }

    /**
     * As {@link #read(Path, int, String)}, each value {@code v} becoming {@code v / divisor} (pixels 0..255 become
     * 0..1 with 255). The bytes become numbers a chunk at a time, each chunk let go once done, so that a data set's
     * bytes never lie in memory whole beside its numbers.
     */
    public static Floats readFloats(Path path, int limit, float divisor, String howToGet) {
        Chunks data = readChunks(path, limit, howToGet);
        float[] values = new float[data.length()];
        int at = 0;
        for (ListIterator<byte[]> chunks = data.chunks().listIterator(); chunks.hasNext(); ) {
            byte[] chunk = chunks.next();
            chunks.set(null);
            for (byte b : chunk) {
                values[at++] = (b & 0xFF) / divisor;
            }
        }
        return new Floats(data.shape(), values);
    }

    /** The checked sizes of the axes and the values as read, in chunks of at most {@link #CHUNK} bytes. */
    private record Chunks(int[] shape, List<byte[]> chunks, int length) {
    }

    private static Chunks readChunks(Path path, int limit, String howToGet) {
        if (limit < 0) {
            throw new IllegalArgumentException("IDX " + path + ": the limit " + limit + " is negative");
        }
        try (DataInputStream in = new DataInputStream(open(path))) {
            int[] shape = header(in, path, howToGet);
            double announced = product(shape);   // a double cannot overflow on four int sizes
            shape[0] = Math.min(shape[0], limit);
            double wanted = product(shape);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw malformed(path, howToGet, String.format("its header announces %.0f values, more than one Java"
                        + " array holds", wanted));
            }
            List<byte[]> chunks = new ArrayList<>();
            int length = 0;
            while (length < wanted) {   // a chunk is allocated as its bytes arrive, not from the header
                byte[] chunk = in.readNBytes((int) Math.min(CHUNK, wanted - length));
                if (chunk.length == 0) {
                    break;
                }
                chunks.add(chunk);
                length += chunk.length;
            }
            long present = length + in.transferTo(OutputStream.nullOutputStream());
            if (present != announced) {
                throw malformed(path, howToGet, String.format(present < announced
                        ? "it ends before all the values its header announces (%.0f wanted, %d present)"
                        : "its header announces %.0f values but it holds %d; the header or the data are damaged",
                        announced, present));
            }
            return new Chunks(shape, chunks, length);
        } catch (EOFException e) {
            throw malformed(path, howToGet, "it ends before all the values its header announces");
        } catch (NoSuchFileException e) {
            throw new DataException(path + " is missing. " + howToGet, e);
        } catch (ZipException e) {
            throw malformed(path, howToGet, "it is damaged: its gzip data fail their check (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The magic number and the sizes of the axes, checked. */
    private static int[] header(DataInputStream in, Path path, String howToGet) throws IOException {
        int magic = in.readInt();
        if ((magic >>> 8) != 0x08) {
            throw malformed(path, howToGet, String.format("the magic number is 0x%08X; an IDX file of unsigned"
                    + " bytes starts with 0x000008 and then its rank", magic));
        }
        int rank = magic & 0xFF;
        if (rank < 1 || rank > 4) {
            throw malformed(path, howToGet, "it says it has " + rank + " axes; expected 1 to 4");
        }
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = in.readInt();
            if (shape[d] < 0) {
                throw malformed(path, howToGet, "axis " + d + " has the negative size " + shape[d]);
            }
        }
        return shape;
    }

    private static double product(int[] shape) {
        double n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return isGzip(path) ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** Gzip streams start with the two bytes 0x1f 0x8b, whatever the file is called. */
    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static DataException malformed(Path path, String howToGet, String what) {
        return new DataException(path + " is not a valid IDX file: " + what + ". " + howToGet, null);
    }
}
