package dl.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CIFAR-10 (Krizhevsky, 2009), binary version: 60,000 colour 32 x 32 pictures in ten classes, 50,000 for training
 * in {@code data_batch_1.bin} .. {@code data_batch_5.bin} and 10,000 for testing in {@code test_batch.bin}. Each
 * record is 3,073 bytes: the label (0..9), then 1,024 red, 1,024 green and 1,024 blue bytes, each plane row by row.
 * The images come out as {@code [3, 32, 32]} with pixels in [0, 1]. All 50,000 take 600 MB as floats: use the limits
 * for small runs.
 *
 * <pre>{@code
 * var cifar = Cifar10.load(Path.of("data/cifar-10-batches-bin"), 5000, 1000);
 * Cifar10.CLASSES.get(cifar.train().label(0));   // "frog"
 * }</pre>
 */
public final class Cifar10 {

    /** The ten classes, in label order. */
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    static final int SIDE = 32;
    static final int RECORD = 1 + 3 * SIDE * SIDE;
    /** The most pictures whose pixels fit in one float array. */
    static final int MAX_PICTURES = (Integer.MAX_VALUE - 8) / (RECORD - 1);
    static final String HOW_TO_GET = "Download the binary version, https://www.cs.toronto.edu/~kriz/"
            + "cifar-10-binary.tar.gz, unpack it (tar xzf) and pass its folder cifar-10-batches-bin, or put that"
            + " folder in $DL_DATA";

    /** All 50,000 training and 10,000 test pictures of {@code $DL_DATA/cifar-10-batches-bin}. */
    public static TrainTest load() {
        String env = System.getenv("DL_DATA");
        if (env == null || env.isBlank()) {
            throw new DataException("CIFAR-10 was not found: DL_DATA is not set. " + HOW_TO_GET, null);
        }
        return load(Path.of(env, "cifar-10-batches-bin"), Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The first {@code trainLimit} training and {@code testLimit} test pictures in the folder {@code dir}. */
    public static TrainTest load(Path dir, int trainLimit, int testLimit) {
        Path[] batches = new Path[5];
        for (int i = 0; i < 5; i++) {
            batches[i] = dir.resolve("data_batch_" + (i + 1) + ".bin");
        }
        return new TrainTest(read(trainLimit, batches), read(testLimit, dir.resolve("test_batch.bin")));
    }

    /** The first {@code limit} records of the files, read one after the other. */
    public static Dataset read(int limit, Path... files) {
        if (limit < 0) {
            throw new IllegalArgumentException("CIFAR-10: the limit " + limit + " is negative");
        }
        Wanted wanted = new Wanted(limit);
        byte[][] parts = new byte[files.length][];
        for (int f = 0; f < files.length && wanted.left > 0; f++) {
            parts[f] = records(files[f], wanted);
        }
        float[] pixels = new float[wanted.taken * (RECORD - 1)];
        int[] labels = new int[wanted.taken];
        int n = 0;
        for (byte[] part : parts) {
            for (int r = 0; part != null && r < part.length / RECORD; r++, n++) {
                labels[n] = part[r * RECORD] & 0xFF;
                for (int i = 0; i < RECORD - 1; i++) {
                    pixels[n * (RECORD - 1) + i] = (part[r * RECORD + 1 + i] & 0xFF) / 255f;
                }
            }
        }
        return Dataset.of(pixels, new int[] {3, SIDE, SIDE}, labels, CLASSES);
    }

    /** How many records are still wanted, and how many were read. */
    private static final class Wanted {
        int left;
        int taken;

        Wanted(int left) {
            this.left = left;
        }
    }

    /** The records of one file, at most {@code wanted.left}, checked. */
    private static byte[] records(Path file, Wanted wanted) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("CIFAR-10 file " + file + " is missing: the binary version has data_batch_1.bin"
                    + " .. data_batch_5.bin and test_batch.bin in one folder. " + HOW_TO_GET, null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size == 0 || size % RECORD != 0) {
                throw new DataException(file + " is not a CIFAR-10 binary batch: its " + size + " bytes are not"
                        + " whole records of 3073 bytes (1 label + 3 x 32 x 32 pixels); the Python version"
                        + " (cifar-10-python.tar.gz) is another format. " + HOW_TO_GET, null);
            }
            int count = (int) Math.min(size / RECORD, wanted.left);
            if ((long) wanted.taken + count > MAX_PICTURES) {
                throw new DataException(file + ": " + (wanted.taken + count) + " pictures of 3 x 32 x 32 floats do not"
                        + " fit in one Java array; pass a limit of at most " + MAX_PICTURES, null);
            }
            byte[] bytes = in.readNBytes(count * RECORD);
            for (int r = 0; r < count; r++) {
                if ((bytes[r * RECORD] & 0xFF) >= CLASSES.size()) {
                    throw new DataException(file + " is not a CIFAR-10 binary batch: record " + r + " has the label "
                            + (bytes[r * RECORD] & 0xFF) + ", expected 0..9. " + HOW_TO_GET, null);
                }
            }
            wanted.left -= count;
            wanted.taken += count;
            return bytes;
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
