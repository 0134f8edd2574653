package dl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.train.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

class ConfusionChartTest {

    @Test
    void everyCellOfTheMatrixIsOnTheMap(@TempDir Path dir) throws IOException {
        // true classes 0, 0, 1, 2, 2, 2; predicted 0, 1, 1, 2, 0, 2
        ConfusionMatrix matrix = ConfusionMatrix.of(new int[] {0, 1, 1, 2, 0, 2}, new int[] {0, 0, 1, 2, 2, 2}, 3)
                .named(List.of("cat", "dog", "bird"));
        HeatMapChart chart = matrix.plot();
        HeatMapSeries series = chart.getSeriesMap().get("counts");
        assertEquals(9, series.getHeatData().size());
        int[][] counts = matrix.counts();
        for (Number[] cell : series.getHeatData()) {   // {predicted, row from the bottom, count}
            int predicted = cell[0].intValue(), truth = 2 - cell[1].intValue();
            assertEquals(counts[truth][predicted], cell[2].intValue(), "true " + truth + ", predicted " + predicted);
        }
        assertEquals(List.of("cat", "dog", "bird"), series.getXData());
        Path png = dir.resolve("confusion.png");
        Charts.save(chart, png);
        assertEquals(Charts.WIDTH, ImageIO.read(png.toFile()).getWidth());
    }
}
