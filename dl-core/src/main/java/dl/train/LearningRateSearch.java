package dl.train;

import java.util.List;
import java.util.Locale;

/**
 * What {@link LearningRateFinder} found: the rate and the loss of every step, the loss smoothed, and a suggested
 * rate. The suggestion is a tenth of the rate at which the smoothed loss was lowest: at the minimum the rate is
 * already about to make the loss climb, a tenth of it still descends quickly and safely (fastai's rule of thumb).
 * {@link #steepest()} gives the other common choice, the rate at which the smoothed loss fell fastest.
 */
public final class LearningRateSearch {

    /** The weight of the past in the smoothing: {@code s_t = beta s_(t-1) + (1 - beta) loss_t}, as fastai's. */
    static final double BETA = 0.98;

    private final double[] rates;
    private final double[] losses;
    private final double[] smoothed;

    LearningRateSearch(List<Double> rates, List<Double> losses) {
        if (losses.isEmpty()) {
            throw new IllegalStateException("findLearningRate: no step was taken (the test was interrupted"
                    + " before its first step, or the first loss was not a number); run it again");
        }
        this.rates = rates.stream().limit(losses.size()).mapToDouble(Double::doubleValue).toArray();
        this.losses = losses.stream().mapToDouble(Double::doubleValue).toArray();
        this.smoothed = smooth(losses);
    }

    /**
     * The exponential moving average of the losses, with the bias of its zero start removed:
     * {@code s_t = beta s_(t-1) + (1 - beta) loss_t}, reported as {@code s_t / (1 - beta^t)}.
     */
    static double[] smooth(List<Double> losses) {
        double[] out = new double[losses.size()];
        double average = 0;
        for (int t = 0; t < out.length; t++) {
            average = BETA * average + (1 - BETA) * losses.get(t);
            out[t] = average / (1 - Math.pow(BETA, t + 1));
        }
        return out;
    }

    /** The suggested learning rate: a tenth of the rate at the smoothed loss's minimum. */
    public double suggestion() {
        return rates[lowest()] / 10;
    }

    /**
     * The rate where the smoothed loss fell fastest against the logarithm of the rate, before its minimum: the
     * most negative {@code (s_(t+1) - s_(t-1)) / (log eta_(t+1) - log eta_(t-1))}.
     */
    public double steepest() {
        int best = 0;
        double steepest = Double.POSITIVE_INFINITY;
        for (int t = 1; t < Math.min(lowest() + 1, rates.length - 1); t++) {
            double slope = (smoothed[t + 1] - smoothed[t - 1]) / (Math.log(rates[t + 1]) - Math.log(rates[t - 1]));
            if (slope < steepest) {
                steepest = slope;
                best = t;
            }
        }
        return rates[best];
    }

    private int lowest() {
        int lowest = 0;
        for (int t = 1; t < smoothed.length; t++) {
            if (smoothed[t] < smoothed[lowest]) {
                lowest = t;
            }
        }
        return lowest;
    }

    /** The rate of every step, rising from {@link LearningRateFinder#START}. */
    public double[] rates() {
        return rates.clone();
    }

    /** The loss (per example) of every step, as measured. */
    public double[] losses() {
        return losses.clone();
    }

    /** The losses smoothed, what the suggestion reads. */
    public double[] smoothed() {
        return smoothed.clone();
    }

    /** The smoothed loss against the rate, on a logarithmic rate axis, with the suggestion marked. */
    public org.knowm.xchart.XYChart plot() {
        return dl.viz.LearningRateChart.of(this);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "learning rate: %.2g suggested (a tenth of %.2g, where the smoothed loss"
                + " was lowest, %.4g); steepest descent at %.2g; %d steps from %.0e to %.2g",
                suggestion(), rates[lowest()], smoothed[lowest()], steepest(), rates.length, rates[0],
                rates[rates.length - 1]);
    }
}
