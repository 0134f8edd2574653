package dl.viz;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.ToySets;
import dl.nn.Net;
import dl.optim.Optimizers;
import dl.train.History;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class ComparisonsTest {

    @Test
    void runsWithThreeLearningRatesSideBySide(@TempDir Path dir) throws Exception {
        var data = ToySets.xor(200, 0.1, 1).split();
        Map<String, History> runs = new LinkedHashMap<>();
        for (double eta : new double[] {0.1, 0.01, 0.001}) {
            Net model = net(input(2)).dense(8).tanh().dense(2).seed(1);
            runs.put("eta " + eta, model.fit(data.train(), epochs(3).batch(20).optimizer(Optimizers.sgd(eta))
                    .validation(data.validation()).quiet()));
        }
        XYChart chart = Comparisons.histories(runs);
        assertEquals(3, chart.getSeriesMap().size());
        assertEquals(runs.get("eta 0.1").epochs().get(2).validationLoss(),
                chart.getSeriesMap().get("eta 0.1").getYData()[2]);
        Charts.save(chart, dir.resolve("runs.png"));
        assertEquals(Charts.WIDTH, ImageIO.read(dir.resolve("runs.png").toFile()).getWidth());
    }

    @Test
    void aHistogramForEachLayersWeights() {
        Net model = net(input(4)).dense(50).relu().dense(3);
        CategoryChart chart = Comparisons.weights(model);
        assertEquals(2, chart.getSeriesMap().size());
        double total = chart.getSeriesMap().get("dense1.weight").getYData().stream()
                .mapToDouble(Number::doubleValue).sum();
        assertEquals(1.0, total, 1e-9, "every weight falls in a bin: the shares add up to 1");
        assertEquals(chart.getSeriesMap().get("dense1.weight").getXData(),
                chart.getSeriesMap().get("dense2.weight").getXData(), "the layers share their bins");
    }

    @Test
    void gradientHistogramsAfterABackwardPass() {
        Net model = net(input(4)).dense(6).sigmoid().dense(3);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Comparisons.gradients(model));
        assertEquals("gradients: no weight has a gradient yet; run loss.backward() first", e.getMessage());
        model.forward(dl.tensor.Tensor.ones(2, 4)).sum().backward();
        assertEquals(2, Comparisons.gradients(model).getSeriesMap().size());
    }

    @Test
    void theArchitecturesTableCountsDepthAndParameters() {
        Table table = Comparisons.architectures();
        assertEquals(5, table.rowCount());
        assertEquals(8, table.longColumn("layers with weights").get(1), "AlexNet: 5 conv + 3 dense");
        assertEquals(16, table.longColumn("layers with weights").get(2), "VGG16");
        assertEquals(18, table.longColumn("layers with weights").get(4), "ResNet-18");
        assertEquals(62_378_344, table.longColumn("parameters").get(1));
        assertEquals(15.3, table.doubleColumn("top-5 error (%)").get(1));
    }

    @Test
    void activationsOfEachActivationLayerAsOneLineEach() {
        var batch = ToySets.xor(64, 0.1, 1).batch().inputs();
        Net model = net(input(2)).dense(8).tanh().dense(8).tanh().dense(2).seed(1);
        XYChart chart = Comparisons.activations(model, batch);
        assertEquals(2, chart.getSeriesMap().size());
        String first = chart.getSeriesMap().keySet().iterator().next();
        assertTrue(first.startsWith("tanh1 (std "), first);
        assertEquals(64 * 8, model.activations("tanh1", batch).numel());
    }

    @Test
    void theImageNetTableIsFourBarsFromThePlateauToResNet(@TempDir Path dir) throws Exception {
        CategoryChart chart = Comparisons.imageNetTop5();
        var bars = chart.getSeriesMap().values().iterator().next();
        assertEquals(java.util.List.of(25.0, 15.3, 7.3, 3.6), bars.getYData());
        Charts.save(chart, dir.resolve("imagenet.png"));
        assertEquals(Charts.WIDTH, ImageIO.read(dir.resolve("imagenet.png").toFile()).getWidth());
    }
}
