package dl.viz;

import dl.train.LearningRateSearch;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code model.findLearningRate(data).plot()}: the loss of each step (light) and its smoothed curve (dark) against
 * the learning rate on a logarithmic axis, the suggested rate marked on the curve.
 */
public final class LearningRateChart {

    private LearningRateChart() {
    }

    public static XYChart of(LearningRateSearch search) {
        XYChart chart = Charts.xy("Learning-rate finder", "learning rate (log scale)", "loss");
        chart.getStyler().setXAxisLogarithmic(true);
        double[] rates = search.rates();
        line(chart.addSeries("loss", rates, search.losses()), Charts.PALETTE[5]);
        double[] smoothed = search.smoothed();
        // The raw loss jumps far up at the largest rates; the axis ends above the smoothed curve, as fastai's.
        chart.getStyler().setYAxisMax(1.1 * java.util.Arrays.stream(smoothed).max().orElseThrow());
        line(chart.addSeries("smoothed", rates, smoothed), Charts.PALETTE[0]);
        double suggested = search.suggestion();
        XYSeries marker = chart.addSeries(String.format(java.util.Locale.ROOT, "suggestion %.2g", suggested),
                new double[] {suggested}, new double[] {at(rates, smoothed, suggested)});
        marker.setMarker(SeriesMarkers.DIAMOND);
        marker.setMarkerColor(Charts.PALETTE[1]);
        return chart;
    }

    private static void line(XYSeries series, java.awt.Color colour) {
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
    }

    /** The smoothed loss at the step whose rate is nearest to {@code rate}. */
    private static double at(double[] rates, double[] smoothed, double rate) {
        int nearest = 0;
        for (int t = 1; t < rates.length; t++) {
            if (Math.abs(Math.log(rates[t] / rate)) < Math.abs(Math.log(rates[nearest] / rate))) {
                nearest = t;
            }
        }
        return smoothed[nearest];
    }
}
