package dl.viz;

import dl.train.Prediction;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * A model's answer for one example as bars: each class's probability, most probable first, the title naming the
 * class picked. The bars stand upright (XChart draws no sideways bars), their names slanted to fit.
 */
public final class PredictionChart {

    private PredictionChart() {
    }

    /** The bars of {@code prediction}, one example's. */
    public static CategoryChart of(Prediction prediction) {
        var table = prediction.probabilities();
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format(Locale.ROOT, "%s (%.1f%%)", prediction.className(),
                        100 * prediction.probability()))
                .xAxisTitle("class").yAxisTitle("probability").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.addSeries("probability", table.stringColumn("class").asList(),
                table.doubleColumn("probability").asList());
        return chart;
    }
}
