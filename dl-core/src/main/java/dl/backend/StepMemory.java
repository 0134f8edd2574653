package dl.backend;

import java.util.Set;

/**
 * The memory of a training loop. One step (forward, backward, update) allocates the same temporaries as the step
 * before: the outputs of every layer and their gradients. Fresh memory for each of them is cold memory, slower
 * to write than the computation that fills it; so while a {@code StepMemory} is open on a thread, the storages
 * that thread allocates are recorded, and {@link #endStep} hands those of them that are not kept (the weights,
 * the optimizer's slots) to the next step, like PyTorch's caching allocator. Only the training loop, which owns
 * every temporary of its steps, may open one.
 *
 * <pre>{@code
 * try (StepMemory memory = backend.stepMemory()) {
 *     for (...) { forward; backward; step; zeroGrad; memory.endStep(kept); }
 * }
 * }</pre>
 */
public interface StepMemory extends AutoCloseable {

    /** A memory that records nothing: every allocation is new (a backend that does not reuse, a nested loop). */
    StepMemory NONE = new StepMemory() {
        @Override
        public void endStep(Set<Storage> keep) {
        }

        @Override
        public void outside(Runnable work) {
            work.run();
        }

        @Override
        public void close() {
        }
    };

    /**
     * Ends a step: every storage allocated since the last call, except those in {@code keep} (compared by
     * identity), is reused by the next step's allocations. Nothing may read them afterwards: each is marked
     * {@link Storage#markReused reused}, and a tensor over it fails on reading, telling the user to keep a copy.
     */
    void endStep(Set<Storage> keep);

    /**
     * Runs {@code work} with its allocations left out of the step, so that what it makes may outlive the step: the
     * training loop's listeners run here (one may keep a picture of the activations after every epoch).
     */
    void outside(Runnable work);

    /** Back to plain allocation; the memory held for reuse is let go. */
    @Override
    void close();
}
