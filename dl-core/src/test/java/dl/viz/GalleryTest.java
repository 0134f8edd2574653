package dl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.demo.CommandLine.UsageException;
import dl.nn.Net;
import dl.zoo.Models;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./dl gallery [DIR]: the folder is made and checked before any training, and a bad one is one line of usage; the
 * pictures of a model's answers are drawn with the words a student types and the data's own class names.
 */
class GalleryTest {

    @TempDir
    Path tmp;

    @Test
    void makesTheFolderItWillDrawInto() {
        Path dir = tmp.resolve("pictures/gallery");
        assertEquals(dir, Gallery.folder(new String[] {dir.toString()}));
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aFolderThatCannotBeWrittenIsOneLineOfUsage() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder");
        Path inside = file.resolve("gallery");
        UsageException e = assertThrows(UsageException.class, () -> Gallery.folder(new String[] {inside.toString()}));
        assertEquals("cannot write to the folder " + inside + " (Not a directory); usage: " + Gallery.USAGE,
                e.getMessage());

        e = assertThrows(UsageException.class, () -> Gallery.folder(new String[] {file.toString()}));
        assertEquals("cannot write to the folder " + file + " (it is a file); usage: " + Gallery.USAGE,
                e.getMessage());
    }

    @Test
    void thePicturesOfPredictionsNameTheClassesAsTheDataDoes() throws Exception {
        List<String> names = IntStream.range(0, 10).mapToObj(k -> "kind " + k).toList();
        Dataset test = randomImages(30).withClassNames(names);
        Net lenet = Models.lenet5();

        Gallery.drawPredictions(tmp, lenet, test);

        BufferedImage samples = ImageIO.read(tmp.resolve("samples.png").toFile());
        assertArrayEquals(pixels(Images.grid(test.take(24), lenet)), pixels(samples),
                "samples.png is Images.grid(test.take(24), model), captioned with the data's class names");
        for (String picture : List.of("confusion.png", "feature-maps.png", "filters.png", "adversarial.png")) {
            assertTrue(ImageIO.read(tmp.resolve(picture).toFile()).getWidth() > 0, picture);
        }
    }

    private static Dataset randomImages(int n) {
        Random rng = new Random(1);
        float[] pixels = new float[n * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextFloat();
        }
        return Dataset.of(pixels, new int[] {1, 28, 28}, rng.ints(n, 0, 10).toArray(), 10);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void takesOneFolderAtMost() {
        UsageException e = assertThrows(UsageException.class, () -> Gallery.folder(new String[] {"a", "b"}));
        assertEquals("takes at most one folder, got 2 arguments; usage: " + Gallery.USAGE, e.getMessage());
    }
}
