package dl.viz;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.ToySets;
import dl.nn.Net;
import dl.train.History;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The pictures of following learning: TensorBoard's scalars and histograms, inline. */
class HistogramChartsTest {

    @Test
    void historyDrawsEveryStepAndEveryParametersHistogramsOverTheEpochs() {
        Net model = net(input(2)).dense(8).tanh().dense(2).seed(1);
        History history = model.fit(ToySets.moons(200, 0.1, 1), epochs(3).batch(16).quiet());

        XYChart steps = history.plotSteps();
        assertArrayEquals(history.stepLosses().stream().mapToDouble(Double::doubleValue).toArray(),
                steps.getSeriesMap().get("loss").getYData());
        assertEquals(history.stepLosses().size(), steps.getSeriesMap().get("learning rate").getYData().length);

        XYChart weights = HistogramCharts.of("dense1.weight", "weights",
                history.weightHistograms().get("dense1.weight"));
        assertEquals(Set.of("epoch 1", "epoch 2", "epoch 3"), weights.getSeriesMap().keySet());

        BufferedImage grid = history.plotHistograms();
        assertEquals(2 * HistogramCharts.CHART_WIDTH, grid.getWidth(), "weights and gradients side by side");
        assertEquals(4 * HistogramCharts.CHART_HEIGHT, grid.getHeight(), "a row per parameter: 2 weights, 2 biases");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < grid.getHeight(); y += 5) {
            for (int x = 0; x < grid.getWidth(); x += 5) {
                colours.add(grid.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, "a real picture: " + colours.size() + " colours");
    }

    @Test
    void epochsGoFromLightToDark() {
        int first = HistogramCharts.shade(0, 5).getRed() + HistogramCharts.shade(0, 5).getGreen();
        int last = HistogramCharts.shade(4, 5).getRed() + HistogramCharts.shade(4, 5).getGreen();
        assertTrue(first > last);
        assertEquals(Charts.PALETTE[0], HistogramCharts.shade(4, 5), "the last epoch in the palette's blue");
    }
}
