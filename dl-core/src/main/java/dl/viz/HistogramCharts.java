package dl.viz;

import dl.train.Histogram;
import dl.train.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code history.plotHistograms()}: TensorBoard's histograms in its overlay mode. Each parameter gets a chart of
 * its weights and one of its gradients, with one line per epoch (the count of values against their value), light
 * for the first epoch and dark for the last, so a spread that widens or collapses reads from light to dark.
 */
public final class HistogramCharts {

    static final int CHART_WIDTH = 480;
    static final int CHART_HEIGHT = 300;
    /** Above this many epochs the legend is left out: the shade says the order. */
    static final int LEGEND_EPOCHS = 8;

    private HistogramCharts() {
    }

    /** One parameter's histograms, one line per epoch: {@code of("dense1.weight", "weights", list)}. */
    public static XYChart of(String parameter, String what, List<Histogram> epochs) {
        XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(parameter + " " + what)
                .xAxisTitle("value").yAxisTitle("count").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        chart.getStyler().setLegendVisible(epochs.size() <= LEGEND_EPOCHS);
        for (int i = 0; i < epochs.size(); i++) {
            Histogram h = epochs.get(i);
            double[] counts = java.util.Arrays.stream(h.counts()).asDoubleStream().toArray();
            XYSeries series = chart.addSeries("epoch " + h.epoch(), h.centres(), counts);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(shade(i, epochs.size()));
        }
        return chart;
    }

    /**
     * One histogram line per layer, light for the first layer and dark for the last, each labelled with its
     * standard deviation: {@code layers("Activations, tanh net", Map.of("tanh1", a1, "tanh2", a2))}. Each line is
     * the share of that layer's values in each of its 30 bins, so layers of different sizes compare.
     */
    public static XYChart layers(String title, Map<String, float[]> valuesByLayer) {
        XYChart chart = Charts.xy(title, "value", "share of the layer's values");
        int i = 0;
        for (Map.Entry<String, float[]> layer : valuesByLayer.entrySet()) {
            Histogram h = Histogram.of(0, layer.getValue());
            double[] share = java.util.Arrays.stream(h.counts()).mapToDouble(c -> (double) c / layer.getValue().length)
                    .toArray();
            XYSeries series = chart.addSeries(String.format(java.util.Locale.ROOT, "%s (std %.3g)", layer.getKey(),
                    h.std()), h.centres(), share);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(shade(i++, valuesByLayer.size()));
        }
        return chart;
    }

    /** Every parameter of the history, a row each: weights on the left, gradients on the right. */
    public static BufferedImage grid(History history) {
        Map<String, List<Histogram>> weights = history.weightHistograms();
        Map<String, List<Histogram>> gradients = history.gradientHistograms();
        if (weights.isEmpty()) {
            throw new IllegalStateException("plotHistograms: no histograms yet; they are taken after each epoch of"
                    + " fit, so train for at least one epoch first");
        }
        BufferedImage image = new BufferedImage(2 * CHART_WIDTH, weights.size() * CHART_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int row = 0;
        for (String name : weights.keySet()) {
            draw(g, of(name, "weights", weights.get(name)), 0, row);
            if (gradients.containsKey(name)) {
                draw(g, of(name, "gradients", gradients.get(name)), 1, row);
            }
            row++;
        }
        g.dispose();
        return image;
    }

    private static void draw(Graphics2D g, XYChart chart, int column, int row) {
        g.drawImage(BitmapEncoder.getBufferedImage(chart), column * CHART_WIDTH, row * CHART_HEIGHT, null);
    }

    /** From light blue (the first epoch) to the palette's dark blue (the last). */
    static Color shade(int i, int n) {
        double t = n == 1 ? 1 : (double) i / (n - 1);
        Color dark = Charts.PALETTE[0];
        int r = (int) Math.round(210 + t * (dark.getRed() - 210));
        int gr = (int) Math.round(225 + t * (dark.getGreen() - 225));
        int b = (int) Math.round(240 + t * (dark.getBlue() - 240));
        return new Color(r, gr, b);
    }
}
