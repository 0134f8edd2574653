package dl.train;

import java.util.Locale;

/**
 * How the values of one tensor spread after an epoch, as TensorBoard's {@code tf.summary.histogram} shows them:
 * the count of values in each of {@link #BINS} equal bins between the smallest value and the largest, with their
 * mean and standard deviation. {@code fit} keeps one per parameter and epoch, for the weights and for the gradients
 * of the epoch's last step ({@link History#weightHistograms()}).
 *
 * @param epoch the epoch after which the values were taken (1-based)
 * @param edges the bins' {@code BINS + 1} edges, from the smallest value to the largest
 * @param counts how many values fall in each bin; the last bin holds the largest value
 */
public record Histogram(int epoch, double[] edges, long[] counts, double mean, double std) {

    /** Bins per histogram, as many as TensorBoard draws. */
    public static final int BINS = 30;

    /** The histogram of {@code values}; values all equal fall in the middle bin of a narrow range around them. */
    public static Histogram of(int epoch, float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        double mean = sum / values.length;
        if (max == min) {
            double half = Math.max(Math.abs(min), 1) * 1e-3;
            min -= half;
            max += half;
        }
        double width = (max - min) / BINS;
        long[] counts = new long[BINS];
        double squares = 0;
        for (float v : values) {
            counts[Math.min(BINS - 1, (int) ((v - min) / width))]++;
            squares += (v - mean) * (v - mean);
        }
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            edges[i] = min + i * width;
        }
        return new Histogram(epoch, edges, counts, mean, Math.sqrt(squares / values.length));
    }

    /** The middle of each bin: where a chart draws its count. */
    public double[] centres() {
        double[] x = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            x[i] = (edges[i] + edges[i + 1]) / 2;
        }
        return x;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "epoch %d: %d values in [%.4g, %.4g], mean %.4g, std %.4g", epoch,
                java.util.Arrays.stream(counts).sum(), edges[0], edges[BINS], mean, std);
    }
}
