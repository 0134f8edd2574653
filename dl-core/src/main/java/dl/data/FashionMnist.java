package dl.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando): 70,000 grey 28 x 28 pictures of clothes in ten classes, 60,000 for training and 10,000
 * for testing. Read from {@code $DL_DATA} when it is set, else from Debian's package {@code dataset-fashion-mnist}
 * ({@code /usr/share/datasets/fashion-mnist}); nothing is downloaded.
 *
 * <pre>{@code
 * var data = FashionMnist.load();
 * data.train().size();   // 60000
 * }</pre>
 */
public final class FashionMnist {

    /** The ten classes, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String REINSTALL = "Reinstall it with: sudo apt-get install --reinstall dataset-fashion-mnist"
            + " (or put the four IDX files in a folder and set DL_DATA to it)";

    /** All 60,000 training and 10,000 test images. */
    public static TrainTest load() {
        return load(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The first {@code trainLimit} training and {@code testLimit} test images (small runs, quick notebooks). */
    public static TrainTest load(int trainLimit, int testLimit) {
        return load(directory(), trainLimit, testLimit);
    }

    /** The data set in the folder {@code dir}, which holds the four IDX files (gzip or not). */
    public static TrainTest load(Path dir, int trainLimit, int testLimit) {
        return new TrainTest(split(dir, "train", trainLimit), split(dir, "t10k", testLimit));
    }

    private static Dataset split(Path dir, String prefix, int limit) {
        return IdxFolder.read(dir, prefix, limit, CLASSES, "Fashion-MNIST", REINSTALL);
    }

    /** Where the files are: see {@link #directory(String)}. */
    static Path directory() {
        return directory(System.getenv("DL_DATA"));
    }

    /**
     * Where the files are, given the value of {@code DL_DATA}: {@code $DL_DATA/fashion-mnist} or {@code $DL_DATA}
     * when it is set, Debian's folder when it is not. A {@code DL_DATA} without the files is an error, not a reason
     * to read another copy: the user meant those files.
     */
    static Path directory(String dlData) {
        if (dlData == null || dlData.isBlank()) {
            if (IdxFolder.holds(DEBIAN)) {
                return DEBIAN;
            }
            throw new DataException("Fashion-MNIST was not found in " + DEBIAN + ". Install it with: sudo apt-get"
                    + " install dataset-fashion-mnist (or put the four IDX files in a folder and set DL_DATA to it)",
                    null);
        }
        Path env = Path.of(dlData), sub = env.resolve("fashion-mnist");
        for (Path dir : List.of(sub, env)) {
            if (IdxFolder.holds(dir)) {
                return dir;
            }
        }
        throw new DataException("DL_DATA is set to " + env + ", but neither " + sub + " nor " + env + " holds"
                + " Fashion-MNIST's train-images-idx3-ubyte(.gz). Put the four IDX files there, link Debian's copy"
                + " (ln -s " + DEBIAN + " " + sub + "), or unset DL_DATA to read " + DEBIAN, null);
    }
}
