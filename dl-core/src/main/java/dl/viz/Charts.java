package dl.viz;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The look every chart of the library shares, and saving to PNG. Colours are the Okabe-Ito palette, which people
 * with the common colour-vision deficiencies can tell apart; fonts are large enough to read in a notebook.
 */
public final class Charts {

    /** Okabe and Ito's eight colours, in the order series get them. */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(240, 228, 66), Color.BLACK,
    };

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private Charts() {
    }

    /** An XY chart with the library's style: title, axis titles, legend inside, white background. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    static void style(Styler styler) {
        styler.setSeriesColors(PALETTE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAntiAlias(true);
    }

    /**
     * Writes {@code chart} as a PNG, or as SVG when the file name ends with {@code .svg}, whole or not at all (a
     * temporary file renamed when complete).
     */
    public static void save(Chart<?, ?> chart, Path file) {
        boolean svg = file.getFileName().toString().toLowerCase().endsWith(".svg");
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "chart", svg ? ".partial.svg" : ".partial.png");
            try {
                if (svg) {
                    VectorGraphicsEncoder.saveVectorGraphic(chart, temp.toString(),
                            VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                } else {
                    Files.write(temp, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + file + ": " + e.getMessage(), e);
        }
    }
}
