package dl.data;

import static dl.optim.Optimizers.adam;
import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Net;
import dl.tensor.Tensor;
import dl.viz.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    /**
     * A folder of 16 x 16 colour PNGs in three classes, {@code perClass} each: "dark" and "bright" pictures of a
     * random tint, and "stripes" of dark and bright rows; every pixel has some noise.
     */
    static Path shades(Path folder, int perClass, long seed) throws IOException {
        Random rng = new Random(seed);
        for (String shade : List.of("stripes", "dark", "bright")) {
            Files.createDirectories(folder.resolve(shade));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                float[] tint = {0.6f + 0.4f * rng.nextFloat(), 0.6f + 0.4f * rng.nextFloat(),
                    0.6f + 0.4f * rng.nextFloat()};
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        boolean light = shade.equals("bright") || shade.equals("stripes") && y / 2 % 2 == 0;
                        float level = (light ? 0.8f : 0.15f) + 0.15f * (rng.nextFloat() - 0.5f);
                        image.setRGB(x, y, rgb(level * tint[0], level * tint[1], level * tint[2]));
                    }
                }
                ImageIO.write(image, "png", folder.resolve(shade).resolve(shade + i + ".png").toFile());
            }
        }
        return folder;
    }

    private static int rgb(float r, float g, float b) {
        return Math.round(r * 255) << 16 | Math.round(g * 255) << 8 | Math.round(b * 255);
    }

    @Test
    void aFolderOfPicturesIsTrainedOnAndPredicted(@TempDir Path dir) throws IOException {
        Dataset train = ImageFolder.load(shades(dir.resolve("train"), 20, 1), 1, 8, 8);
        Dataset test = ImageFolder.load(shades(dir.resolve("test"), 10, 2), 1, 8, 8);
        assertEquals(List.of("bright", "dark", "stripes"), train.classNames(), "the sub-folders, sorted");
        assertArrayEquals(new int[] {1, 8, 8}, train.inputShape());
        assertEquals(60, train.size());

        Net model = net(input(1, 8, 8)).flatten().dense(16).relu().dense(3).seed(0);
        model.fit(train, epochs(20).batch(8).optimizer(adam(0.01)).seed(0).quiet());
        assertTrue(model.evaluate(test).accuracy() > 0.9, "well above chance (1 in 3): " + model.evaluate(test));

        Tensor stripes = Images.read(dir.resolve("test/stripes/stripes3.png"), 1, 8, 8);
        assertEquals("stripes", model.predict(stripes).className(), "the class named as its folder");
    }

    @Test
    void theOrderIsClassByClassEachSortedByName(@TempDir Path dir) throws IOException {
        Path folder = shades(dir, 2, 3);
        Files.createDirectories(folder.resolve(".ipynb_checkpoints"));
        Files.writeString(folder.resolve("dark/README.txt"), "not a picture, skipped");
        ImageFileTest.picture(folder.resolve("bright/a-first.jpg"), BufferedImage.TYPE_INT_RGB, 4, 4, 0xFFFFFF);

        Dataset colour = ImageFolder.load(folder, 4, 4);
        assertArrayEquals(new int[] {3, 4, 4}, colour.inputShape(), "colour unless asked for grey, as in Keras");
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2}, colour.labels());
        assertEquals(0f, colour.inputs()[0], 0.15f, "bright/a-first.jpg comes first, its corner black");
        assertArrayEquals(colour.inputs(), ImageFolder.load(folder, 4, 4).inputs(), "the same order every time");
    }

    @Test
    void aFolderWithoutClassFoldersSaysHowToLayItOut(@TempDir Path dir) throws IOException {
        var empty = assertThrows(DataException.class, () -> ImageFolder.load(dir, 28, 28));
        assertEquals("ImageFolder: " + dir + " has no class sub-folders (it is empty); put the pictures of each class"
                + " in a sub-folder named after the class: folder/cat/1.png, folder/dog/2.png, ...",
                empty.getMessage());

        ImageFileTest.picture(dir.resolve("cat.png"), BufferedImage.TYPE_INT_RGB, 2, 2, 0);
        var loose = assertThrows(DataException.class, () -> ImageFolder.load(dir, 28, 28));
        assertTrue(loose.getMessage().contains("has no class sub-folders (its pictures lie directly in it)"),
                loose.getMessage());
    }

    @Test
    void aClassWithoutPicturesAndAnUnreadablePictureAreNamed(@TempDir Path dir) throws IOException {
        Path folder = shades(dir, 1, 4);
        Path broken = Files.writeString(folder.resolve("dark/broken.png"), "cut short");
        var unreadable = assertThrows(DataException.class, () -> ImageFolder.load(folder, 8, 8));
        assertTrue(unreadable.getMessage().startsWith(broken + " is not a picture that can be read"),
                unreadable.getMessage());

        Files.delete(broken);
        Files.createDirectories(folder.resolve("empty"));
        var noPictures = assertThrows(DataException.class, () -> ImageFolder.load(folder, 8, 8));
        assertEquals("ImageFolder: the class folder " + folder.resolve("empty") + " holds no pictures (.png, .jpg,"
                + " .jpeg, .bmp, .gif); add some, or move the folder out if it is not a class",
                noPictures.getMessage());

        var missing = assertThrows(DataException.class, () -> ImageFolder.load(dir.resolve("nowhere"), 8, 8));
        assertTrue(missing.getMessage().contains("is not a folder (it does not exist)"), missing.getMessage());
    }
}
