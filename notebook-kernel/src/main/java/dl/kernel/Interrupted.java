package dl.kernel;

/** The cell was stopped by Jupyter's interrupt (the stop button) before it finished. */
final class Interrupted extends RuntimeException {

    Interrupted() {
        super("the cell was interrupted before it finished; the kernel keeps its variables");
    }
}
