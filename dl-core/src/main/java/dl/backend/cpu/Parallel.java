package dl.backend.cpu;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs work on every core. {@link #forEach} splits {@code 0 .. n-1} into one contiguous chunk per core, runs the
 * first chunk on the calling thread and the others on worker threads, and returns when all are done.
 *
 * <p>Training calls this thousands of times a second for pieces of work of a few hundred microseconds, so waking
 * a sleeping thread (tens of microseconds on a virtual machine) would cost as much as the work. A worker therefore
 * keeps looking for work for {@link #SPIN_NANOS} after each task before it sleeps; while it looks, it yields its
 * core to any other thread that wants it (above all the JIT compiler, which otherwise starves while training keeps
 * every core busy and the first epoch runs slow). Work that arrives while the workers are busy (a
 * second thread, or a call from inside a chunk) simply runs on the calling thread.
 */
final class Parallel {

    static final int CORES = Math.max(1, Integer.getInteger("dl.threads", Runtime.getRuntime().availableProcessors()));

    /** How long an idle worker keeps polling before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final Worker[] WORKERS = new Worker[CORES - 1];
    private static final AtomicBoolean BUSY = new AtomicBoolean();

    static {
        for (int i = 0; i < WORKERS.length; i++) {
            WORKERS[i] = new Worker(i + 1);
            WORKERS[i].start();
        }
    }

    /** How long the JIT compiler must have finished no compilation for {@link #jitQuiet} to say so. */
    static final long JIT_QUIET_NANOS = 20_000_000;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static long jitMillis = -1;   // the JIT's total compilation time when last read
    private static long jitLastRead;
    private static long jitQuietSince;

    private Parallel() {
    }

    /**
     * Whether the JIT compiler has finished no compilation for {@link #JIT_QUIET_NANOS}: in a network's first
     * steps it still compiles, and work only just worth a second core is better left to one, so that the compiler
     * has the other. Any thread may ask; a stale answer (the fields are read without locks) costs a little speed,
     * never a wrong number.
     */
    static boolean jitQuiet() {
        long now = System.nanoTime();
        if (now - jitLastRead > 1_000_000) {   // reading the total is a call into the JVM: once a millisecond
            jitLastRead = now;
            long total = JIT.getTotalCompilationTime();   // grows as each compilation ends
            if (total != jitMillis) {
                jitMillis = total;
                jitQuietSince = now;
            }
        }
        return now - jitQuietSince > JIT_QUIET_NANOS;
    }

    /** Calls {@code body.accept(i)} for every {@code i} in {@code [0, n)}, spread over the cores. */
    static void forEach(int n, IntConsumer body) {
        int chunks = Math.min(n, CORES);
        if (chunks <= 1 || Thread.currentThread() instanceof Worker || !BUSY.compareAndSet(false, true)) {
            run(body, 0, n);
            return;
        }
        try {
            for (int c = 1; c < chunks; c++) {
                WORKERS[c - 1].give(body, start(n, c, chunks), start(n, c + 1, chunks));
            }
            run(body, 0, start(n, 1, chunks));
            RuntimeException failure = null;
            for (int c = 1; c < chunks; c++) {
                RuntimeException e = WORKERS[c - 1].awaitDone();
                failure = failure == null ? e : failure;
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            BUSY.set(false);
        }
    }

    private static int start(int n, int chunk, int chunks) {
        return (int) ((long) n * chunk / chunks);
    }

    private static void run(IntConsumer body, int from, int to) {
        for (int i = from; i < to; i++) {
            body.accept(i);
        }
    }

    /** A daemon thread that runs one range at a time. */
    private static final class Worker extends Thread {

        private volatile IntConsumer body;
        private volatile boolean done = true;
        private volatile RuntimeException failure;
        private int from;
        private int to;
        private final Thread[] caller = new Thread[1];

        Worker(int index) {
            super("dl-cpu-" + index);
            setDaemon(true);
        }

        void give(IntConsumer work, int start, int end) {
            from = start;
            to = end;
            failure = null;
            caller[0] = Thread.currentThread();
            done = false;
            body = work;             // the volatile write publishes the fields above
            LockSupport.unpark(this);
        }

        RuntimeException awaitDone() {
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(20_000);
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                IntConsumer work = waitForWork();
                try {
                    Parallel.run(work, from, to);
                } catch (RuntimeException | Error e) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                body = null;
                done = true;
                LockSupport.unpark(caller[0]);
            }
        }

        private IntConsumer waitForWork() {
            long idleSince = System.nanoTime();
            IntConsumer work;
            while ((work = body) == null) {
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.yield();
                } else {
                    LockSupport.park(this);
                }
            }
            return work;
        }
    }
}
