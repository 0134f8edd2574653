package dl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class FunctionChartsTest {

    @Test
    void eachActivationComesWithItsDerivative(@TempDir Path dir) throws Exception {
        XYChart chart = FunctionCharts.activations();
        assertEquals(8, chart.getSeriesMap().size());
        double[] x = chart.getSeriesMap().get("sigmoid").getXData();
        double[] f = chart.getSeriesMap().get("sigmoid").getYData();
        double[] d = chart.getSeriesMap().get("sigmoid'").getYData();
        for (int i = 0; i < x.length; i++) {
            assertEquals(f[i] * (1 - f[i]), d[i], 1e-6, "sigmoid' = f (1 - f) at " + x[i]);
        }
        double[] relu = chart.getSeriesMap().get("relu'").getYData();
        assertEquals(0, relu[0]);
        assertEquals(1, relu[relu.length - 1]);
        Path png = dir.resolve("activations.png");
        Charts.save(chart, png);
        assertEquals(Charts.HEIGHT, ImageIO.read(png.toFile()).getHeight());
    }
}
