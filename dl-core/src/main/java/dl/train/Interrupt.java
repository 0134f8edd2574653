package dl.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notebook's stop button as training sees it. The kernel calls {@link #request()} when the student interrupts;
 * {@code fit} checks it before every batch, stops there and returns its History, so the model keeps what it has
 * learned. The kernel clears the request before each cell.
 */
public final class Interrupt {

    private static final AtomicBoolean requested = new AtomicBoolean();
    private static final AtomicInteger trainings = new AtomicInteger();

    private Interrupt() {
    }

    /** Asks every running {@code fit} to stop at its next batch. */
    public static void request() {
        requested.set(true);
    }

    public static void clear() {
        requested.set(false);
    }

    public static boolean requested() {
        return requested.get();
    }

    /** True while a {@code fit} is running: an interrupt then needs no harder stop than the request. */
    public static boolean trainingRunning() {
        return trainings.get() > 0;
    }

    static void trainingStarted() {
        trainings.incrementAndGet();
    }

    static void trainingEnded() {
        trainings.decrementAndGet();
    }
}
