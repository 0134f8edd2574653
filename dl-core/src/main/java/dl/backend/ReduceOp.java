package dl.backend;

/** Reductions along one axis. */
public enum ReduceOp {
    SUM,
    MAX,
    ARGMAX,       // the index of the first largest value, as a float
}
