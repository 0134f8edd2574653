package dl.autograd;

/**
 * A scope in which operations are not recorded for backpropagation: evaluation, optimizer steps, and the
 * backward pass itself. Use it with try-with-resources:
 *
 * <pre>{@code
 * try (var off = NoGrad.scope()) {
 *     predictions = model.forward(x);
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private NoGrad() {
        DEPTH.get()[0]++;
    }

    /** Switches recording off until {@link #close()}. Scopes nest. */
    public static NoGrad scope() {
        return new NoGrad();
    }

    /** Whether recording is off on this thread. */
    public static boolean isActive() {
        return DEPTH.get()[0] > 0;
    }

    @Override
    public void close() {
        DEPTH.get()[0]--;
    }
}
