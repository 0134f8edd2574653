package dl.viz;

import dl.data.Dataset;
import dl.data.ImageFile;
import dl.nn.Net;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import dl.train.Metrics;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Pictures of data and of what a network sees: a grid of samples with their labels (wrong predictions in red),
 * the channels of a feature map or of a layer's filters side by side. Small images are scaled up by whole
 * factors, each pixel a square, so nothing is blurred.
 *
 * <pre>{@code
 * Images.grid(data.test().take(8))                    // the first 8 test images, captioned with their class names
 * Images.channels(model.activations("conv1", x))     // the 6 feature maps of LeNet's first layer
 * }</pre>
 */
public final class Images {

    private static final int TARGET = 96;     // tiles are scaled up to about this many pixels
    private static final int LABEL = 18;      // the height of the caption under a tile
    private static final Color WRONG = new Color(213, 94, 0);
    /** The most images in one grid: 8 rows of 8. */
    public static final int MOST = 64;

    private Images() {
    }

    /** One image, {@code [C, H, W]} with C = 1 (grey) or 3 (colour), values stretched from their min to max. */
    public static BufferedImage of(float[] pixels, int offset, int channels, int height, int width, int scale) {
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        int n = channels * height * width;
        for (int i = offset; i < offset + n; i++) {
            min = Math.min(min, pixels[i]);
            max = Math.max(max, pixels[i]);
        }
        float range = max > min ? max - min : 1;
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                int p = (y / scale) * width + x / scale;
                int r = level(pixels[offset + p], min, range);
                int g = channels == 3 ? level(pixels[offset + height * width + p], min, range) : r;
                int b = channels == 3 ? level(pixels[offset + 2 * height * width + p], min, range) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /**
     * Any image tensor as a picture, shown inline when a notebook cell ends with it: {@code [H, W]} or
     * {@code [1, H, W]} grey, {@code [3, H, W]} colour, or a batch {@code [N, 1 or 3, H, W]} as a grid of numbered
     * tiles (at most {@value #MOST}). Each image's values are stretched from their min to their max; small images
     * are scaled up by a whole factor.
     *
     * <pre>{@code
     * Images.of(Images.read(Path.of("shoe.png")))             // the picture as the model gets it
     * Images.of(data.test().batch(new int[] {0, 1, 2}).inputs())
     * }</pre>
     */
    public static BufferedImage of(Tensor image) {
        int[] s = image.shape();
        boolean colours = s.length >= 3 && (s[s.length - 3] == 1 || s[s.length - 3] == 3);
        if (s.length == 2) {
            return of(image.toFloatArray(), 0, 1, s[0], s[1], scale(s[0], s[1]));
        }
        if (s.length == 3 && colours) {
            return of(image.toFloatArray(), 0, s[0], s[1], s[2], scale(s[1], s[2]));
        }
        if (s.length == 4 && colours && s[0] >= 1 && s[0] <= MOST) {
            float[] values = image.toFloatArray();
            BufferedImage[] tiles = new BufferedImage[s[0]];
            String[] captions = new String[s[0]];
            for (int i = 0; i < s[0]; i++) {
                tiles[i] = of(values, i * s[1] * s[2] * s[3], s[1], s[2], s[3], scale(s[2], s[3]));
                captions[i] = String.valueOf(i);
            }
            return arrange(tiles, captions, new boolean[s[0]]);
        }
        throw new IllegalArgumentException("Images.of: expects an image [height, width] or [1 or 3, height, width],"
                + " or a batch of at most " + MOST + " [N, 1 or 3, height, width], got " + Shapes.str(s)
                + (s.length == 1 ? "; reshape it first, e.g. x.reshape(28, 28)"
                : s.length == 3 ? "; for the channels of a feature map, use Images.channels(x)" : ""));
    }

    /** The whole factor that scales an image up to about TARGET pixels on its longer side. */
    private static int scale(int height, int width) {
        return Math.max(1, TARGET / Math.max(height, width));
    }

    private static int level(float v, float min, float range) {
        return Math.round((v - min) / range * 255);
    }

    /**
     * Every image of {@code data}, captioned with its class name ({@link Dataset#classNames()}); at most
     * {@value #MOST} images make one picture.
     *
     * <pre>{@code
     * Images.grid(data.test().take(8));
     * Images.grid(ImageFolder.load(Path.of("shoes"), 1, 28, 28).take(16));
     * }</pre>
     */
    public static BufferedImage grid(Dataset data) {
        return grid(data, (int[]) null);
    }

    /**
     * Every image of {@code data} captioned with the class {@code model} gives it: a wrong answer reads
     * "predicted (true)" in red.
     *
     * <pre>{@code
     * model.fit(data.train(), epochs(3));
     * Images.grid(data.test().take(16), model);
     * }</pre>
     */
    public static BufferedImage grid(Dataset data, Net model) {
        checkFits(data);
        Tensor all = data.batch().inputs();
        return grid(data, Metrics.predictions(model.outputs(all)));
    }

    /**
     * Every image of {@code data} with the class a model gave it, {@code predicted[i]} for image {@code i}: a wrong
     * answer is captioned "predicted (true)" in red.
     *
     * <pre>{@code
     * var few = data.test().take(4);
     * Images.grid(few, new int[] {0, 3, 1, 1});   // what some classifier answered for the four images
     * }</pre>
     */
    public static BufferedImage grid(Dataset data, int[] predicted) {
        checkFits(data);
        if (predicted != null && predicted.length != data.size()) {
            throw new IllegalArgumentException("grid: " + predicted.length + " predictions for " + data.size()
                    + " images; give one predicted class per image");
        }
        return grid(data, IntStream.range(0, data.size()).toArray(), null, predicted);
    }

    /** A grid holds 1 to {@value #MOST} images. */
    private static void checkFits(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("grid: the data is empty, there are no images to show");
        }
        if (data.size() > MOST) {
            throw new IllegalArgumentException("grid: " + data.size() + " images are too many for one picture (at most "
                    + MOST + "); show a few, e.g. Images.grid(data.take(16))");
        }
    }

    /**
     * Samples {@code indices} of {@code data}, each captioned with its class name from {@code classes} (null: the
     * data's own {@link Dataset#classNames()}); with {@code predicted} (one class per index, or null) a wrong answer
     * is captioned "predicted (true)" in red.
     */
    public static BufferedImage grid(Dataset data, int[] indices, List<String> classes, int[] predicted) {
        int[] shape = data.inputShape();
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            throw new IllegalArgumentException("grid: samples of " + Shapes.str(shape) + " are not images [1 or 3,"
                    + " height, width]; reshape the data first, e.g. data.reshaped(1, 48, 48)");
        }
        int size = Shapes.size(shape), scale = Math.max(1, TARGET / Math.max(shape[1], shape[2]));
        BufferedImage[] tiles = new BufferedImage[indices.length];
        String[] captions = new String[indices.length];
        boolean[] wrong = new boolean[indices.length];
        List<String> names = classes != null ? classes : data.classNames();
        for (int t = 0; t < indices.length; t++) {
            tiles[t] = of(data.inputs(), indices[t] * size, shape[0], shape[1], shape[2], scale);
            int label = data.hasLabels() ? data.label(indices[t]) : -1;
            String truth = label < 0 ? "" : name(names, label);
            if (predicted != null && predicted[t] != label) {
                wrong[t] = true;
                captions[t] = name(names, predicted[t]) + " (" + truth + ")";
            } else {
                captions[t] = truth;
            }
        }
        return arrange(tiles, captions, wrong);
    }

    /** The name of class {@code k}, or its number where the names stop (a model with more outputs than classes). */
    private static String name(List<String> names, int k) {
        return k >= 0 && k < names.size() ? names.get(k) : String.valueOf(k);
    }

    /**
     * Each channel of a feature map ({@code [C, H, W]}, or {@code [1, C, H, W]} for one image) or of a layer's
     * filters ({@code [F, 1, k, k]}) as its own grey tile, numbered.
     */
    public static BufferedImage channels(Tensor maps) {
        int[] s = maps.shape();
        int[] chw = s.length == 4 && s[0] == 1 ? new int[] {s[1], s[2], s[3]}
                : s.length == 4 && s[1] == 1 ? new int[] {s[0], s[2], s[3]} : s;
        if (chw.length != 3) {
            throw new IllegalArgumentException("channels: expects [C, H, W], [1, C, H, W] or filters [F, 1, k, k],"
                    + " got " + Shapes.str(s));
        }
        float[] values = maps.toFloatArray();
        int plane = chw[1] * chw[2], scale = Math.max(1, TARGET / Math.max(chw[1], chw[2]));
        BufferedImage[] tiles = new BufferedImage[chw[0]];
        String[] captions = new String[chw[0]];
        for (int c = 0; c < chw[0]; c++) {
            tiles[c] = of(values, c * plane, 1, chw[1], chw[2], scale);
            captions[c] = String.valueOf(c);
        }
        return arrange(tiles, captions, new boolean[chw[0]]);
    }

    /**
     * "Learn a CNN and fool it": image {@code i} of an attack, its perturbation (stretched to be seen) and the
     * perturbed image, captioned with the model's answers before and after.
     */
    public static BufferedImage adversarial(dl.attack.Attacks.Result result, Tensor original, int i,
                                            List<String> classes) {
        int[] s = original.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("adversarial: expects the attacked images [N, C, H, W], got "
                    + Shapes.str(s));
        }
        int size = s[1] * s[2] * s[3], scale = Math.max(1, TARGET / Math.max(s[2], s[3]));
        float[] before = original.toFloatArray(), noise = result.perturbation().toFloatArray();
        float[] after = result.adversarial().toFloatArray();
        BufferedImage[] tiles = {of(before, i * size, s[1], s[2], s[3], scale), of(noise, i * size, s[1], s[2], s[3],
                scale), of(after, i * size, s[1], s[2], s[3], scale)};
        String[] captions = {classes.get(result.before()[i]), "perturbation", classes.get(result.after()[i])};
        return arrange(tiles, captions, new boolean[] {false, false, result.before()[i] != result.after()[i]});
    }

    /**
     * The same for the attacked example {@code i} of {@code data}, named with the data set's class names:
     * {@code Images.adversarial(Attacks.fgsm(model, test, 0.1), test, 0)}.
     */
    public static BufferedImage adversarial(dl.attack.Attacks.Result result, Dataset data, int i) {
        if (i < 0 || i >= data.size()) {
            throw new IndexOutOfBoundsException("adversarial: there is no example " + i + "; the examples are 0.."
                    + (data.size() - 1));
        }
        Tensor original = data.batch().inputs();
        return adversarial(result, original, i, data.classNames());
    }

    /** Tiles in rows of up to 8, each with its caption underneath, on white. */
    static BufferedImage arrange(BufferedImage[] tiles, String[] captions, boolean[] highlight) {
        int columns = Math.min(8, tiles.length), rows = (tiles.length + columns - 1) / columns;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        int widest = 0;
        Graphics2D measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        for (String caption : captions) {   // every caption fits under its tile
            widest = Math.max(widest, measure.getFontMetrics(font).stringWidth(caption));
        }
        measure.dispose();
        int w = tiles[0].getWidth(), h = tiles[0].getHeight(), gap = 8;
        int cellW = Math.max(w, widest) + gap, cellH = h + LABEL + gap;
        BufferedImage out = new BufferedImage(columns * cellW + gap, rows * cellH + gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        for (int t = 0; t < tiles.length; t++) {
            int x = gap + (t % columns) * cellW, y = gap + (t / columns) * cellH;
            g.drawImage(tiles[t], x + (cellW - gap - w) / 2, y, null);
            g.setColor(highlight[t] ? WRONG : Color.DARK_GRAY);
            int textWidth = g.getFontMetrics().stringWidth(captions[t]);
            g.drawString(captions[t], x + Math.max(0, (cellW - gap - textWidth) / 2), y + h + LABEL - 4);
        }
        g.dispose();
        return out;
    }

    /**
     * One picture file as a tensor {@code [channels, height, width]} with values in [0, 1], as it is stored: 1
     * channel if it is grey, 3 if it is in colour. See {@link ImageFile}.
     *
     * <pre>{@code
     * Tensor picture = Images.read(Path.of("digit.png"));
     * picture.shape();   // [1, 28, 28]
     * }</pre>
     */
    public static Tensor read(Path file) {
        return ImageFile.read(file);
    }

    /**
     * One picture file made {@code channels} (1 grey, 3 colour) and resized to {@code height x width}, the shape
     * {@code input(channels, height, width)} takes. See {@link ImageFile}.
     *
     * <pre>{@code
     * Tensor picture = Images.read(Path.of("shoe.jpg"), 1, 28, 28);
     * model.predict(picture);   // Sneaker (92.1%), then Sandal 5.3%, Ankle boot 1.2%
     * }</pre>
     */
    public static Tensor read(Path file, int channels, int height, int width) {
        return ImageFile.read(file, channels, height, width);
    }

    /** Writes a PNG, whole or not at all. */
    public static void save(BufferedImage image, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "image", ".png.partial");
            try {
                ImageIO.write(image, "png", temp.toFile());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the image to " + file + ": " + e.getMessage(), e);
        }
    }
}
