package dl.data;

import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A random change to a batch of images {@code [b, C, H, W]} that keeps their class: more training pictures for free,
 * the slides' cure for overfitting. Each image draws its own change from {@code rng}, so a seeded generator repeats
 * a run exactly. Steps compose left to right.
 *
 * <pre>{@code
 * var augment = Augmentation.flip().then(Augmentation.crop(4)).then(Augmentation.noise(0.05));
 * var loader = new DataLoader(cifar.train(), 128, true, 42).augment(augment);
 * }</pre>
 */
@FunctionalInterface
public interface Augmentation {

    /** A changed copy of {@code images [b, C, H, W]}, of the same shape. */
    Tensor apply(Tensor images, Random rng);

    /** This change, then {@code next}. */
    default Augmentation then(Augmentation next) {
        List<Augmentation> steps = new ArrayList<>(this instanceof Chain c ? c.steps() : List.of(this));
        steps.addAll(next instanceof Chain c ? c.steps() : List.of(next));
        return new Chain(List.copyOf(steps));
    }

    /** Mirror left-right with probability 1/2. */
    static Augmentation flip() {
        return new Flip(0.5);
    }

    /** Pad each side with {@code pad} zeros, then cut a random {@code H x W} window out of the padded image. */
    static Augmentation crop(int pad) {
        return new Crop(pad);
    }

    /** Add Gaussian noise of mean 0 and standard deviation {@code stddev} to every pixel (no clipping). */
    static Augmentation noise(double stddev) {
        return new Noise(stddev);
    }

    /** Left-right mirror, each image with probability {@code p}: {@code out[c][y][x] = in[c][y][W-1-x]}. */
    record Flip(double p) implements Augmentation {

        @Override
        public Tensor apply(Tensor images, Random rng) {
            int[] s = imageShape(images, "flip");
            float[] in = images.toFloatArray();
            float[] out = in.clone();
            for (int b = 0; b < s[0]; b++) {
                if (rng.nextDouble() >= p) {
                    continue;
                }
                for (int row = b * s[1] * s[2]; row < (b + 1) * s[1] * s[2]; row++) {
                    for (int x = 0; x < s[3]; x++) {
                        out[row * s[3] + x] = in[row * s[3] + s[3] - 1 - x];
                    }
                }
            }
            return Tensor.of(out, s);
        }

        @Override
        public String toString() {
            return p == 0.5 ? "flip" : "flip(p " + p + ")";
        }
    }

    /**
     * Random crop with zero padding: with offsets {@code dy, dx} drawn from {@code 0 .. 2 pad},
     * {@code out[c][y][x] = in[c][y + dy - pad][x + dx - pad]}, or 0 outside the image.
     */
    record Crop(int pad) implements Augmentation {

        public Crop {
            if (pad < 0) {
                throw new IllegalArgumentException("crop: the padding " + pad + " must not be negative");
            }
        }

        @Override
        public Tensor apply(Tensor images, Random rng) {
            int[] s = imageShape(images, "crop");
            int h = s[2], w = s[3];
            float[] in = images.toFloatArray();
            float[] out = new float[in.length];
            for (int b = 0; b < s[0]; b++) {
                int dy = rng.nextInt(2 * pad + 1) - pad;
                int dx = rng.nextInt(2 * pad + 1) - pad;
                for (int c = 0; c < s[1]; c++) {
                    int plane = (b * s[1] + c) * h * w;
                    for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
                        for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
                            out[plane + y * w + x] = in[plane + (y + dy) * w + x + dx];
                        }
                    }
                }
            }
            return Tensor.of(out, s);
        }

        @Override
        public String toString() {
            return "crop(pad " + pad + ")";
        }
    }

    /** {@code out = in + n}, {@code n ~ N(0, stddev^2)} drawn for every pixel. */
    record Noise(double stddev) implements Augmentation {

        @Override
        public Tensor apply(Tensor images, Random rng) {
            int[] s = imageShape(images, "noise");
            float[] v = images.toFloatArray().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (stddev * rng.nextGaussian());
            }
            return Tensor.of(v, s);
        }

        @Override
        public String toString() {
            return "noise(stddev " + stddev + ")";
        }
    }

    /** Several changes, one after the other. */
    record Chain(List<Augmentation> steps) implements Augmentation {

        @Override
        public Tensor apply(Tensor images, Random rng) {
            Tensor x = images;
            for (Augmentation step : steps) {
                x = step.apply(x, rng);
            }
            return x;
        }

        @Override
        public String toString() {
            return steps.stream().map(Object::toString).collect(Collectors.joining(" -> "));
        }
    }

    /** The shape of {@code images}, checked to be a batch of images {@code [b, C, H, W]}. */
    private static int[] imageShape(Tensor images, String step) {
        int[] s = images.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException(step + ": expects a batch of images [batch, channels, height, width],"
                    + " got " + Shapes.str(s) + "; flat inputs such as the course's 2304 pixels need"
                    + " data.reshaped(1, 48, 48) before they can be augmented");
        }
        return s;
    }
}
