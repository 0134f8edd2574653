package dl.backend;

/**
 * The numbers of one tensor, wherever they live. A storage belongs to exactly one {@link Backend}; only that
 * backend reads or writes it. Everything above the backend holds storages without looking inside.
 */
public interface Storage {

    /** The backend that owns these numbers. */
    Backend backend();

    /** How many floats it holds. */
    int length();
}
