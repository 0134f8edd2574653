package dl.train;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The notebook's stop button as training sees it. The kernel calls {@link #request()} when the student interrupts;
 * every {@code fit} running at that moment stops at its next batch and returns its History, so the model keeps what
 * it has learned. A request reaches only the fits running when it is made: a {@code fit} started later trains in
 * full. The kernel clears the request before each cell.
 */
public final class Interrupt {

    /** One stop flag per running fit. */
    private static final Set<AtomicBoolean> running = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean requested = new AtomicBoolean();

    private Interrupt() {
    }

    /** Asks every running {@code fit} to stop at its next batch; with none running, it does nothing. */
    public static void request() {
        for (AtomicBoolean stop : running) {
            stop.set(true);
            requested.set(true);
        }
    }

    /** Forgets the request: running fits that have not yet stopped carry on. */
    public static void clear() {
        requested.set(false);
        running.forEach(stop -> stop.set(false));
    }

    /** Whether a request has reached a running {@code fit} since the last {@link #clear()}. */
    public static boolean requested() {
        return requested.get();
    }

    /** True while a {@code fit} is running: an interrupt then needs no harder stop than the request. */
    public static boolean trainingRunning() {
        return !running.isEmpty();
    }

    /** Registers a starting fit; the flag it returns is set by {@link #request()}. */
    static AtomicBoolean trainingStarted() {
        AtomicBoolean stop = new AtomicBoolean();
        running.add(stop);
        return stop;
    }

    static void trainingEnded(AtomicBoolean stop) {
        running.remove(stop);
    }
}
