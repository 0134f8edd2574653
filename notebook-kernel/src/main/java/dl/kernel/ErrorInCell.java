package dl.kernel;

/**
 * A {@link Error} the cell ran into (out of memory, a stack overflow), carried as an exception so that the kernel
 * reports it like any other and keeps running.
 */
final class ErrorInCell extends RuntimeException {

    ErrorInCell(Throwable error) {
        super(error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()),
                error);
    }
}
