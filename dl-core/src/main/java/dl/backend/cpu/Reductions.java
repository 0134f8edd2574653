package dl.backend.cpu;

import dl.backend.ReduceOp;

/** Reductions along one axis, and the row-wise softmax. */
final class Reductions {

    private Reductions() {
    }

    /** Reduces the middle axis of {@code x} seen as {@code [outer, n, inner]} into {@code out[outer, inner]}. */
    static void reduce(ReduceOp op, float[] x, int outer, int n, int inner, float[] out) {
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            if (op == ReduceOp.SUM) {
                sum(x, base, n, inner, out, o * inner);
                continue;
            }
            for (int i = 0; i < inner; i++) {
                int best = argmax(x, base + i, n, inner);
                out[o * inner + i] = op == ReduceOp.MAX ? x[base + i + best * inner] : best;
            }
        }
    }

    /**
     * {@code out[i] = sum_j x[start + j * inner + i]}, reading x in order. The sums are kept in double so that long
     * ones (a mean over 60,000 images) stay exact enough.
     */
    private static void sum(float[] x, int start, int n, int inner, float[] out, int outStart) {
        if (inner == 1) {
            out[outStart] = (float) sumRun(x, start, n);
            return;
        }
        if ((long) n * inner < ElementWise.CHUNK || inner < Parallel.CORES) {
            sumColumns(x, start, n, inner, out, outStart, 0, inner);
        } else {   // a bias's gradient: a million numbers into a few thousand sums, split over the cores by column
            Parallel.forEach(Parallel.CORES, part -> sumColumns(x, start, n, inner, out, outStart,
                    inner * part / Parallel.CORES, inner * (part + 1) / Parallel.CORES));
        }
    }

    /** Columns {@code from .. to-1} of {@link #sum}: each column's numbers added in order. */
    private static void sumColumns(float[] x, int start, int n, int inner, float[] out, int outStart, int from,
                                   int to) {
        double[] total = new double[to - from];
        for (int j = 0; j < n; j++) {
            int row = start + j * inner + from;
            for (int i = 0; i < to - from; i++) {
                total[i] += x[row + i];
            }
        }
        for (int i = 0; i < to - from; i++) {
            out[outStart + from + i] = (float) total[i];
        }
    }

    /** The sum of {@code n} consecutive floats, in four independent double accumulators for speed. */
    private static double sumRun(float[] x, int start, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = start, end = start + n;
        for (; i + 3 < end; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < end; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static int argmax(float[] x, int start, int n, int stride) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (x[start + j * stride] > x[start + best * stride]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * {@code softmax(x)_j = e^(x_j - m) / sum_k e^(x_k - m)} with {@code m = max_k x_k}, so that no exponential
     * overflows; {@code log softmax(x)_j = x_j - m - log sum_k e^(x_k - m)}.
     */
    static void softmax(float[] x, int rows, int cols, boolean log, float[] out) {
        for (int r = 0; r < rows; r++) {
            softmaxRow(x, r * cols, cols, log, out);
        }
    }

    /** One row of {@link #softmax}, {@code cols} numbers from {@code base}. */
    private static void softmaxRow(float[] x, int base, int cols, boolean log, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[base + j]);
        }
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            sum += Exponential.exp(x[base + j] - max);
        }
        double logSum = StrictMath.log(sum);
        for (int j = 0; j < cols; j++) {
            double shifted = x[base + j] - max;
            out[base + j] = (float) (log ? shifted - logSum : Exponential.exp(shifted - logSum));
        }
    }
}
