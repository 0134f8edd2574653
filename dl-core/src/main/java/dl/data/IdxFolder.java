package dl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A folder of the four IDX files of MNIST or Fashion-MNIST ({@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte}, {@code t10k-...}, each gzip or not), read into a {@link Dataset} of {@code [1, 28, 28]}
 * images with pixels in [0, 1].
 */
final class IdxFolder {

    private IdxFolder() {
    }

    /**
     * The images and labels whose files start with {@code prefix} ("train" or "t10k"), the first {@code limit}.
     * The labels are positions in {@code classes}, the names of the classes. {@code name} and {@code howToGet} make
     * the messages of a missing or malformed file.
     */
    static Dataset read(Path dir, String prefix, int limit, List<String> classes, String name, String howToGet) {
        Idx.Floats images = Idx.readFloats(file(dir, prefix + "-images-idx3-ubyte", name, howToGet), limit, 255,
                howToGet);
        Idx.Array labels = Idx.read(file(dir, prefix + "-labels-idx1-ubyte", name, howToGet), limit, howToGet);
        if (images.shape().length != 3 || labels.shape().length != 1 || images.shape()[0] != labels.shape()[0]) {
            throw new DataException(dir + ": the " + prefix + " images " + Arrays.toString(images.shape())
                    + " and labels " + Arrays.toString(labels.shape()) + " do not belong together", null);
        }
        int[] y = new int[labels.values().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
            if (y[i] >= classes.size()) {
                throw new DataException(dir + ": label " + y[i] + " of " + prefix + " example " + i + " is not one"
                        + " of the " + classes.size() + " classes of " + name + ". " + howToGet, null);
            }
        }
        return Dataset.of(images.values(), new int[] {1, images.shape()[1], images.shape()[2]}, y, classes);
    }

    /** Whether {@code dir} holds the training images. */
    static boolean holds(Path dir) {
        return Files.exists(dir.resolve("train-images-idx3-ubyte.gz"))
                || Files.exists(dir.resolve("train-images-idx3-ubyte"));
    }

    private static Path file(Path dir, String file, String name, String howToGet) {
        Path gz = dir.resolve(file + ".gz");
        Path plain = dir.resolve(file);
        if (Files.exists(gz)) {
            return gz;
        }
        if (Files.exists(plain)) {
            return plain;
        }
        throw new DataException(name + " in " + dir + " is incomplete: " + file + "(.gz) is missing. " + howToGet,
                null);
    }
}
