package dl.backend.cpu;

import dl.backend.StepMemory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU's {@link StepMemory}: the arrays a training step recorded, and those of the last step waiting to be
 * reused, by length. One per training thread while its loop runs.
 */
final class StepArrays implements StepMemory {

    private static final ThreadLocal<StepArrays> CURRENT = new ThreadLocal<>();

    private final List<CpuStorage> recorded = new ArrayList<>();
    /** By {@link #key} of their length. */
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    /** Above 0 while {@link #outside} runs: allocations are plain, not recorded. */
    private int paused;

    /** A new step memory on this thread; none (NONE) inside a loop that has one: the outer loop owns the memory. */
    static StepMemory open() {
        if (CURRENT.get() != null) {
            return StepMemory.NONE;
        }
        StepArrays steps = new StepArrays();
        CURRENT.set(steps);
        return steps;
    }

    /** A storage of {@code length} numbers that a kernel overwrites whole: last step's array, if one is waiting. */
    static CpuStorage forOverwrite(int length) {
        StepArrays steps = CURRENT.get();
        if (steps == null || steps.paused > 0) {
            return new CpuStorage(new float[length]);
        }
        ArrayDeque<float[]> same = steps.free.get(key(length));
        float[] data = same == null ? null : same.poll();
        CpuStorage storage = new CpuStorage(data == null ? new float[length] : data);
        steps.recorded.add(storage);
        return storage;
    }

    /**
     * A length scrambled into a hash key, one to one (times an odd number): tensor lengths are often multiples of
     * 64, which a HashMap would put into the same few buckets.
     */
    private static Integer key(int length) {
        return length * 0x9E3779B9;
    }

    @Override
    public void endStep() {
        free.values().forEach(ArrayDeque::clear);   // what this step did not need, the next will not either
        for (CpuStorage s : recorded) {
            s.markReused();   // a tensor still over it would fail on reading, not read the next step's numbers
            free.computeIfAbsent(key(s.data.length), n -> new ArrayDeque<>()).add(s.data);
        }
        recorded.clear();
    }

    @Override
    public void outside(Runnable work) {
        paused++;
        try {
            work.run();
        } finally {
            paused--;
        }
    }

    @Override
    public void close() {
        CURRENT.remove();
        free.clear();
        recorded.clear();
    }
}
