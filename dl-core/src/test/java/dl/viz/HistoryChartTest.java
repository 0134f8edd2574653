package dl.viz;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.data.ToySets;
import dl.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class HistoryChartTest {

    @Test
    void plotsLossAndAccuracyPerEpochAndSavesAPicture(@TempDir Path dir) throws IOException {
        Dataset.Split parts = ToySets.moons(200, 0.1, 1).split();
        History history = net(input(2)).dense(8).tanh().dense(2).seed(1)
                .fit(parts.train(), epochs(4).batch(16).validation(parts.validation()).quiet());
        XYChart chart = history.plot();
        assertEquals(4, chart.getSeriesMap().size(), "loss, validation loss, accuracy, validation accuracy");
        double[] loss = chart.getSeriesMap().get("loss").getYData();
        assertArrayEquals(history.epochs().stream().mapToDouble(History.Epoch::loss).toArray(), loss);

        Path png = dir.resolve("history.png");
        Charts.save(chart, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, "a real picture: " + colours.size() + " colours");
    }
}
