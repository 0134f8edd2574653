package dl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fashion-MNIST (Zalando): 70,000 grey 28 x 28 pictures of clothes in ten classes, 60,000 for training and 10,000
 * for testing. Read from Debian's package {@code dataset-fashion-mnist} ({@code /usr/share/datasets/fashion-mnist})
 * or from {@code $DL_DATA}; nothing is downloaded.
 *
 * <pre>{@code
 * var data = FashionMnist.load();
 * data.train().count();   // 60000
 * }</pre>
 */
public final class FashionMnist {

    /** The ten classes, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private final Dataset train;
    private final Dataset test;

    private FashionMnist(Dataset train, Dataset test) {
        this.train = train;
        this.test = test;
    }

    /** The training images, {@code [1, 28, 28]} each with pixels in [0, 1], and their classes. */
    public Dataset train() {
        return train;
    }

    public Dataset test() {
        return test;
    }

    public List<String> classNames() {
        return CLASSES;
    }

    /** All 60,000 training and 10,000 test images. */
    public static FashionMnist load() {
        return load(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The first {@code trainLimit} training and {@code testLimit} test images (small runs, quick notebooks). */
    public static FashionMnist load(int trainLimit, int testLimit) {
        return load(directory(), trainLimit, testLimit);
    }

    /** The data set in the folder {@code dir}, which holds the four IDX files (gzip or not). */
    public static FashionMnist load(Path dir, int trainLimit, int testLimit) {
        return new FashionMnist(split(dir, "train", trainLimit), split(dir, "t10k", testLimit));
    }

    private static Dataset split(Path dir, String prefix, int limit) {
        Idx.Array images = Idx.read(file(dir, prefix + "-images-idx3-ubyte"), limit);
        Idx.Array labels = Idx.read(file(dir, prefix + "-labels-idx1-ubyte"), limit);
        if (images.shape().length != 3 || labels.shape().length != 1 || images.shape()[0] != labels.shape()[0]) {
            throw new DataException(dir + ": the " + prefix + " images " + java.util.Arrays.toString(images.shape())
                    + " and labels " + java.util.Arrays.toString(labels.shape()) + " do not belong together", null);
        }
        float[] pixels = new float[images.values().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.get(i) / 255f;
        }
        int[] classes = new int[labels.values().length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = labels.get(i);
        }
        return Dataset.of(pixels, new int[] {1, images.shape()[1], images.shape()[2]}, classes, CLASSES.size());
    }

    /** Where the files are: {@code $DL_DATA/fashion-mnist}, {@code $DL_DATA}, then Debian's folder. */
    static Path directory() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("DL_DATA");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env, "fashion-mnist"));
            candidates.add(Path.of(env));
        }
        candidates.add(DEBIAN);
        for (Path dir : candidates) {
            if (Files.exists(dir.resolve("train-images-idx3-ubyte.gz")) || Files.exists(dir.resolve("train-images-idx3-ubyte"))) {
                return dir;
            }
        }
        throw new DataException("Fashion-MNIST was not found; looked in " + candidates + " for"
                + " train-images-idx3-ubyte.gz. Install it with: sudo apt-get install dataset-fashion-mnist"
                + " (or put the four IDX files in a folder and set DL_DATA to it)", null);
    }

    private static Path file(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        Path plain = dir.resolve(name);
        if (Files.exists(gz)) {
            return gz;
        }
        if (Files.exists(plain)) {
            return plain;
        }
        throw new DataException("Fashion-MNIST in " + dir + " is incomplete: " + name + "(.gz) is missing."
                + " Reinstall it with: sudo apt-get install --reinstall dataset-fashion-mnist", null);
    }
}
