package dl.kernel;

import dl.nn.Net;
import dl.nn.Summary;
import dl.train.ConfusionMatrix;
import dl.train.History;
import dl.train.Prediction;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How the notebook shows a value, registered in jjava's one registry of renderers (anything not listed shows its
 * {@code toString}):
 * <ul>
 *   <li>a {@code BufferedImage} (a grid of samples, feature maps): {@code image/png};</li>
 *   <li>an XChart chart: {@code image/png}, and {@code image/svg+xml} when asked;</li>
 *   <li>a Prediction of one example: its probabilities as bars, {@code image/png}; a ConfusionMatrix: its heat map;
 *       both with their text as fallback (a batch's Prediction shows as text);</li>
 *   <li>a Tablesaw table, a History, a model or its summary, what {@code check("ex2")} found:
 *       {@code text/html}, with the text as fallback;</li>
 *   <li>a Tensor: its {@code toString}, a readable truncated grid.</li>
 * </ul>
 */
final class Renderers {

    private static final MIMEType PNG = MIMEType.IMAGE_PNG;
    private static final MIMEType SVG = MIMEType.IMAGE_SVG;
    private static final MIMEType HTML = MIMEType.TEXT_HTML;

    private Renderers() {
    }

    static void registerAll(Renderer renderer) {
        renderer.createRegistration(Chart.class).preferring(PNG).supporting(SVG).register((chart, context) -> {
            context.renderIfRequested(PNG, () -> png(chart));
            context.renderIfRequested(SVG, () -> svg(chart));
            context.getOutputContainer().putText("chart: " + chart.getTitle());
        });
        renderer.createRegistration(BufferedImage.class).preferring(PNG).register((image, context) -> {
            Image.renderImage(image, context);   // jjava's own PNG encoding; only the text differs
            context.getOutputContainer().putText("image " + image.getWidth() + " x " + image.getHeight());
        });
        renderer.createRegistration(Prediction.class).preferring(PNG).register((prediction, context) -> {
            if (prediction.size() == 1) {
                context.renderIfRequested(PNG, () -> png(prediction.plot()));
            }
            context.getOutputContainer().putText(prediction.toString());
        });
        renderer.createRegistration(ConfusionMatrix.class).preferring(PNG).register((matrix, context) -> {
            context.renderIfRequested(PNG, () -> png(matrix.plot()));
            context.getOutputContainer().putText(matrix.toString());
        });
        renderer.createRegistration(Table.class).preferring(HTML).register((table, context) ->
                context.renderIfRequested(HTML, () -> html(table, "")));
        renderer.createRegistration(History.class).preferring(HTML).register((history, context) ->
                context.renderIfRequested(HTML, () -> html(history.table(), "stopped: " + history.stoppedBecause())));
        renderer.createRegistration(Summary.class).preferring(HTML).register((summary, context) ->
                context.renderIfRequested(HTML, () -> html(summary)));
        renderer.createRegistration(CheckResult.class).preferring(HTML).register((result, context) -> {
            context.renderIfRequested(HTML, result::html);
            context.getOutputContainer().putText(result.toString());
        });
        renderer.createRegistration(Net.class).preferring(HTML).register((net, context) -> {
            Summary summary = net.summary();
            context.renderIfRequested(HTML, () -> html(summary));
            context.getOutputContainer().putText(summary.toString());
        });
    }

    /** A chart as a base64 PNG, what {@code image/png} carries. */
    static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The model summary as Keras shows it: one row per layer, then the parameter totals. */
    static String html(Summary summary) {
        return html(summary.table(), String.format(Locale.ROOT,
                "Total parameters: %,d (trainable %,d, non-trainable %,d)", summary.total(), summary.trainable(),
                summary.nonTrainable()));
    }

    /** A table as HTML, numbers right-aligned (counts with thousands separators), with an optional line under it. */
    static String html(Table table, String footer) {
        StringBuilder s = new StringBuilder("<table class=\"dl-table\">\n<thead><tr>");
        for (int col = 0; col < table.columnCount(); col++) {
            s.append("<th style=\"text-align:").append(align(table, col)).append("\">")
                    .append(escape(table.column(col).name())).append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < table.rowCount(); row++) {
            s.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                Object value = table.column(col).get(row);
                String text = value instanceof Double d ? (d.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", d))
                        : value instanceof Long n ? String.format(Locale.ROOT, "%,d", n)   // 138,357,544
                        : table.getString(row, col);
                s.append("<td style=\"text-align:").append(align(table, col)).append("\">").append(escape(text))
                        .append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</tbody>\n</table>");
        if (!footer.isEmpty()) {
            s.append("\n<p>").append(escape(footer)).append("</p>");
        }
        return s.toString();
    }

    private static String align(Table table, int col) {
        return table.column(col).type().name().matches("INTEGER|LONG|DOUBLE|FLOAT|SHORT") ? "right" : "left";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
