package dl.viz;

import dl.optim.LearningRate;
import dl.tensor.Tensor;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Two small charts of the slides: learning-rate schedules against steps, and softmax at several temperatures. */
public final class Schedules {

    private Schedules() {
    }

    /** Constant, 1/t decay and step decay, from {@code eta = 0.1}, over {@code steps} steps. */
    public static XYChart learningRates(int steps) {
        XYChart chart = Charts.xy("Learning-rate schedules", "step t", "eta_t");
        add(chart, "constant", LearningRate.fixed(0.1f), steps);
        add(chart, "1/t decay: eta / (1 + 0.05 t)", LearningRate.inverseTime(0.1f, 0.05f), steps);
        add(chart, "step decay: eta 0.5^floor(t / 25)", LearningRate.stepDecay(0.1f, 0.5f, 25), steps);
        return chart;
    }

    private static void add(XYChart chart, String name, LearningRate schedule, int steps) {
        double[] t = new double[steps], eta = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = i;
            eta[i] = schedule.at(i);
        }
        chart.addSeries(name, t, eta).setMarker(SeriesMarkers.NONE);
    }

    /**
     * {@code softmax(z / T)} of the logits {@code z} for temperatures {@code T}: a low temperature sharpens the
     * probabilities towards the largest logit, a high one flattens them towards uniform.
     */
    public static XYChart softmaxTemperature(float[] logits, double... temperatures) {
        XYChart chart = Charts.xy("Softmax at several temperatures", "class", "probability");
        double[] classes = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            classes[k] = k;
        }
        for (double temperature : temperatures) {
            float[] p = Tensor.of(logits).div((float) temperature).softmax().toFloatArray();
            chart.addSeries("T = " + temperature, classes, FunctionCharts.toDouble(p)).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}
