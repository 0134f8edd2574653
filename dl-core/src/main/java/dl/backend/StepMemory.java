package dl.backend;

/**
 * The memory of a training loop, owned by the backend. One step (forward, backward, update) computes the same
 * temporaries as the step before: the outputs of every op and their gradients. Fresh memory for each of them is
 * memory to clear and cold in the cache, slower to write than the computation that fills it; so while a
 * {@code StepMemory} is open on a thread, the backend records the ops' outputs ({@link Backend#allocateForOverwrite})
 * and the batches ({@link Backend#uploadRows}) that the thread makes, and {@link #endStep} gives their memory to the
 * next step's, like PyTorch's caching allocator. What is made otherwise (weights, optimizer slots, a factory's
 * tensor, {@code copy()}) is never reused.
 *
 * <p>Only a loop whose every step runs code of dl-core alone may open one: that code keeps no tensor of a step
 * beyond it. A student's layer, loss or optimizer may keep one to read in the next step, so {@code fit} with any of
 * them opens none, and its tensors keep their numbers.
 *
 * <pre>{@code
 * try (StepMemory memory = backend.stepMemory()) {
 *     for (...) { forward; backward; step; zeroGrad; memory.endStep(); }
 * }
 * }</pre>
 */
public interface StepMemory extends AutoCloseable {

    /** A memory that records nothing: every allocation is new (a backend that does not reuse, a nested loop). */
    StepMemory NONE = new StepMemory() {
        @Override
        public void endStep() {
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
     * Ends a step: the memory of what the step recorded serves the next step. Each storage given on is marked
     * {@link Storage#markReused reused}, so that a tensor still over it fails on reading instead of showing another
     * step's numbers.
     */
    void endStep();

    /**
     * Runs {@code work} with its allocations left out of the step, so that what it makes may outlive the step: the
     * training loop's listeners run here (one may keep a picture of the activations after every epoch).
     */
    void outside(Runnable work);

    /** Back to plain allocation; the memory held for reuse is let go. */
    @Override
    void close();
}
