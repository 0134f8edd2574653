package dl.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The course's own format (slides 000, nn1 {@code simplest.py}): an image file of 48 x 48 grey faces, each a row
 * of 2,304 unsigned bytes ({@code np.fromfile(f, dtype=np.uint8, count=2304)}), and a label file of float32 pairs
 * ({@code np.fromfile(f, dtype=np.float32, count=2)}), files like {@code data_1k.bin} / {@code gender_1k.bin}.
 * numpy reads float32 in the machine's byte order, little-endian on the course's PCs; {@link #load(Path, Path)}
 * tells the two orders apart by which one gives sensible labels (a pair such as {@code [1, 0]} read in the wrong
 * order is two numbers below 1e-38), and the other overloads take the order explicitly. A label that is not such a
 * pair (a file of another format, a damaged one) is refused, as is an image file without one pair per image.
 *
 * <p>As in the course, inputs are the raw pixel values 0..255 as floats, {@code [2304]} per example (the course's
 * nn1 perceptron 2304-50-2 takes them so; nn4 reshapes them to 48 x 48 x 1); {@code data.scaled(1 / 255f)} gives
 * [0, 1] and {@code data.reshaped(1, 48, 48)} gives images. The pairs are the targets ({@code [1, 0]} or
 * {@code [0, 1]}), and the position of the larger number is the label, for accuracy.
 *
 * <p>The course's faces are not distributed: {@link CourseStandIn} makes data of exactly this shape from two
 * Fashion-MNIST classes.
 *
 * <pre>{@code
 * Dataset train = CourseData.load(Path.of("DataBases/data_1k.bin"), Path.of("DataBases/gender_1k.bin"));
 * train.size();          // 1000
 * train.inputShape();    // [2304]
 * }</pre>
 */
public final class CourseData {

    /** The side of the course's square images. */
    public static final int SIDE = 48;
    /** Pixels per image, 48 x 48. */
    public static final int PIXELS = SIDE * SIDE;
    /** How far from 1 the two numbers of a label pair may add up: float32 probabilities are rounded. */
    static final double SUM_TOLERANCE = 1e-3;

    static final String HOW_TO_GET = "The course's face images are not distributed; CourseData.standIn(n) makes data of"
            + " the same shapes from two Fashion-MNIST classes, and CourseData.write saves it as such files";

    private CourseData() {
    }

    /**
     * {@code n} examples of the stand-in for the course's faces, from Fashion-MNIST's training images: see
     * {@link CourseStandIn}.
     */
    public static Dataset standIn(int n) {
        return CourseStandIn.train(n);
    }

    /** {@code n} examples of the stand-in from Fashion-MNIST's test images, for nn3's held-out accuracy. */
    public static Dataset standInTest(int n) {
        return CourseStandIn.test(n);
    }

    /** All the examples of an image file and its label file, the labels' byte order found from their values. */
    public static Dataset load(Path images, Path labels) {
        return load(images, labels, Integer.MAX_VALUE);
    }

    /** The first {@code n} examples (all when there are fewer), as the course's {@code nbdata}. */
    public static Dataset load(Path images, Path labels, int n) {
        return load(images, labels, n, null);
    }

    /**
     * The first {@code n} examples, the labels read in {@code order} (null: find it from the values). Every pair
     * of the file is checked to be a target: two finite numbers in [0, 1] that add up to 1 (within
     * {@value #SUM_TOLERANCE}), one-hot as {@code [1, 0]} or probabilities as {@code [0.3, 0.7]}.
     */
    public static Dataset load(Path images, Path labels, int n, ByteOrder order) {
        if (n < 0) {
            throw new IllegalArgumentException("CourseData.load: n = " + n + " examples; expected 0 or more (the"
                    + " course's nbdata)");
        }
        byte[] pixels = bytes(images, PIXELS, "rows of 2304 = 48 x 48 unsigned bytes");
        byte[] pairs = bytes(labels, 8, "pairs of float32 labels, 8 bytes each");
        int count = pixels.length / PIXELS;
        if (pairs.length / 8 != count) {
            throw new DataException(images + " holds " + count + " images but " + labels + " holds "
                    + pairs.length / 8 + " label pairs; an image file and its label file must have one pair per image"
                    + " (data_1k.bin goes with gender_1k.bin)", null);
        }
        ByteOrder used = order != null ? order : byteOrder(pairs, labels);
        float[] all = new float[pairs.length / 4];
        ByteBuffer.wrap(pairs).order(used).asFloatBuffer().get(all);
        for (int i = 0; i < all.length; i += 2) {
            if (!isPair(all[i], all[i + 1])) {
                throw new DataException(labels + ": the label pair of example " + i / 2 + ", read as " + used
                        + " float32, is [" + all[i] + ", " + all[i + 1] + "]; expected two numbers in [0, 1] that add"
                        + " up to 1, such as [1, 0] and [0, 1]. Is it a label file of the course's format?", null);
            }
        }
        count = Math.min(count, n);
        float[] inputs = new float[count * PIXELS];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = pixels[i] & 0xFF;
        }
        return Dataset.classTargets(inputs, new int[] {PIXELS}, Arrays.copyOf(all, count * 2), 2);
    }

    /** Whether {@code [a, b]} is a target pair: finite, each in [0, 1], adding up to 1. */
    static boolean isPair(float a, float b) {
        return a >= 0 && a <= 1 && b >= 0 && b <= 1 && Math.abs(a + b - 1) <= SUM_TOLERANCE;
    }

    /**
     * The byte order in which more of the file's pairs are target pairs ({@link #isPair}). Little-endian, numpy's
     * order on a PC, wins a tie.
     */
    static ByteOrder byteOrder(byte[] pairs, Path file) {
        int little = plausible(pairs, ByteOrder.LITTLE_ENDIAN), big = plausible(pairs, ByteOrder.BIG_ENDIAN);
        if (Math.max(little, big) == 0 && pairs.length > 0) {
            throw new DataException(file + " does not hold float32 label pairs in either byte order; expected pairs"
                    + " such as [1, 0] and [0, 1]", null);
        }
        return little >= big ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static int plausible(byte[] pairs, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(pairs).order(order);
        int n = 0;
        for (int i = 0; i + 8 <= pairs.length; i += 8) {
            n += isPair(b.getFloat(i), b.getFloat(i + 4)) ? 1 : 0;
        }
        return n;
    }

    /**
     * Saves examples in the course's format: inputs of 2,304 numbers as bytes (rounded, clipped to 0..255) and
     * their target pairs as little-endian float32 (numpy's {@code tofile} on a PC).
     */
    public static void write(Dataset data, Path images, Path labels) {
        if (data.inputs().length != data.size() * PIXELS || data.targetSize() != 2) {
            throw new IllegalArgumentException("CourseData.write: needs inputs of 2304 pixels and target pairs, got "
                    + data);
        }
        byte[] pixels = new byte[data.inputs().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.max(0, Math.min(255, Math.round(data.inputs()[i])));
        }
        ByteBuffer pairs = ByteBuffer.allocate(data.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        pairs.asFloatBuffer().put(data.targets());
        try {
            Files.write(images, pixels);
            Files.write(labels, pairs.array());
        } catch (IOException e) {
            throw new DataException("cannot write " + images + " and " + labels + ": " + e.getMessage(), e);
        }
    }

    /** The file's bytes, checked to be whole records of {@code record} bytes. */
    private static byte[] bytes(Path file, int record, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + " is missing: expected a file of " + expected + ". " + HOW_TO_GET, null);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length % record != 0) {
                throw new DataException(file + " has " + bytes.length + " bytes, not whole " + expected + " ("
                        + bytes.length / record + " and " + bytes.length % record + " bytes left over)", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
