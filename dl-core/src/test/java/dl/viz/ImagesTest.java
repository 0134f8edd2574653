package dl.viz;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.nn.Net;
import dl.tensor.Tensor;
import dl.train.Metrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {

    /** Three 4x4 grey images: a dark one, a bright one, a gradient. */
    private static Dataset three() {
        float[] pixels = new float[3 * 16];
        for (int p = 0; p < 16; p++) {
            pixels[16 + p] = 1;
            pixels[32 + p] = p / 15f;
        }
        return Dataset.of(pixels, new int[] {1, 4, 4}, new int[] {0, 1, 1}, 2);
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void scalesEachPixelToASquareWithoutBlurring() {
        BufferedImage image = Images.of(new float[] {0, 1, 1, 0}, 0, 1, 2, 2, 3);
        assertEquals(6, image.getWidth());
        assertEquals(0x000000, image.getRGB(2, 2) & 0xFFFFFF, "a whole 3x3 block is the first pixel");
        assertEquals(0xFFFFFF, image.getRGB(3, 0) & 0xFFFFFF, "the next block is the second pixel, no grey between");
    }

    @Test
    void anyImageTensorIsAPictureInOneCall() {
        Tensor grey = Tensor.of(new float[] {0, 1, 1, 0}, 2, 2);
        BufferedImage picture = Images.of(grey);
        assertEquals(picture.getWidth(), picture.getHeight());
        assertTrue(picture.getWidth() > 2, "scaled up to be seen: " + picture.getWidth());
        assertEquals(0x000000, picture.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, picture.getRGB(picture.getWidth() - 1, 0) & 0xFFFFFF);
        assertArrayEquals(pixels(picture), pixels(Images.of(grey.reshape(1, 2, 2))), "[H, W] and [1, H, W] alike");

        Tensor red = Tensor.of(new float[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, 3, 2, 2);
        assertEquals(0xFF0000, Images.of(red).getRGB(0, 0) & 0xFFFFFF, "[3, H, W] in colour");

        BufferedImage batch = Images.of(Tensor.zeros(3, 1, 2, 2));
        assertTrue(batch.getWidth() > 3 * picture.getWidth(), "a batch side by side, with gaps");

        var flat = assertThrows(IllegalArgumentException.class, () -> Images.of(Tensor.zeros(784)));
        assertEquals("Images.of: expects an image [height, width] or [1 or 3, height, width], or a batch of at most 64"
                + " [N, 1 or 3, height, width], got [784]; reshape it first, e.g. x.reshape(28, 28)", flat.getMessage());
    }

    @Test
    void aGridCaptionsTheSamplesAndMarksWrongPredictionsInRed(@TempDir Path dir) throws IOException {
        BufferedImage right = Images.grid(three(), new int[] {0, 1, 2}, List.of("dark", "light"), new int[] {0, 1, 1});
        BufferedImage wrong = Images.grid(three(), new int[] {0, 1, 2}, List.of("dark", "light"), new int[] {1, 1, 1});
        assertEquals(right.getWidth(), wrong.getWidth());
        assertTrue(!hasColour(right, 0xD55E00) && hasColour(wrong, 0xD55E00), "only a wrong answer is in red");
        Path png = dir.resolve("grid.png");
        Images.save(wrong, png);
        assertEquals(wrong.getHeight(), ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void channelsOfAFeatureMapAreTilesSideBySide() {
        BufferedImage six = Images.channels(Tensor.rand(new Random(0), 1, 6, 28, 28));
        BufferedImage two = Images.channels(Tensor.rand(new Random(0), 2, 28, 28));
        assertTrue(six.getWidth() > 2 * two.getWidth(), six.getWidth() + " vs " + two.getWidth());
        var e = assertThrows(IllegalArgumentException.class, () -> Images.channels(Tensor.zeros(10)));
        assertTrue(e.getMessage().startsWith("channels: expects [C, H, W]"), e.getMessage());
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aDatasetShowsItselfCaptionedWithItsClassNames() {
        Dataset named = three().withClassNames(List.of("dark", "light"));
        BufferedImage firstTwo = Images.grid(named.take(2));
        assertArrayEquals(pixels(Images.grid(three(), new int[] {0, 1}, List.of("dark", "light"), null)),
                pixels(firstTwo), "the same picture as with the indices and the names spelled out");
        assertFalse(Arrays.equals(pixels(Images.grid(three().take(2))), pixels(firstTwo)),
                "unnamed classes are captioned 0 and 1");
    }

    @Test
    void aModelsAnswersCaptionTheGrid() {
        Dataset named = three().withClassNames(List.of("dark", "light"));
        Net model = net(input(1, 4, 4)).flatten().dense(2).seed(0);
        Tensor x = named.batch(new int[] {0, 1, 2}).inputs();
        assertArrayEquals(pixels(Images.grid(named, Metrics.predictions(model.outputs(x)))),
                pixels(Images.grid(named, model)));
        var e = assertThrows(IllegalArgumentException.class, () -> Images.grid(named, new int[] {0}));
        assertEquals("grid: 1 predictions for 3 images; give one predicted class per image", e.getMessage());
        assertTrue(hasColour(Images.grid(named, new int[] {2, 1, 1}), 0xD55E00),
                "an answer beyond the named classes is shown by its number, in red");
    }

    @Test
    void aGridOfTooManyImagesAsksForAFew() {
        Dataset many = Dataset.of(new float[65 * 16], new int[] {1, 4, 4}, new int[65], 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Images.grid(many));
        assertEquals("grid: 65 images are too many for one picture (at most 64); show a few, e.g."
                + " Images.grid(data.take(16))", e.getMessage());
        assertTrue(Images.grid(many.take(64)).getHeight() > 7 * Images.grid(many.take(8)).getHeight(), "8 rows of 8");
    }

    @Test
    void aSavedPictureReadsBackAsATensor(@TempDir Path dir) {
        BufferedImage grid = Images.grid(three().take(2));
        Path png = dir.resolve("grid.png");
        Images.save(grid, png);
        Tensor picture = Images.read(png);
        assertArrayEquals(new int[] {3, grid.getHeight(), grid.getWidth()}, picture.shape());
        assertArrayEquals(new int[] {1, 10, 20}, Images.read(png, 1, 10, 20).shape());
        assertEquals(1f, picture.toFloatArray()[0], "the white margin");
    }

    @Test
    void anAttackedExampleOfADatasetShowsBesideItsPerturbation() {
        Dataset named = three().withClassNames(List.of("dark", "light"));
        Tensor x = named.batch(new int[] {0, 1, 2}).inputs();
        Tensor noise = Tensor.full(0.1f, x.shape());
        var attack = new dl.attack.Attacks.Result(x.add(noise), noise, new int[] {0, 1, 1}, new int[] {1, 1, 1});
        BufferedImage byData = Images.adversarial(attack, named, 0);
        assertArrayEquals(pixels(Images.adversarial(attack, x, 0, named.classNames())), pixels(byData));
        assertTrue(hasColour(byData, 0xD55E00), "the changed answer is in red");
    }
}
