package dl.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of a training epoch: batches done, mean loss and accuracy so far, images per second and time
 * left. On a terminal it rewrites itself in place; into a file or pipe it prints a line every tenth of the epoch.
 */
final class Progress {

    private final PrintStream out;
    private final int images;
    private final boolean inPlace = System.console() != null;
    private int epoch;
    private int epochs;
    private int seen;
    private int correct;
    private double lossSum;
    private int batches;
    private long start;
    private int lastTenth;

    Progress(PrintStream out, int images) {
        this.out = out;
        this.images = images;
    }

    void startEpoch(int epoch, int epochs) {
        this.epoch = epoch;
        this.epochs = epochs;
        seen = correct = batches = lastTenth = 0;
        lossSum = 0;
        start = System.nanoTime();
    }

    void batchDone(int size, float loss, int right) {
        seen += size;
        correct += right;
        lossSum += loss;
        batches++;
        if (!Float.isFinite(loss)) {
            throw new IllegalStateException("the loss became " + loss + " at step " + batches + " of epoch " + epoch
                    + "; training diverged: try a lower learning rate");
        }
        int tenth = seen * 10 / images;
        if (inPlace) {
            out.print("\r" + line());
        } else if (tenth > lastTenth) {
            out.println(line());
        }
        lastTenth = tenth;
    }

    void endEpoch() {
        if (inPlace) {
            out.println();
        }
    }

    private String line() {
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seen / Math.max(seconds, 1e-9);
        return String.format(Locale.ROOT, "epoch %d/%d  %6d/%d images  loss %.4f  accuracy %5.1f%%  %6.0f img/s"
                + "  %4.0f s left", epoch, epochs, seen, images, lossSum / batches, 100.0 * correct / seen, rate,
                (images - seen) / rate);
    }
}
