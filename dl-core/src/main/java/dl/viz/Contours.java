package dl.viz;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Contour lines of a surface as light grey chart series, found by marching squares: the function is sampled on a
 * grid, and in every cell where a level lies between two corners, a segment joins the crossings on its edges.
 */
final class Contours {

    private static final int GRID = 120;
    private static final int LEVELS = 12;

    private Contours() {
    }

    static void add(XYChart chart, Surface s) {
        double[][] f = new double[GRID + 1][GRID + 1];
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = 0; i <= GRID; i++) {
            for (int j = 0; j <= GRID; j++) {
                f[i][j] = s.at(x(s, i), y(s, j));
                lo = Math.min(lo, f[i][j]);
                hi = Math.max(hi, f[i][j]);
            }
        }
        for (int l = 1; l <= LEVELS; l++) {
            // levels spaced geometrically: the floor of a valley gets as many lines as its steep walls
            double t = (double) l / (LEVELS + 1);
            double level = lo + (hi - lo) * Math.pow(10, -4 * (1 - t));
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < GRID; i++) {
                for (int j = 0; j < GRID; j++) {
                    segment(s, f, i, j, level, xs, ys);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries series = chart.addSeries("level " + l, xs, ys);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(new java.awt.Color(200, 200, 200));
                series.setLineStyle(new java.awt.BasicStroke(1f));
                series.setShowInLegend(false);
            }
        }
    }

    /** The segment of one cell at {@code level}, added with a NaN after it so segments are not joined. */
    private static void segment(Surface s, double[][] f, int i, int j, double level, List<Double> xs, List<Double> ys) {
        double[][] corners = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
        List<double[]> crossings = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            double[] a = corners[e], b = corners[(e + 1) % 4];
            double fa = f[(int) a[0]][(int) a[1]] - level, fb = f[(int) b[0]][(int) b[1]] - level;
            if ((fa < 0) != (fb < 0)) {
                double t = fa / (fa - fb);
                crossings.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
            }
        }
        for (int c = 0; c + 1 < crossings.size(); c += 2) {
            xs.add(x(s, crossings.get(c)[0]));
            ys.add(y(s, crossings.get(c)[1]));
            xs.add(x(s, crossings.get(c + 1)[0]));
            ys.add(y(s, crossings.get(c + 1)[1]));
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
    }

    private static double x(Surface s, double i) {
        return s.xMin + (s.xMax - s.xMin) * i / GRID;
    }

    private static double y(Surface s, double j) {
        return s.yMin + (s.yMax - s.yMin) * j / GRID;
    }
}
