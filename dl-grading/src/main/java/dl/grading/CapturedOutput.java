package dl.grading;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a test's code printed, kept up to a limit: the rest is counted, not stored. */
final class CapturedOutput {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;
    private final PrintStream stream;

    CapturedOutput(int limit) {
        this.limit = limit;
        this.stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                keep(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
    }

    PrintStream stream() {
        return stream;
    }

    private synchronized void keep(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, limit - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    /** The text kept, and how much more there was. */
    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n... (" + dropped + " more bytes not kept)";
    }
}
