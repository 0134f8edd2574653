package dl.viz;

import dl.tensor.Tensor;
import java.util.function.UnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The activation functions of the slides and their derivatives, each derivative computed by the library's own
 * backward pass (so the picture also shows that autograd gets {@code sigmoid' = f (1 - f)} right): solid lines are
 * the functions, dashed lines in the same colour their derivatives.
 */
public final class FunctionCharts {

    private FunctionCharts() {
    }

    public static XYChart activations() {
        XYChart chart = Charts.xy("Activation functions and their derivatives", "x", "f(x), f'(x)");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        add(chart, 0, "sigmoid", Tensor::sigmoid);
        add(chart, 1, "tanh", Tensor::tanh);
        add(chart, 2, "relu", Tensor::relu);
        add(chart, 3, "leaky relu (0.1)", x -> x.leakyRelu(0.1f));
        return chart;
    }

    /** {@code f} on [-4, 4] and {@code f'} from {@code backward()}. */
    static void add(XYChart chart, int colour, String name, UnaryOperator<Tensor> f) {
        Tensor x = Tensor.arange(-4, 4.001f, 0.05f).requiresGrad();
        Tensor y = f.apply(x);
        y.sum().backward();
        double[] xs = toDouble(x.toFloatArray());
        XYSeries function = chart.addSeries(name, xs, toDouble(y.toFloatArray()));
        XYSeries derivative = chart.addSeries(name + "'", xs, toDouble(x.grad().toFloatArray()));
        for (XYSeries s : new XYSeries[] {function, derivative}) {
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Charts.PALETTE[colour]);
        }
        derivative.setLineStyle(SeriesLines.DASH_DASH);
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
