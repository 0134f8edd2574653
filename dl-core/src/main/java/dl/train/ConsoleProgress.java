package dl.train;

import java.io.PrintStream;

/**
 * The progress line on a terminal: rewritten in place after every batch when the output is a console, otherwise
 * printed at every tenth of an epoch (logs and pipes stay short). Each epoch ends with its summary.
 */
final class ConsoleProgress implements TrainingListener {

    private final PrintStream out;
    private String lossScale = "";
    private final boolean inPlace = System.console() != null;
    private int lastTenth = -1;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    /** Keeps what the losses are, "sse per example", for the epochs' lines. */
    @Override
    public void onStart(History history) {
        lossScale = history.lossScale();
    }

    @Override
    public void onBatch(Progress p) {
        int tenth = p.batch() * 10 / p.batches();
        if (inPlace) {
            out.print("\r" + p.line());
        } else if (tenth != lastTenth && p.batch() < p.batches()) {
            out.println(p.line());
        }
        lastTenth = tenth;
    }

    @Override
    public void onEpoch(History.Epoch e) {
        if (inPlace) {
            out.print("\r");
        }
        out.println(e.line(lossScale));
        lastTenth = -1;
    }
}
