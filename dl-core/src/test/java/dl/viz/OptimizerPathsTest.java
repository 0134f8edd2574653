package dl.viz;

import static dl.optim.Optimizers.adam;
import static dl.optim.Optimizers.momentum;
import static dl.optim.Optimizers.sgd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.optim.Optimizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class OptimizerPathsTest {

    @Test
    void surfacesHaveTheirMinimaWhereTheBooksSay() {
        assertEquals(0, Surface.BOWL.at(0, 0), 1e-9);
        assertEquals(0, Surface.ROSENBROCK.at(1, 1), 1e-9);
        assertEquals(0, Surface.BEALE.at(3, 0.5), 1e-6);
        assertEquals(1 - 4, Surface.SADDLE.at(1, 2), 1e-6);
    }

    @Test
    void pathsStartTogetherAndDescendTheBowl(@TempDir Path dir) throws Exception {
        Map<String, Supplier<Optimizer>> optimizers = new LinkedHashMap<>();
        optimizers.put("sgd", () -> sgd(0.05));
        optimizers.put("momentum", () -> momentum(0.02, 0.9));
        optimizers.put("adam", () -> adam(0.1));
        Map<String, List<double[]>> paths = OptimizerPaths.run(Surface.BOWL, 50, optimizers);
        for (List<double[]> path : paths.values()) {
            assertEquals(51, path.size(), "the start and one point per step");
            assertEquals(Surface.BOWL.startX, path.get(0)[0], 1e-6);
            double[] end = path.get(50);
            assertTrue(Surface.BOWL.at(end[0], end[1]) < Surface.BOWL.at(path.get(0)[0], path.get(0)[1]) / 10);
        }
        XYChart chart = OptimizerPaths.chart(Surface.BOWL, paths);
        assertEquals(51, chart.getSeriesMap().get("adam").getXData().length);
        assertTrue(chart.getSeriesMap().size() > 3, "contour lines as well as the paths");
        Path png = dir.resolve("paths.png");
        Charts.save(chart, png);
        assertEquals(Charts.WIDTH, ImageIO.read(png.toFile()).getWidth());
        XYChart losses = OptimizerPaths.lossChart(Surface.BOWL, paths);
        assertEquals(3, losses.getSeriesMap().size());
    }
}
