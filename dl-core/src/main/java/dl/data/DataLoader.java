package dl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Cuts a dataset into mini-batches for one epoch: shuffled with a generator seeded from {@code seed} and the
 * epoch number, so each epoch has its own order and a run repeats exactly. The last batch may be smaller.
 */
public final class DataLoader {

    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;

    public DataLoader(Dataset data, int batchSize, boolean shuffle, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /** How many batches make an epoch. */
    public int batches() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** The example indices of each batch of epoch {@code epoch} (0, 1, ...). */
    public List<int[]> epoch(int epoch) {
        int[] order = shuffle ? Dataset.shuffled(data.size(), new Random(seed * 1_000_003L + epoch))
                : java.util.stream.IntStream.range(0, data.size()).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return batches;
    }
}
