package dl.viz;

import dl.train.ConfusionMatrix;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A confusion matrix as a heat map: true class down, predicted class across, darker where more examples fell.
 * The diagonal holds the right answers; a dark cell off it is a confusion worth a look (Shirt taken for T-shirt).
 */
public final class ConfusionChart {

    private ConfusionChart() {
    }

    public static HeatMapChart of(ConfusionMatrix matrix) {
        int k = matrix.classes();
        List<String> names = matrix.names();
        List<String> predicted = new ArrayList<>(), actual = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            predicted.add(names.get(c));
            actual.add(names.get(k - 1 - c));   // the first class at the top, as the table prints it
        }
        List<Number[]> cells = new ArrayList<>();
        int[][] counts = matrix.counts();
        for (int p = 0; p < k; p++) {
            for (int t = 0; t < k; t++) {
                cells.add(new Number[] {p, k - 1 - t, counts[t][p]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT + 100)
                .title("Confusion matrix").xAxisTitle("predicted").yAxisTitle("true").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, Charts.PALETTE[5], Charts.PALETTE[0]});
        chart.getStyler().setShowValue(true);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries("counts", predicted, actual, cells);
        return chart;
    }
}
