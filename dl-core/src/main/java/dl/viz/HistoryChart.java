package dl.viz;

import dl.train.History;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code history.plot()}: loss (left axis) and accuracy (right axis) per epoch, training as solid lines and
 * validation as dashed ones, with the epoch whose weights early stopping kept marked.
 */
public final class HistoryChart {

    private HistoryChart() {
    }

    public static XYChart of(History history) {
        List<History.Epoch> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(History.Epoch::epoch).toArray();
        XYChart chart = Charts.xy("Training", "epoch", "loss");
        chart.setYAxisGroupTitle(1, "accuracy");
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        add(chart, "loss", x, epochs.stream().mapToDouble(History.Epoch::loss).toArray(), 0, false);
        add(chart, "validation loss", x, epochs.stream().mapToDouble(History.Epoch::validationLoss).toArray(), 0, true);
        add(chart, "accuracy", x, epochs.stream().mapToDouble(History.Epoch::accuracy).toArray(), 1, false);
        add(chart, "validation accuracy", x,
                epochs.stream().mapToDouble(History.Epoch::validationAccuracy).toArray(), 1, true);
        if (history.bestEpoch() > 0) {
            History.Epoch best = epochs.get(history.bestEpoch() - 1);
            double y = Double.isNaN(best.validationLoss()) ? best.loss() : best.validationLoss();
            XYSeries marker = chart.addSeries("kept (epoch " + best.epoch() + ")", new double[] {best.epoch()},
                    new double[] {y});
            marker.setMarker(SeriesMarkers.DIAMOND);
            marker.setMarkerColor(Charts.PALETTE[7]);
        }
        return chart;
    }

    /** Adds a series unless it is all NaN (no validation data, or no labels to count right answers). */
    private static void add(XYChart chart, String name, double[] x, double[] y, int axis, boolean dashed) {
        if (java.util.Arrays.stream(y).allMatch(Double::isNaN)) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setYAxisGroup(axis);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(Charts.PALETTE[axis]);
        series.setMarkerColor(Charts.PALETTE[axis]);
        if (dashed) {
            series.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
    }
}
