package dl.viz;

import dl.train.History;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code history.plotSteps()}: the loss of every step (left axis) and the learning rate it was taken with (right
 * axis), the scalars the course's nn2 logged with {@code tf.summary.scalar}.
 */
public final class StepChart {

    private StepChart() {
    }

    public static XYChart of(History history) {
        List<Double> losses = history.stepLosses();
        List<Double> rates = history.learningRates();
        XYChart chart = Charts.xy("Every step", "step", "loss (" + history.lossScale() + ")");
        chart.setYAxisGroupTitle(1, "learning rate");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(1, 0.0);   // a constant rate gets an axis too, from zero
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        add(chart, "loss", losses, 0);
        add(chart, "learning rate", rates, 1);
        return chart;
    }

    private static void add(XYChart chart, String name, List<Double> values, int axis) {
        double[] steps = IntStream.rangeClosed(1, values.size()).asDoubleStream().toArray();
        XYSeries series = chart.addSeries(name, steps, values.stream().mapToDouble(Double::doubleValue).toArray());
        series.setYAxisGroup(axis);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(Charts.PALETTE[axis]);
    }
}
