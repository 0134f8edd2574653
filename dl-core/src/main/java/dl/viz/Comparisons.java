package dl.viz;

import dl.nn.Layer;
import dl.nn.Net;
import dl.nn.Residual;
import dl.train.History;
import dl.zoo.Models;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Side-by-side pictures for the experiments of the course: runs that differ in one thing (learning rates 0.1 /
 * 0.01 / 0.001, dropout or not, batch norm or not), the weights of each layer as histograms (what nn2 logged to
 * TensorBoard), and the ImageNet architectures in one table.
 */
public final class Comparisons {

    private Comparisons() {
    }

    /** One line per run: the validation loss per epoch (the training loss where there was no validation). */
    public static XYChart histories(Map<String, History> runs) {
        XYChart chart = Charts.xy("Comparison", "epoch", "validation loss");
        for (Map.Entry<String, History> run : runs.entrySet()) {
            List<History.Epoch> epochs = run.getValue().epochs();
            double[] x = epochs.stream().mapToDouble(History.Epoch::epoch).toArray();
            double[] y = epochs.stream().mapToDouble(e -> Double.isNaN(e.validationLoss()) ? e.loss()
                    : e.validationLoss()).toArray();
            XYSeries series = chart.addSeries(run.getKey(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * A histogram of every weight tensor of {@code model}, all on the same 30 bins, each bar the share of that
     * layer's weights in the bin (so a layer of 48,000 weights does not hide one of 150).
     */
    public static CategoryChart weights(Net model) {
        Map<String, float[]> layers = new LinkedHashMap<>();
        model.namedParameters().forEach((name, t) -> {
            if (name.endsWith(".weight")) {
                layers.put(name, t.toFloatArray());
            }
        });
        return histograms("Weights per layer", "share of the layer's weights", layers);
    }

    /**
     * The same for the gradients of the weights after a backward pass: vanishing gradients show as a spike at 0
     * in the first layers (what nn2 logged to TensorBoard).
     */
    public static CategoryChart gradients(Net model) {
        Map<String, float[]> layers = new LinkedHashMap<>();
        model.namedParameters().forEach((name, t) -> {
            if (name.endsWith(".weight") && t.grad() != null) {
                layers.put(name + " gradient", t.grad().toFloatArray());
            }
        });
        if (layers.isEmpty()) {
            throw new IllegalStateException("gradients: no weight has a gradient yet; run loss.backward() first");
        }
        return histograms("Gradients per layer", "share of the layer's gradients", layers);
    }

    /**
     * What each activation layer of {@code model} outputs for {@code batch} (evaluation mode, no graph), as one
     * histogram line per layer from light (first) to dark (last), each with its standard deviation: activations
     * that shrink to a spike at 0 layer after layer, or pile up at tanh's -1 and 1, show a bad initialization.
     * {@code Comparisons.activations(model, data.take(256).batch().inputs())}.
     */
    public static XYChart activations(Net model, dl.tensor.Tensor batch) {
        Map<String, float[]> layers = new LinkedHashMap<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof dl.nn.layers.Activation) {
                layers.put(layer.name(), model.activations(layer.name(), batch).toFloatArray());
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("activations: the model has no activation layer (relu, tanh, ...)");
        }
        return HistogramCharts.layers("Activations per layer", layers);
    }

    private static CategoryChart histograms(String title, String yTitle, Map<String, float[]> layers) {
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(title).xAxisTitle("value").yAxisTitle(yTitle).build();
        Charts.style(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisDecimalPattern("0.00E0");
        chart.getStyler().setXAxisLabelRotation(90);
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float[] v : layers.values()) {
            for (float x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        int bins = 30;
        double width = Math.max(hi - lo, 1e-12) / bins;
        List<Double> centres = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            centres.add(lo + (b + 0.5) * width);
        }
        for (Map.Entry<String, float[]> layer : layers.entrySet()) {
            double[] share = new double[bins];
            for (float x : layer.getValue()) {
                share[Math.min(bins - 1, (int) ((x - lo) / width))] += 1.0 / layer.getValue().length;
            }
            chart.addSeries(layer.getKey(), centres, java.util.Arrays.stream(share).boxed().toList());
        }
        return chart;
    }

    /**
     * The architectures of the course in one table: layers with weights (convolutions and dense layers, the depth
     * the papers count), parameters counted from the shapes, and the top-5 ImageNet error of the slides' table where
     * it names that network (AlexNet 15.3%, VGG with 19 layers 7.3%).
     */
    public static Table architectures() {
        String[] names = {"LeNet-5", "AlexNet", "VGG16", "VGG19", "ResNet-18"};
        Net[] nets = {Models.lenet5(), Models.alexnet(), Models.vgg16(), Models.vgg19(), Models.resnet18()};
        double[] top5 = {Double.NaN, 15.3, Double.NaN, 7.3, Double.NaN};
        long[] parameters = new long[nets.length], depth = new long[nets.length];
        for (int i = 0; i < nets.length; i++) {
            parameters[i] = nets[i].parameterCount();
            depth[i] = depth(nets[i]);
        }
        return Table.create("Architectures", StringColumn.create("model", names),
                LongColumn.create("layers with weights", depth), LongColumn.create("parameters", parameters),
                DoubleColumn.create("top-5 error (%)", top5));
    }

    /**
     * The slides' ImageNet results as bars: the top-5 error (the share of images whose true class is not among the
     * model's five likeliest) of the best methods without deep CNNs (a plateau at 25%), then AlexNet (8 layers,
     * 15.3%), VGG Net (19 layers, 7.3%) and ResNet (152 layers, 3.6%).
     */
    public static CategoryChart imageNetTop5() {
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("ImageNet (ILSVRC) classification, 1000 classes").xAxisTitle("method")
                .yAxisTitle("top-5 error (%)").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.addSeries("top-5 error (%)", List.of("before deep CNNs", "AlexNet, 8 layers", "VGG Net, 19 layers",
                "ResNet, 152 layers"), List.of(25.0, 15.3, 7.3, 3.6));
        return chart;
    }

    /** Convolutions and dense layers, counting those inside residual blocks (not their shortcuts). */
    static long depth(Net net) {
        long n = 0;
        for (Layer layer : net.layers()) {
            if (layer instanceof Residual r) {
                n += depth(r.block());
            } else if (layer.kind().equals("conv") || layer.kind().equals("dense")) {
                n++;
            }
        }
        return n;
    }
}
