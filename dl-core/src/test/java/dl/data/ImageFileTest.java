package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileTest {

    /** A picture file of {@code type}, every pixel {@code rgb}, its top-left pixel black. */
    static Path picture(Path file, int type, int height, int width, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x + y == 0 ? 0 : rgb);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, file.toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
        return file;
    }

    @Test
    void aGreyPictureIsOneChannelOfItsStoredLevels(@TempDir Path dir) throws IOException {
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 0, 0, 128);
        Path file = dir.resolve("grey.png");
        ImageIO.write(grey, "png", file.toFile());

        Tensor picture = ImageFile.read(file);
        assertArrayEquals(new int[] {1, 2, 3}, picture.shape());
        assertArrayEquals(new float[] {0, 128 / 255f, 0, 0, 0, 0}, picture.toFloatArray(), 1e-6f,
                "the level as stored, not passed through a gamma curve");
    }

    @Test
    void aColourPictureIsThreePlanesAndItsGreyIsTheLuma(@TempDir Path dir) throws IOException {
        Path red = picture(dir.resolve("red.png"), BufferedImage.TYPE_INT_RGB, 2, 2, 0xFF0000);

        Tensor colour = ImageFile.read(red);
        assertArrayEquals(new int[] {3, 2, 2}, colour.shape());
        assertArrayEquals(new float[] {0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, colour.toFloatArray(),
                "red plane, green plane, blue plane");
        Tensor grey = ImageFile.read(red, 1, 2, 2);
        assertEquals(0.299f, grey.toFloatArray()[3], 1e-6f, "0.299 R + 0.587 G + 0.114 B");
    }

    @Test
    void aPictureIsResizedToTheSizeANetworkTakes(@TempDir Path dir) throws IOException {
        Path white = picture(dir.resolve("white.png"), BufferedImage.TYPE_INT_RGB, 20, 30, 0xFFFFFF);
        Tensor small = ImageFile.read(white, 3, 5, 6);
        assertArrayEquals(new int[] {3, 5, 6}, small.shape());
        assertEquals(1f, small.toFloatArray()[5 * 6 - 1], 1e-6f, "white stays white");
        Tensor half = ImageFile.read(picture(dir.resolve("corner.png"), BufferedImage.TYPE_INT_RGB, 4, 4, 0xFFFFFF),
                1, 2, 2);
        assertArrayEquals(new float[] {0.75f, 1, 1, 1}, half.toFloatArray(), 1e-6f,
                "halving samples between four pixels: the black corner is one of them");
    }

    @Test
    void bilinearScalingKeepsAFlatImageFlatAndInterpolatesEdges() {
        float[] flat = ImageFile.bilinear(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 2, 2, 4, 4);
        for (float v : flat) {
            assertEquals(0.5f, v, 1e-6f);
        }
        // a 1 x 2 ramp [0, 1] to 1 x 4: samples at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, ImageFile.bilinear(new float[] {0, 1}, 1, 2, 1, 4),
                1e-6f);
    }

    @Test
    void aFileThatIsNotAPictureIsNamed(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.png"), "not a picture");
        var e = assertThrows(DataException.class, () -> ImageFile.read(notes));
        assertEquals(notes + " is not a picture that can be read (PNG, JPEG, BMP or GIF); open it in an image viewer,"
                + " convert it, or move it out of the folder", e.getMessage());
        var missing = assertThrows(DataException.class, () -> ImageFile.read(dir.resolve("cat.png")));
        assertTrue(missing.getMessage().startsWith(dir.resolve("cat.png") + " is missing"), missing.getMessage());
    }

    @Test
    void channelsOtherThanGreyOrColourAreRefused(@TempDir Path dir) throws IOException {
        Path red = picture(dir.resolve("red.png"), BufferedImage.TYPE_INT_RGB, 2, 2, 0xFF0000);
        var e = assertThrows(IllegalArgumentException.class, () -> ImageFile.read(red, 4, 2, 2));
        assertEquals(red + ": pictures are read as 1 (grey) or 3 (colour) channels of at least 1 x 1 pixels; asked"
                + " for 4 channels of 2 x 2", e.getMessage());
    }
}
