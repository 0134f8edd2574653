package dl.backend.cpu;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs work on every core. {@link #forEach} splits {@code 0 .. n-1} into one contiguous chunk per core, runs the
 * first chunk on the calling thread and the others on a pool of daemon threads, and returns when all are done.
 */
final class Parallel {

    static final int CORES = Math.max(1, Integer.getInteger("dl.threads", Runtime.getRuntime().availableProcessors()));

    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, CORES - 1), runnable -> {
        Thread t = new Thread(runnable, "dl-cpu");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** Calls {@code body.accept(i)} for every {@code i} in {@code [0, n)}, spread over the cores. */
    static void forEach(int n, IntConsumer body) {
        int chunks = Math.min(n, CORES);
        if (chunks <= 1 || Thread.currentThread().getName().equals("dl-cpu")) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        List<Future<?>> others = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
            others.add(POOL.submit(() -> {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
            }));
        }
        int firstEnd = n / chunks;
        for (int i = 0; i < firstEnd; i++) {
            body.accept(i);
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the other cores", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
