package dl.data;

import dl.tensor.Tensor;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * One picture file (PNG, JPEG, BMP, GIF) read into numbers as a network takes them: {@code [channels, height,
 * width]}, each value in [0, 1] (0 black, 1 full brightness), channels 1 (grey) or 3 (red, green, blue planes).
 * Transparency is dropped: the networks take one or three channels.
 *
 * <p>Conventions, as torchvision's and Keras's: a grey picture made colour repeats its grey in the three planes;
 * a colour one made grey is its luma {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R 601, PIL's {@code convert("L")});
 * resizing is bilinear with pixel centres aligned and no antialiasing (Keras's {@code image_size}, PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False)}).
 *
 * <pre>{@code
 * Tensor picture = ImageFile.read(Path.of("cat.png"), 3, 32, 32);   // [3, 32, 32], ready for a CIFAR-10 model
 * }</pre>
 */
public final class ImageFile {

    private ImageFile() {
    }

    /**
     * The picture as it is stored: {@code [1, H, W]} for a grey one, {@code [3, H, W]} for a colour one.
     *
     * <pre>{@code
     * Tensor picture = ImageFile.read(Path.of("digit.png"));
     * picture.shape();   // [1, 28, 28]
     * }</pre>
     */
    public static Tensor read(Path file) {
        BufferedImage image = image(file);
        int channels = isGrey(image) ? 1 : 3;
        return Tensor.of(pixels(image, channels, image.getHeight(), image.getWidth()), channels, image.getHeight(),
                image.getWidth());
    }

    /**
     * The picture made {@code channels} (1 grey, 3 colour) and resized to {@code height x width}: the shape a
     * network's {@code input(channels, height, width)} expects.
     *
     * <pre>{@code
     * Tensor picture = ImageFile.read(Path.of("shoe.jpg"), 1, 28, 28);
     * model.predict(picture);   // Sneaker (92.1%), then Sandal 5.3%, Ankle boot 1.2%
     * }</pre>
     */
    public static Tensor read(Path file, int channels, int height, int width) {
        return Tensor.of(pixels(file, channels, height, width), channels, height, width);
    }

    /** The pixels of {@code file} as {@code [channels, height, width]} floats in [0, 1], for a tensor or a dataset. */
    static float[] pixels(Path file, int channels, int height, int width) {
        if (channels != 1 && channels != 3 || height < 1 || width < 1) {
            throw new IllegalArgumentException(file + ": pictures are read as 1 (grey) or 3 (colour) channels of at"
                    + " least 1 x 1 pixels; asked for " + channels + " channels of " + height + " x " + width);
        }
        return pixels(image(file), channels, height, width);
    }

    /** The decoded picture, or a message naming the file that could not be read. */
    private static BufferedImage image(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + " is missing: expected a picture file (PNG, JPEG, BMP or GIF)", null);
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new DataException(file + " is not a picture that can be read (PNG, JPEG, BMP or GIF); open it"
                        + " in an image viewer, convert it, or move it out of the folder", null);
            }
            return image;
        } catch (IOException e) {
            throw new DataException(file + " cannot be read as a picture: " + e.getMessage() + "; is it damaged or"
                    + " cut short?", e);
        }
    }

    /** Whether the picture has one colour component (grey, with or without transparency). */
    private static boolean isGrey(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** The picture's planes in [0, 1], converted to {@code channels} and resized to {@code height x width}. */
    private static float[] pixels(BufferedImage image, int channels, int height, int width) {
        int h = image.getHeight(), w = image.getWidth(), plane = h * w;
        float[][] planes = isGrey(image) ? new float[][] {greyLevels(image)} : colourPlanes(image);
        float[] out = new float[channels * height * width];
        for (int c = 0; c < channels; c++) {
            float[] source = channels == planes.length ? planes[c] : planes.length == 1 ? planes[0] : luma(planes);
            float[] sized = h == height && w == width ? source : bilinear(source, h, w, height, width);
            System.arraycopy(sized, 0, out, c * height * width, height * width);
        }
        return out;
    }

    /**
     * The grey levels as stored. Java's {@code getRGB} would pass them through a gamma curve (its grey is linear
     * light), so the raster's samples are read directly, divided by the largest value of their bit depth.
     */
    private static float[] greyLevels(BufferedImage image) {
        int h = image.getHeight(), w = image.getWidth();
        float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        float[] grey = new float[h * w];
        image.getRaster().getSamples(0, 0, w, h, 0, grey);
        for (int p = 0; p < grey.length; p++) {
            grey[p] /= max;
        }
        return grey;
    }

    /** The red, green and blue planes, in sRGB as the file shows them. */
    private static float[][] colourPlanes(BufferedImage image) {
        int h = image.getHeight(), w = image.getWidth();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[][] planes = new float[3][h * w];
        for (int p = 0; p < rgb.length; p++) {
            planes[0][p] = (rgb[p] >> 16 & 0xFF) / 255f;
            planes[1][p] = (rgb[p] >> 8 & 0xFF) / 255f;
            planes[2][p] = (rgb[p] & 0xFF) / 255f;
        }
        return planes;
    }

    /** Grey from colour: ITU-R 601 luma, {@code 0.299 R + 0.587 G + 0.114 B}. */
    private static float[] luma(float[][] rgb) {
        float[] grey = new float[rgb[0].length];
        for (int p = 0; p < grey.length; p++) {
            grey[p] = 0.299f * rgb[0][p] + 0.587f * rgb[1][p] + 0.114f * rgb[2][p];
        }
        return grey;
    }

    /** {@code image [h, w]} resized to {@code [outH, outW]} by bilinear interpolation, pixel centres aligned. */
    static float[] bilinear(float[] image, int h, int w, int outH, int outW) {
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / outH - 0.5));
            int y0 = (int) sy, y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / outW - 0.5));
                int x0 = (int) sx, x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = image[y0 * w + x0] * (1 - fx) + image[y0 * w + x1] * fx;
                double bottom = image[y1 * w + x0] * (1 - fx) + image[y1 * w + x1] * fx;
                out[y * outW + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
