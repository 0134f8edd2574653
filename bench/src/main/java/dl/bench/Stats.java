package dl.bench;

import java.util.Arrays;

/** Timing helpers: run something repeatedly, report the median and the best. */
final class Stats {

    private Stats() {
    }

    /** Milliseconds of each of {@code runs} calls. */
    static double[] time(int runs, Runnable work) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }
}
