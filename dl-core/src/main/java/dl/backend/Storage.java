package dl.backend;

/**
 * The numbers of one tensor, wherever they live. A storage belongs to exactly one {@link Backend}; only that
 * backend reads or writes it. Everything above the backend holds storages without looking inside.
 *
 * <p>A storage also keeps two facts that guard against silently wrong numbers. Its {@link #version()} counts the
 * changes made in place ({@code mulInPlace}, {@code copyFrom}, ...), shared by every tensor over these numbers
 * ({@code detach()}, {@code reshape}), so that backpropagation can tell when a number it needs was changed after
 * the forward pass, as PyTorch's version counter does. And {@link #isReused()} says that a training step's
 * {@link StepMemory} has given the memory to a later step, so that nobody can read it any more.
 */
public abstract class Storage {

    private int version;
    private String lastChange = "";
    private boolean reused;

    /** The backend that owns these numbers. */
    public abstract Backend backend();

    /** How many floats it holds. */
    public abstract int length();

    /** How many times the numbers were changed in place since they were made. */
    public final int version() {
        return version;
    }

    /** The in-place operation that changed them last ("mulInPlace"), or "" if none did. */
    public final String lastChange() {
        return lastChange;
    }

    /** Records that {@code operation} has just changed the numbers in place. */
    public final void changedInPlace(String operation) {
        version++;
        lastChange = operation;
    }

    /** Whether a later training step has been given this memory for its own ({@link StepMemory#endStep}). */
    public final boolean isReused() {
        return reused;
    }

    /** Used by a {@link StepMemory}: the memory now belongs to a later step, and no tensor may read it. */
    public final void markReused() {
        reused = true;
    }
}
