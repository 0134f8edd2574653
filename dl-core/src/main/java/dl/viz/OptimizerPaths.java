package dl.viz;

import dl.optim.Optimizer;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Where each optimizer goes on a {@link Surface}: its path over the function's contour lines, and the function's
 * value step by step.
 *
 * <pre>{@code
 * var paths = OptimizerPaths.run(Surface.BOWL, 60, Map.of("sgd", () -> sgd(0.05), "adam", () -> adam(0.3)));
 * Charts.save(OptimizerPaths.chart(Surface.BOWL, paths), Path.of("paths.png"));
 * }</pre>
 */
public final class OptimizerPaths {

    private OptimizerPaths() {
    }

    /**
     * The points {@code [x, y]} each optimizer visits in {@code steps} steps from the surface's start. A path that
     * runs off to infinity (a learning rate too large for the surface) ends at its last finite point.
     */
    public static Map<String, List<double[]>> run(Surface surface, int steps, Map<String, Supplier<Optimizer>> optimizers) {
        Map<String, List<double[]>> paths = new LinkedHashMap<>();
        optimizers.forEach((name, make) -> {
            Tensor p = Tensor.of(new float[] {(float) surface.startX, (float) surface.startY}).requiresGrad();
            Optimizer optimizer = make.get().bind(List.of(p));
            List<double[]> path = new ArrayList<>();
            path.add(point(p));
            for (int t = 0; t < steps; t++) {
                surface.apply(p).backward();
                optimizer.step();
                optimizer.zeroGrad();
                double[] q = point(p);
                if (!Double.isFinite(surface.at(q[0], q[1])) || Math.abs(surface.at(q[0], q[1])) > 1e12) {
                    break;
                }
                path.add(q);
            }
            paths.put(name, path);
        });
        return paths;
    }

    private static double[] point(Tensor p) {
        float[] v = p.toFloatArray();
        return new double[] {v[0], v[1]};
    }

    /** The paths over the surface's contour lines. */
    public static XYChart chart(Surface surface, Map<String, List<double[]>> paths) {
        XYChart chart = Charts.xy("Optimizers on " + surface.name().toLowerCase(), "x", "y");
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(surface.xMin).setXAxisMax(surface.xMax);
        chart.getStyler().setYAxisMin(surface.yMin).setYAxisMax(surface.yMax);
        Contours.add(chart, surface);
        int colour = 0;
        for (Map.Entry<String, List<double[]>> e : paths.entrySet()) {
            List<double[]> path = e.getValue();
            XYSeries series = chart.addSeries(label(e.getKey(), path, paths), path.stream().mapToDouble(q -> q[0]).toArray(),
                    path.stream().mapToDouble(q -> q[1]).toArray());
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(SeriesLines.SOLID);
            series.setMarkerColor(Charts.PALETTE[colour % 7]);
            series.setLineColor(Charts.PALETTE[colour++ % 7]);
        }
        return chart;
    }

    /** The optimizer's name, with "diverged" when its path is shorter than the longest. */
    private static String label(String name, List<double[]> path, Map<String, List<double[]>> paths) {
        int longest = paths.values().stream().mapToInt(List::size).max().orElse(0);
        return path.size() < longest ? name + " (diverged at step " + path.size() + ")" : name;
    }

    /** The function's value after each step, one line per optimizer. */
    public static XYChart lossChart(Surface surface, Map<String, List<double[]>> paths) {
        XYChart chart = Charts.xy("f(x, y) on " + surface.name().toLowerCase(), "step", "f");
        boolean positive = true;
        for (Map.Entry<String, List<double[]>> e : paths.entrySet()) {
            List<double[]> path = e.getValue();
            double[] steps = new double[path.size()], values = new double[path.size()];
            for (int t = 0; t < path.size(); t++) {
                steps[t] = t;
                values[t] = surface.at(path.get(t)[0], path.get(t)[1]);
            }
            XYSeries series = chart.addSeries(label(e.getKey(), path, paths), steps, values);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(SeriesLines.SOLID);
            positive &= java.util.Arrays.stream(values).allMatch(v -> v > 0);
        }
        chart.getStyler().setYAxisLogarithmic(positive);   // a log scale shows the slow end of the descent
        return chart;
    }
}
