package dl.train;

import java.util.Locale;

/**
 * Where an epoch stands: batches done, the mean loss and accuracy so far, images per second and the time left
 * (both measured from the end of the epoch's first batch; no time left, NaN, after the first batch itself).
 * {@link #line()} is the progress line the console and the notebook show.
 */
public record Progress(int epoch, int epochs, int batch, int batches, int seen, int total, double loss,
                       double accuracy, double imagesPerSecond, double secondsLeft) {

    public String line() {
        String acc = Double.isNaN(accuracy) ? "" : String.format(Locale.ROOT, "  accuracy %5.1f%%", 100 * accuracy);
        String left = Double.isNaN(secondsLeft) ? "" : String.format(Locale.ROOT, "  %.0f s left", secondsLeft);
        return String.format(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.4f%s  %.0f img/s%s",
                epoch, epochs, batch, batches, loss, acc, imagesPerSecond, left);
    }
}
