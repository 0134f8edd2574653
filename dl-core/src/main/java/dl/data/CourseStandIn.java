package dl.data;

import java.util.List;

/**
 * A stand-in for the course's gender faces, which are not distributed: the Fashion-MNIST pictures of two classes,
 * Sandal (label pair {@code [1, 0]}) and Sneaker ({@code [0, 1]}), scaled from 28 x 28 to 48 x 48 and stored as the
 * course stores its faces: 2,304 pixel values 0..255 per example, float label pairs. So the course's networks run
 * unchanged: nn1's 2304-50-2 perceptron, nn4's CNN on the pixels reshaped to 48 x 48 x 1.
 *
 * <p>Why these two: both are shoes of about the same size and brightness, so the task is not solved by counting
 * bright pixels (T-shirt against Trouser would be), yet a small network learns it well above chance, as the course's
 * networks learn gender. Scaling is bilinear with pixel centres aligned (OpenCV's {@code INTER_LINEAR}, PyTorch's
 * {@code align_corners=False}): output pixel {@code (y, x)} samples the input at {@code ((y + 0.5) 28/48 - 0.5,
 * (x + 0.5) 28/48 - 0.5)}, clamped to the border; values are rounded to whole numbers, as uint8 pixels are.
 *
 * <pre>{@code
 * Dataset train = CourseData.standIn(1000);     // like data_1k.bin + gender_1k.bin
 * CourseData.write(train, Path.of("data_1k.bin"), Path.of("gender_1k.bin"));
 * }</pre>
 */
public final class CourseStandIn {

    /** The names of the two classes, in the order of the label pair. */
    public static final List<String> CLASSES = List.of("Sandal", "Sneaker");
    /** Their Fashion-MNIST labels. */
    static final int SANDAL = 5;
    static final int SNEAKER = 7;

    private CourseStandIn() {
    }

    /** The first {@code n} sandals and sneakers of Fashion-MNIST's training images (at most 12,000). */
    public static Dataset train(int n) {
        // the two classes are a fifth of the training images: read a few more than 5n first, all if that is short
        int limit = (int) Math.min(Integer.MAX_VALUE, 6L * n + 100);
        Dataset some = FashionMnist.load(limit, 0).train();
        Dataset picked = from(some, n);
        if (picked.size() < n && some.size() == limit) {
            picked = from(FashionMnist.load(Integer.MAX_VALUE, 0).train(), n);
        }
        return picked;
    }

    /** The first {@code n} sandals and sneakers of Fashion-MNIST's test images (at most 2,000). */
    public static Dataset test(int n) {
        return from(FashionMnist.load(0, Integer.MAX_VALUE).test(), n);
    }

    /** The first {@code n} sandals and sneakers of {@code fashion} ({@code [1, 28, 28]}, pixels in [0, 1]). */
    public static Dataset from(Dataset fashion, int n) {
        int[] s = fashion.inputShape();
        if (s.length != 3 || s[0] != 1 || !fashion.hasLabels()) {
            throw new IllegalArgumentException("stand-in: expects Fashion-MNIST's grey images [1, 28, 28] with labels,"
                    + " got " + fashion);
        }
        int side = CourseData.SIDE, pixels = CourseData.PIXELS, plane = s[1] * s[2];
        int count = 0;
        for (int i = 0; i < fashion.size() && count < n; i++) {
            count += isShoe(fashion.label(i)) ? 1 : 0;
        }
        float[] inputs = new float[count * pixels];
        float[] pairs = new float[count * 2];
        float[] image = new float[plane];
        for (int i = 0, k = 0; k < count; i++) {
            if (!isShoe(fashion.label(i))) {
                continue;
            }
            System.arraycopy(fashion.inputs(), i * plane, image, 0, plane);
            float[] big = ImageFile.bilinear(image, s[1], s[2], side, side);
            for (int p = 0; p < pixels; p++) {
                inputs[k * pixels + p] = Math.round(Math.max(0f, Math.min(1f, big[p])) * 255f);
            }
            pairs[k * 2 + (fashion.label(i) == SANDAL ? 0 : 1)] = 1;
            k++;
        }
        return Dataset.classTargets(inputs, new int[] {pixels}, pairs, 2).withClassNames(CLASSES);
    }

    private static boolean isShoe(int label) {
        return label == SANDAL || label == SNEAKER;
    }
}
