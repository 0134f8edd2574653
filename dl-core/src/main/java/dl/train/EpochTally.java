package dl.train;

/**
 * The running figures of one epoch: loss and right answers so far, and the speed. The speed is measured from the
 * end of the epoch's first batch: that one also pays for the JIT's warm-up, and would promise ten times the real
 * time left. No estimate until there is a second.
 */
final class EpochTally {

    private final long start = System.nanoTime();
    private long firstBatchEnd;
    private int firstBatchSize;
    private int batches;
    private int seen;
    private int correct;
    private double lossSum;

    /** Adds a batch of {@code size} examples, its loss per example and its right answers. */
    void add(float loss, int size, int right) {
        batches++;
        seen += size;
        lossSum += (double) loss * size;
        correct += right;
        if (batches == 1) {
            firstBatchEnd = System.nanoTime();
            firstBatchSize = seen;
        }
    }

    /** The mean loss per example so far. */
    double loss() {
        return lossSum / seen;
    }

    /** The fraction of right answers so far, NaN without labels. */
    double accuracy(boolean labelled) {
        return labelled ? (double) correct / seen : Double.NaN;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Where the epoch stands after its latest batch. */
    Progress progress(int epoch, int epochs, int batchCount, int total, boolean labelled) {
        long now = System.nanoTime();
        double rate = batches == 1 ? seen / Math.max((now - start) / 1e9, 1e-9)
                : (seen - firstBatchSize) / Math.max((now - firstBatchEnd) / 1e9, 1e-9);
        return new Progress(epoch, epochs, batches, batchCount, seen, total, loss(), accuracy(labelled), rate,
                batches == 1 ? Double.NaN : (total - seen) / rate);
    }
}
