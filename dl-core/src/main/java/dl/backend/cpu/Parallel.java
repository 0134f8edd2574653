package dl.backend.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs work on every core. {@link #forEach} splits {@code 0 .. n-1} into one contiguous chunk per core: the calling
 * thread runs the first, worker thread {@code i} chunk {@code i}, and the call returns when all are done. A thread
 * that is done with its own chunk takes any chunk that nobody has taken yet. So a worker that does not get its core
 * in time (the JIT compiler, the garbage collector or another program has it) holds nothing up: the caller runs its
 * chunk too. Each thread keeps to its own chunk when it can, so that the next call over the same data finds it in
 * that core's cache. Which thread runs a chunk never changes a number: the chunks are the same, and each is computed
 * the same way on any thread.
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

    private Parallel() {
    }

    /** Calls {@code body.accept(i)} for every {@code i} in {@code [0, n)}, spread over the cores. */
    static void forEach(int n, IntConsumer body) {
        int chunks = Math.min(n, CORES);
        if (chunks <= 1 || Thread.currentThread() instanceof Worker || !BUSY.compareAndSet(false, true)) {
            run(body, 0, n);
            return;
        }
        try {
            Job job = new Job(body, n, chunks, Thread.currentThread());
            for (int c = 1; c < chunks; c++) {
                WORKERS[c - 1].give(job);
            }
            job.work(0);
            job.awaitDone();
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

    /** One call of {@link #forEach}: its chunks, each run by the first thread that takes it. */
    private static final class Job {

        private final IntConsumer body;
        private final int n;
        private final int chunks;
        private final Thread caller;
        private final AtomicIntegerArray taken;
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable failure;

        Job(IntConsumer body, int n, int chunks, Thread caller) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
            this.caller = caller;
            this.taken = new AtomicIntegerArray(chunks);
        }

        /**
         * Runs chunk {@code own} and then every chunk nobody has taken yet; a failure is kept for the caller and the
         * other chunks still run.
         */
        void work(int own) {
            for (int i = 0; i < chunks; i++) {
                int c = (own + i) % chunks;
                if (!taken.compareAndSet(c, 0, 1)) {
                    continue;
                }
                try {
                    run(body, start(n, c, chunks), start(n, c + 1, chunks));
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                if (finished.incrementAndGet() == chunks && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** Waits for the chunks that other threads took, then throws the failure of any chunk. */
        void awaitDone() {
            long start = System.nanoTime();
            while (finished.get() < chunks) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(20_000);
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            }
        }
    }

    /** A daemon thread that works on the jobs it is given. */
    private static final class Worker extends Thread {

        private final AtomicReference<Job> job = new AtomicReference<>();
        private final int index;   // its own chunk of each job

        Worker(int index) {
            super("dl-cpu-" + index);
            this.index = index;
            setDaemon(true);
        }

        void give(Job work) {
            job.set(work);
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                waitForWork().work(index);   // a job that the caller finished alone has no chunk left to take
            }
        }

        private Job waitForWork() {
            long idleSince = System.nanoTime();
            Job work;
            while ((work = job.getAndSet(null)) == null) {
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
