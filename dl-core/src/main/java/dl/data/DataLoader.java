package dl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Cuts a dataset into mini-batches for one epoch: shuffled with a generator seeded from {@code seed} and the
 * epoch number, so each epoch has its own order and a run repeats exactly. The last batch may be smaller. An
 * optional {@link Augmentation} changes each batch's images, with a generator seeded from the seed, the epoch and
 * the batch's position.
 *
 * <pre>{@code
 * var loader = new DataLoader(data.train(), 64, true, 42).augment(Augmentation.flip());
 * for (Batch b : loader) { ... }      // one epoch; the next for-loop is the next epoch, in a new order
 * }</pre>
 */
public final class DataLoader implements Iterable<Batch> {

    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final Augmentation augmentation;   // null: the batches as they are
    private int nextEpoch;

    public DataLoader(Dataset data, int batchSize, boolean shuffle, long seed) {
        this(data, batchSize, shuffle, seed, null);
    }

    /** Shuffled batches, a new order each epoch. */
    public DataLoader(Dataset data, int batchSize, long seed) {
        this(data, batchSize, true, seed, null);
    }

    private DataLoader(Dataset data, int batchSize, boolean shuffle, long seed, Augmentation augmentation) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.augmentation = augmentation;
    }

    /** The same loader, with {@code augmentation} applied to the inputs of every batch. */
    public DataLoader augment(Augmentation augmentation) {
        return new DataLoader(data, batchSize, shuffle, seed, augmentation);
    }

    /** How many batches make an epoch. */
    public int batches() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** The example indices of each batch of epoch {@code epoch} (0, 1, ...). */
    public List<int[]> epoch(int epoch) {
        int[] order = shuffle ? Dataset.shuffled(data.size(), new Random(seed * 1_000_003L + epoch))
                : IntStream.range(0, data.size()).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return batches;
    }

    /** Batch number {@code index} of epoch {@code epoch}, augmented if this loader augments. */
    public Batch batch(int epoch, int index, int[] indices) {
        Batch batch = data.batch(indices);
        if (augmentation == null) {
            return batch;
        }
        Random rng = new Random(((seed * 1_000_003L + epoch) * 1_000_003L + index) ^ 0x5DEECE66DL);
        return new Batch(augmentation.apply(batch.inputs(), rng), batch.targets(), batch.labels());
    }

    /** The batches of epoch {@code epoch}, each built when it is reached. */
    public Iterable<Batch> load(int epoch) {
        List<int[]> indices = epoch(epoch);
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < indices.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("epoch " + epoch + " has only " + indices.size() + " batches");
                }
                next++;
                return batch(epoch, next - 1, indices.get(next - 1));
            }
        };
    }

    /** The batches of the next epoch: the first loop over this loader is epoch 0, the second epoch 1, ... */
    @Override
    public Iterator<Batch> iterator() {
        return load(nextEpoch++).iterator();
    }

    @Override
    public String toString() {
        return "DataLoader(" + data.size() + " examples, batches of " + batchSize + (shuffle ? ", shuffled" : "")
                + (augmentation != null ? ", " + augmentation : "") + ")";
    }
}
