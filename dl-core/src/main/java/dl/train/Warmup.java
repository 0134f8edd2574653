package dl.train;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.adam;
import static dl.optim.Optimizers.momentum;

import dl.Dsl;
import dl.data.Dataset;
import dl.nn.Net;
import dl.optim.Optimizer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Gets the JVM ready to train before the first real {@code fit}. The JVM runs new code slowly at first and compiles
 * what runs often into fast machine code as it goes: about a thousand training steps pass before a network's step
 * runs at full speed, longer than a small MLP's first epoch on Fashion-MNIST (938 steps), which is therefore slower
 * than its second. PyTorch ships its kernels compiled and needs no such start.
 *
 * <p>{@link #run} trains a throwaway MLP on random images for a thousand steps with momentum, so that what every
 * network's step runs (the batches, dense layers, activations, the loss, the optimizer, the training loop) is
 * compiled before a student's own network trains; then a small CNN with Adam for a few hundred steps, so that
 * convolutions (5x5 ones as LeNet-5's, on one channel and on several, and 3x3 ones), pooling and the course's other
 * usual optimizer are compiled too before a student's first CNN; then the MLP again until the compiler has caught up
 * (see {@link #trainUntilCompiled}).
 *
 * <p>The start-up script of the notebook kernel and of {@code ./dl jshell} calls {@link #inBackground}, so this
 * happens while the student reads the first cells; {@code ./dl bench train} calls {@link #run} before its clock
 * starts and prints how long it took. Nothing is shared with the student's models: their weights, their random
 * numbers and their results are the same with or without a warm-up.
 */
public final class Warmup {

    /** Enough for the JIT's last compilations to land: after them an MLP's first epoch is as fast as its second. */
    static final int STEPS = 1000;
    /** A CNN's step is longer and its kernels loop more: fewer steps get them compiled. */
    static final int CNN_STEPS = 200;
    /** The last MLP steps end once the JIT compiler has finished nothing for this long, */
    static final long QUIET_MILLIS = 100;
    /** or after this long: in a notebook the student's own cells may keep the compiler busy. */
    static final long TAIL_MILLIS = 3000;

    private static final int BATCH = 64;
    /** The kernel's start and its first cell go first: they need both cores, the warm-up can wait that long. */
    static final long PAUSE_MILLIS = 1000;

    private static final int ROUND = 8;   // batches between two looks at giveWay
    private static final AtomicBoolean started = new AtomicBoolean();

    private Warmup() {
    }

    /** Warms up on this thread and returns the seconds it took. */
    public static double run() {
        long start = System.nanoTime();
        warmUp(() -> false);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Warms up on a daemon thread, once per JVM, after a pause of {@link #PAUSE_MILLIS}. It gives way as soon as a
     * real training starts: from then on that training warms the JVM up itself, and the two would only share the
     * cores. In the notebooks' quick mode ({@code DL_QUICK=1}, how the tests run them) it does nothing: there every
     * fit is short, nobody waits on a full epoch, and the cores are better spent on the cells.
     */
    public static void inBackground() {
        if (Dsl.isQuick() || !started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            warmUp(Interrupt::trainingRunning);
        }, "dl-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Trains an MLP, then a CNN, in rounds of {@link #ROUND} batches; stops early when {@code giveWay} says so, and
     * returns the steps done.
     */
    static int warmUp(BooleanSupplier giveWay) {
        // Not a whole number of batches, as a real data set (60,000 images are 937 batches of 64 and one of 32): code
        // compiled without ever seeing a short last batch would be thrown away at the end of a student's first epoch.
        Dataset images = randomImages(ROUND * BATCH - BATCH / 2);
        // Widths that are no multiple of a vector's lanes: the one picture fit checks first ends in each kernel's tail
        // loop, and a loop the JIT has never seen run would cost the student's first fit a recompilation.
        Net mlp = net(input(1, 28, 28)).flatten().dense(50).sigmoid().dense(30).relu().dense(10);
        // The same for the CNN: its third layer's 20 filters and 6x6 planes (36 numbers) end in the tail loops of the
        // weight gradient's kernels, after their vector loops. Its last, 64 filters on 20 channels with the ReLU before
        // it in its op, is computed by Winograd's F(4, 3), as the course's deeper layers are.
        Net cnn = net(input(1, 28, 28)).conv(5, 6).pad(2).relu().pool(2).conv(5, 8).pad(1).relu().pool(2)
                .conv(3, 20).pad(1).relu().conv(3, 64).pad(1).relu().flatten().dense(10);
        int done = train(mlp, images, STEPS, momentum(0.01, 0.9), giveWay);
        done += train(cnn, images, CNN_STEPS, adam(1e-3), giveWay);
        done += trainUntilCompiled(mlp, images, giveWay);
        if (!giveWay.getAsBoolean()) {
            // The throwaway trainings leave garbage in the old generation, which only a full collection frees: freed
            // now, the student's data set takes its place instead of growing the heap by as much.
            System.gc();
        }
        return done;
    }

    private static int train(Net model, Dataset images, int steps, Optimizer optimizer, BooleanSupplier giveWay) {
        Fit config = Fit.epochs(1).batch(BATCH).optimizer(optimizer).quiet();
        int done = 0;
        for (; done < steps && !giveWay.getAsBoolean(); done += ROUND) {
            Trainer.train(model, images, config.seed(done));
        }
        return done;
    }

    /**
     * Trains the MLP again, round after round, until the JIT compiler has finished nothing for {@link #QUIET_MILLIS}
     * (at most {@link #TAIL_MILLIS}). While its queue is long, HotSpot puts off compiling the methods that run only
     * once or a few times a step (the training loop, backpropagation, each op's bookkeeping): they keep running their
     * slower first compilation until they run again once the queue is empty. Without these steps, that was in the
     * student's first epoch.
     */
    private static int trainUntilCompiled(Net mlp, Dataset images, BooleanSupplier giveWay) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime(), quietSince = start, compiling = jit.getTotalCompilationTime();
        long quiet = QUIET_MILLIS * 1_000_000, longest = TAIL_MILLIS * 1_000_000;
        int done = 0;
        while (System.nanoTime() - quietSince < quiet && System.nanoTime() - start < longest) {
            int steps = train(mlp, images, ROUND, momentum(0.01, 0.9), giveWay);
            if (steps == 0) {
                break;
            }
            done += steps;
            long compiled = jit.getTotalCompilationTime();   // grows as each compilation ends
            if (compiled != compiling) {
                compiling = compiled;
                quietSince = System.nanoTime();
            }
        }
        return done;
    }

    private static Dataset randomImages(int n) {
        Random rng = new Random(n);
        float[] pixels = new float[n * 28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
        }
        return Dataset.of(pixels, new int[] {1, 28, 28}, labels, 10);
    }
}
