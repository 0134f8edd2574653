package dl.data;

import java.nio.file.Path;
import java.util.List;

/**
 * MNIST (LeCun, Cortes, Burges): 70,000 grey 28 x 28 handwritten digits, 60,000 for training and 10,000 for testing,
 * in the same four IDX files as Fashion-MNIST. Read from a folder given, or from {@code $DL_DATA/mnist}; nothing is
 * downloaded.
 *
 * <pre>{@code
 * var digits = Mnist.load(Path.of("data/mnist"));
 * digits.train().size();   // 60000
 * }</pre>
 */
public final class Mnist {

    /** The ten classes, in label order. */
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    static final String HOW_TO_GET = "Get the four files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
            + " t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz into one folder, and pass that folder or put it at"
            + " $DL_DATA/mnist";

    /** All the digits in {@code $DL_DATA/mnist}. */
    public static TrainTest load() {
        String env = System.getenv("DL_DATA");
        if (env == null || env.isBlank() || !IdxFolder.holds(Path.of(env, "mnist"))) {
            throw new DataException("MNIST was not found: " + (env == null || env.isBlank() ? "DL_DATA is not set"
                    : "$DL_DATA/mnist (" + Path.of(env, "mnist") + ") has no train-images-idx3-ubyte(.gz)") + ". "
                    + HOW_TO_GET, null);
        }
        return load(Path.of(env, "mnist"));
    }

    /** All the digits in the folder {@code dir}, which holds the four IDX files (gzip or not). */
    public static TrainTest load(Path dir) {
        return load(dir, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The first {@code trainLimit} training and {@code testLimit} test digits. */
    public static TrainTest load(Path dir, int trainLimit, int testLimit) {
        return new TrainTest(IdxFolder.read(dir, "train", trainLimit, CLASSES, "MNIST", HOW_TO_GET),
                IdxFolder.read(dir, "t10k", testLimit, CLASSES, "MNIST", HOW_TO_GET));
    }
}
