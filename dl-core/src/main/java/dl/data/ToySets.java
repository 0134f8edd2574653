package dl.data;

import java.util.Random;

/**
 * Two-dimensional toy problems, as in the TensorFlow Playground: {@code n} points {@code [x, y]} in two classes,
 * with Gaussian noise of standard deviation {@code noise} added to each coordinate, drawn from a generator seeded
 * with {@code seed}. Class 0 and class 1 have as many points (one more for class 0 when {@code n} is odd); the
 * points alternate between the classes, so {@code limit(k)} keeps the balance.
 *
 * <pre>{@code
 * Dataset points = ToySets.spirals(400, 0.1, 42);   // inputs [2], classes 0 and 1
 * net(input(2)).dense(8).tanh().dense(2).fit(points, ...);
 * }</pre>
 */
public final class ToySets {

    private ToySets() {
    }

    /** XOR: uniform in the square [-1, 1]^2, class 1 where {@code x} and {@code y} have different signs. */
    public static Dataset xor(int n, double noise, long seed) {
        Random rng = new Random(seed);
        float[] points = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double x, y;
            do {
                x = 2 * rng.nextDouble() - 1;
                y = 2 * rng.nextDouble() - 1;
            } while ((x * y < 0 ? 1 : 0) != labels[i] || Math.abs(x) < 0.05 || Math.abs(y) < 0.05);
            put(points, i, x, y, noise, rng);
        }
        return Dataset.of(points, new int[] {2}, labels, 2);
    }

    /** Two circles: class 0 on the circle of radius 1, class 1 on the circle of radius 0.5 inside it. */
    public static Dataset circles(int n, double noise, long seed) {
        Random rng = new Random(seed);
        float[] points = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double angle = 2 * Math.PI * rng.nextDouble();
            double r = labels[i] == 0 ? 1 : 0.5;
            put(points, i, r * Math.cos(angle), r * Math.sin(angle), noise, rng);
        }
        return Dataset.of(points, new int[] {2}, labels, 2);
    }

    /**
     * Two interleaved spirals: point {@code t} in [0, 1) of arm {@code c} lies at radius {@code t} and angle
     * {@code 3 pi t + c pi}, one and a half turns each.
     */
    public static Dataset spirals(int n, double noise, long seed) {
        Random rng = new Random(seed);
        float[] points = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double t = rng.nextDouble();
            double angle = 3 * Math.PI * t + labels[i] * Math.PI;
            put(points, i, t * Math.cos(angle), t * Math.sin(angle), noise, rng);
        }
        return Dataset.of(points, new int[] {2}, labels, 2);
    }

    /**
     * Two moons (scikit-learn's {@code make_moons}): class 0 on the upper half circle {@code (cos a, sin a)}, class
     * 1 on the lower one {@code (1 - cos a, 0.5 - sin a)}, {@code a} in [0, pi].
     */
    public static Dataset moons(int n, double noise, long seed) {
        Random rng = new Random(seed);
        float[] points = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double a = Math.PI * rng.nextDouble();
            if (labels[i] == 0) {
                put(points, i, Math.cos(a), Math.sin(a), noise, rng);
            } else {
                put(points, i, 1 - Math.cos(a), 0.5 - Math.sin(a), noise, rng);
            }
        }
        return Dataset.of(points, new int[] {2}, labels, 2);
    }

    private static void put(float[] points, int i, double x, double y, double noise, Random rng) {
        points[2 * i] = (float) (x + noise * rng.nextGaussian());
        points[2 * i + 1] = (float) (y + noise * rng.nextGaussian());
    }
}
