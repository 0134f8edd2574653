package dl.viz;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.ToySets;
import dl.nn.Net;
import dl.optim.Optimizers;
import dl.train.ConfusionMatrix;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;

/** Every kind of chart renders headless to a real picture (many colours, the expected size), and to SVG. */
class EveryPictureTest {

    @TempDir
    Path dir;

    private void assertRealPicture(Chart<?, ?> chart, String name) throws Exception {
        Path png = dir.resolve(name + ".png");
        Charts.save(chart, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(chart.getWidth(), image.getWidth(), name);
        assertEquals(chart.getHeight(), image.getHeight(), name);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, name + " has " + colours.size() + " colours");
    }

    @Test
    void everyChartKind() throws Exception {
        Map<String, Supplier<dl.optim.Optimizer>> optimizers = new LinkedHashMap<>();
        optimizers.put("sgd", () -> Optimizers.sgd(0.01));
        optimizers.put("adam", () -> Optimizers.adam(0.05));
        for (Surface surface : Surface.values()) {
            var paths = OptimizerPaths.run(surface, 20, optimizers);
            assertRealPicture(OptimizerPaths.chart(surface, paths), "paths-" + surface);
            assertRealPicture(OptimizerPaths.lossChart(surface, paths), "loss-" + surface);
        }
        assertRealPicture(FunctionCharts.activations(), "activations");
        assertRealPicture(Schedules.learningRates(50), "schedules");
        assertRealPicture(Schedules.softmaxTemperature(new float[] {1, 2, 3}, 0.5, 2), "softmax");
        assertRealPicture(ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2).plot(), "confusion");
        Net model = net(input(3)).dense(4).relu().dense(2);
        assertRealPicture(Comparisons.weights(model), "weights");
        Net small = net(input(2)).dense(4).tanh().dense(2);
        assertRealPicture(small.fit(ToySets.xor(40, 0.1, 1), dl.train.Fit.epochs(2).quiet()).plot(), "history");
    }

    @Test
    void chartsAlsoSaveAsSvg() throws Exception {
        Path svg = dir.resolve("activations.svg");
        Charts.save(FunctionCharts.activations(), svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("</svg>"), "an SVG document");
    }
}
