package dl.kernel;

import dl.train.History;
import dl.train.Progress;
import dl.train.TrainingListener;
import dl.viz.Charts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.XYChart;

/**
 * {@code fit} in a notebook: one block under the cell that updates in place ({@code update_display_data}), holding
 * a line per finished epoch and the progress line of the current one (epoch, batch, loss, accuracy, images/s,
 * time left), and below it the loss curve (batch losses smoothed), redrawn every few seconds.
 */
final class NotebookProgress implements TrainingListener {

    private static final long TEXT_EVERY_NANOS = 200_000_000L;
    private static final long CHART_EVERY_NANOS = 3_000_000_000L;
    /** The curve is the batch losses' exponential moving average: smoothed = 0.9 smoothed + 0.1 loss. */
    private static final double SMOOTHING = 0.9;

    private final DisplayStream display;
    private final String textId = "dl-progress-" + UUID.randomUUID();
    private final String chartId = "dl-loss-" + UUID.randomUUID();
    private final List<String> epochLines = new ArrayList<>();
    private final List<Double> x = new ArrayList<>();
    private final List<Double> y = new ArrayList<>();
    private double smoothed = Double.NaN;
    private double previousSum;
    private int seenBefore;
    private String lossScale = "";
    private String current = "starting";
    private int batch;
    private int batches = 1;
    private long lastText;
    private long lastChart = System.nanoTime();
    private boolean chartShown;

    NotebookProgress(DisplayStream display) {
        this.display = display;
        display.display(text());
    }

    @Override
    public void onStart(History history) {
        lossScale = history.lossScale();
    }

    @Override
    public void onBatch(Progress p) {
        current = p.line();
        batch = p.batch();
        batches = p.batches();
        double sum = p.loss() * p.seen();   // the batch's own loss, from the running means before and after it
        double batchLoss = p.batch() == 1 ? p.loss() : (sum - previousSum) / (p.seen() - seenBefore);
        previousSum = sum;
        seenBefore = p.seen();
        smoothed = Double.isNaN(smoothed) ? batchLoss : SMOOTHING * smoothed + (1 - SMOOTHING) * batchLoss;
        x.add(p.epoch() - 1 + (double) p.batch() / p.batches());
        y.add(smoothed);
        long now = System.nanoTime();
        if (now - lastText > TEXT_EVERY_NANOS) {
            lastText = now;
            display.updateDisplay(text());
        }
        if (now - lastChart > CHART_EVERY_NANOS) {
            lastChart = now;
            showChart();
        }
    }

    @Override
    public void onEpoch(History.Epoch e) {
        epochLines.add(e.line(lossScale));
        current = "";
        display.updateDisplay(text());
    }

    @Override
    public void onEnd(History history) {
        current = history.stoppedBecause().equals("interrupted")
                ? "interrupted at batch " + batch + " of " + batches + ": the model keeps what it has learned"
                : "";
        display.updateDisplay(text());
        if (!x.isEmpty()) {
            showChart();
        }
    }

    private DisplayData text() {
        List<String> lines = new ArrayList<>(epochLines);
        if (!current.isEmpty()) {
            lines.add(current);
        }
        DisplayData data = new DisplayData(String.join("\n", lines));
        StringBuilder html = new StringBuilder("<div class=\"dl-progress\"><pre style=\"margin:0\">");
        html.append(Renderers.escape(String.join("\n", lines))).append("</pre>");
        if (!current.isEmpty() && !current.startsWith("interrupted")) {
            html.append("<progress value=\"").append(batch).append("\" max=\"").append(batches)
                    .append("\" style=\"width:40em\"></progress>");
        }
        data.putHTML(html.append("</div>").toString());
        data.setDisplayId(textId);
        return data;
    }

    private void showChart() {
        XYChart chart = Charts.xy("Training loss", "epoch", "loss (moving average of batches)");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setMarkerSize(0);
        chart.addSeries("loss", List.copyOf(x), List.copyOf(y));
        DisplayData data = new DisplayData("training loss curve");
        data.putData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG, Renderers.png(chart));
        data.setDisplayId(chartId);
        if (chartShown) {
            display.updateDisplay(data);
        } else {
            display.display(data);
            chartShown = true;
        }
    }
}
