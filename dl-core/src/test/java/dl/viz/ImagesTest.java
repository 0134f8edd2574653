package dl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
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
}
