package dl.train;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.adam;
import static dl.optim.Optimizers.momentum;
import static dl.optim.Optimizers.sgd;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dl.backend.Device;
import dl.data.Batch;
import dl.data.DataLoader;
import dl.data.Dataset;
import dl.nn.Net;
import dl.nn.loss.Losses;
import dl.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Points in the plane, class 1 inside the unit circle. */
    static Dataset circles(int n, long seed) {
        Random rng = new Random(seed);
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = rng.nextFloat() * 4 - 2;
            xy[2 * i + 1] = rng.nextFloat() * 4 - 2;
            labels[i] = xy[2 * i] * xy[2 * i] + xy[2 * i + 1] * xy[2 * i + 1] < 1.5 ? 1 : 0;
        }
        return Dataset.of(xy, new int[] {2}, labels, 2);
    }

    static Net model() {
        return net(input(2)).dense(16).tanh().dense(2).seed(3);
    }

    @Test
    void fitLearnsAndReportsEachEpoch() {
        Dataset train = circles(400, 1), test = circles(200, 2);
        History history = model().fit(train, epochs(30).batch(32).optimizer(adam(0.03)).validation(test).quiet());
        assertEquals(30, history.epochs().size());
        assertEquals(30 * 13, history.stepLosses().size(), "13 batches of 32 per epoch, the last one short");
        assertTrue(history.last().loss() < history.epochs().get(0).loss() / 2, history.toString());
        assertTrue(history.last().validationAccuracy() > 0.9, history.toString());
        assertEquals(30, history.table().rowCount());
    }

    @Test
    void theSameSeedsRepeatARunExactly() {
        Dataset train = circles(100, 1);
        History a = model().fit(train, epochs(2).batch(10).quiet());
        History b = model().fit(train, epochs(2).batch(10).quiet());
        assertEquals(a.stepLosses(), b.stepLosses());
    }

    @Test
    void aDivergingRunStopsAndSaysWhere() {
        Net linear = net(input(2)).dense(8).dense(2).seed(0);   // nothing saturates: the weights grow without end
        var e = assertThrows(TrainingDiverged.class,
                () -> linear.fit(circles(100, 1), epochs(50).batch(10).optimizer(sgd(100f)).quiet()));
        assertTrue(e.getMessage().startsWith("training diverged: the loss"), e.getMessage());
        assertTrue(e.getMessage().contains("Try a lower learning rate than 100.0"), e.getMessage());
    }

    @Test
    void cancellingStopsAtTheNextBatchAndKeepsTheModel() {
        AtomicBoolean cancel = new AtomicBoolean();
        Net model = model();
        TrainingListener stopAfterThree = new TrainingListener() {
            @Override
            public void onBatch(Progress p) {
                if (p.batch() == 3) {
                    cancel.set(true);
                }
            }
        };
        History history = model.fit(circles(100, 1), epochs(5).batch(10).listener(stopAfterThree).cancel(cancel)
                .quiet());
        assertEquals("interrupted", history.stoppedBecause());
        assertEquals(3, history.stepLosses().size());
        assertArrayEquals(new int[] {4, 2}, model.outputs(dl.tensor.Tensor.zeros(4, 2)).shape());
    }

    /**
     * The first batch of an epoch also pays for the JIT's warm-up, so the time left is estimated from the second
     * batch on: the first progress line has none, the others a finite one.
     */
    @Test
    void theTimeLeftIsEstimatedFromTheSecondBatchOn() {
        java.util.List<Progress> seen = new java.util.ArrayList<>();
        TrainingListener keep = new TrainingListener() {
            @Override
            public void onBatch(Progress p) {
                seen.add(p);
            }
        };
        model().fit(circles(100, 1), epochs(1).batch(10).listener(keep).quiet());
        assertTrue(Double.isNaN(seen.get(0).secondsLeft()));
        assertTrue(!seen.get(0).line().contains("left"), seen.get(0).line());
        for (Progress p : seen.subList(1, seen.size())) {
            assertTrue(p.secondsLeft() >= 0 && Double.isFinite(p.secondsLeft()), p.line());
        }
        assertTrue(seen.get(5).line().endsWith(" s left"), seen.get(5).line());
    }

    @Test
    void aCheckpointAfterEachEpochResumesTraining(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("circles.ckpt");
        Dataset train = circles(100, 1);
        dl.optim.Optimizer optimizer = adam(0.03);
        Net model = model();
        model.fit(train, epochs(2).batch(10).optimizer(optimizer).checkpoint(file).quiet());
        Net resumed = model();
        java.util.Map<String, float[]> state = new java.util.HashMap<>();
        Checkpoint.load(file, resumed.state(), state);
        assertEquals(model.evaluate(train).loss(), resumed.evaluate(train).loss(), 1e-7);
        assertEquals(20f, state.get("t")[0], "the optimizer's step count came back too");
    }

    @Test
    void aNetsCheckpointIsAModelFileThatNetLoadResumes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("circles.model");
        Dataset train = circles(100, 1);
        Net model = model();
        model.fit(train, epochs(2).batch(10).optimizer(momentum(0.03, 0.9)).checkpoint(file).quiet());
        Net resumed = Net.load(file);
        assertEquals(model.evaluate(train).loss(), resumed.evaluate(train).loss(), 1e-7);
        resumed.fit(train, epochs(1).batch(10).optimizer(momentum(0.03, 0.9)).quiet());
        assertEquals(30f, resumed.lastOptimizer().state().get("t")[0], "the step count goes on from the saved 20");
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        // a tiny training set and a model that can memorise it: validation loss turns up
        Dataset train = circles(12, 1), validation = circles(200, 2);
        Net model = net(input(2)).dense(64).relu().dense(64).relu().dense(2).seed(1);
        History history = model.fit(train, epochs(300).batch(12).optimizer(adam(0.05)).validation(validation)
                .earlyStopping(5).quiet());
        assertEquals("early stopping", history.stoppedBecause());
        int best = history.bestEpoch();
        assertEquals(best + 5, history.epochs().size(), "stopped 5 epochs after the best");
        double bestLoss = history.epochs().get(best - 1).validationLoss();
        assertEquals(bestLoss, model.evaluate(validation).loss(), 1e-5, "the best epoch's weights are back");
    }

    @Test
    void aGradientLeftBeforeFitDoesNotEnterTheFirstStep() {
        Dataset train = circles(100, 1);
        Net clean = model(), stale = model();
        Batch batch = train.batch(new int[] {0, 1, 2, 3});
        Losses.crossEntropy().apply(stale.forward(batch.inputs()), batch.targets()).backward();   // the student's own
        clean.fit(train, epochs(1).batch(10).quiet());
        stale.fit(train, epochs(1).batch(10).quiet());
        assertArrayEquals(weights(clean), weights(stale), "the gradient of before fit is not part of its first step");
    }

    private static float[] weights(Net model) {
        return model.parameters().stream().map(Tensor::toFloatArray).reduce(new float[0], (a, b) -> {
            float[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        });
    }

    /** nn1's perceptron: float label pairs and summed squared error, trained in batches of 256. */
    @Test
    void aSummedLossIsReportedPerExampleForTrainingAndValidationAlike() {
        Dataset points = circles(600, 1);
        float[] pairs = new float[2 * points.size()];
        for (int i = 0; i < points.size(); i++) {
            pairs[2 * i + points.label(i)] = 1;
        }
        Dataset data = Dataset.classTargets(points.inputs(), new int[] {2}, pairs, 2);
        Net perceptron = net(input(2)).dense(2).sigmoid().seed(0);
        // the weights hardly move, so training and validation on the same data must report the same loss
        History history = perceptron.fit(data, epochs(1).batch(256).loss(Losses.sumSquaredError())
                .optimizer(sgd(1e-9)).validation(data).quiet());
        Batch all = data.batch();
        double perExample = Losses.sumSquaredError().apply(perceptron.outputs(all.inputs()), all.targets()).item()
                / data.size();
        assertEquals(perExample, history.last().validationLoss(), 1e-5 * perExample);
        assertEquals(perExample, history.last().loss(), 1e-4 * perExample);
        assertEquals("sse per example", history.lossScale());
        assertTrue(history.toString().contains("loss, val_loss: sse per example"), history.toString());
        assertTrue(history.last().line(history.lossScale()).matches(
                "epoch 1: loss \\S+  accuracy \\S+%  validation loss \\S+ accuracy \\S+%  \\(sse per example, \\S+ s\\)"),
                history.last().line(history.lossScale()));
    }

    @Test
    void aWideCnnIsEvaluatedInBatchesWhoseActivationsFitInMemory() {
        assertEquals(1000, Trainer.evaluationBatch(model()), "a small network: a thousand examples at a time");
        Net nn4 = dl.zoo.Models.nn4();
        int batch = Trainer.evaluationBatch(nn4);
        assertTrue(batch < 1000 && batch * nn4.summary().activationBytes() <= Trainer.EVALUATION_BYTES,
                batch + " examples of " + nn4.summary().activationBytes() + " bytes");
    }

    /** {@code n} random inputs of {@code size} numbers in ten classes. */
    private static Dataset noise(int n, int size, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
        }
        return Dataset.of(x, new int[] {size}, labels, 10);
    }

    @Test
    void evaluationScoresWhatTheBatchesOutputOneByOne() {
        Net model = net(input(100)).dense(200).relu().dense(10).seed(1);
        int batch = Trainer.evaluationBatch(model);
        Dataset data = noise(3 * batch + 7, 100, 4);
        double lossSum = 0;
        int correct = 0;
        for (int[] indices : new DataLoader(data, batch, false, 0).epoch(0)) {
            Batch b = data.batch(indices);
            Tensor output = model.outputs(b.inputs());
            lossSum += Losses.crossEntropy().apply(output, b.targets()).item() * b.size();
            correct += Metrics.correct(output, b.labels());
        }
        Trainer.Evaluation scored = model.evaluate(data);   // each batch in the arrays of the one before
        assertEquals(lossSum / data.size(), scored.loss(), "the same sum, bit for bit");
        assertEquals((double) correct / data.size(), scored.accuracy());
    }

    @Test
    void evaluationKeepsTheActivationsOfOneBatchNotOfEveryBatch() {
        assumeTrue(Device.current().equals(Device.cpu()), "the CPU backend reuses memory, the reference does not");
        Net model = net(input(100)).dense(200).relu().dense(10).seed(1);
        int batch = Trainer.evaluationBatch(model);
        Dataset data = noise(20 * batch + 7, 100, 4);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        model.evaluate(data);   // classes loaded, code compiled
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int[] indices : new DataLoader(data, batch, false, 0).epoch(0)) {   // fresh arrays for every batch
            Batch b = data.batch(indices);
            Losses.crossEntropy().apply(model.outputs(b.inputs()), b.targets()).item();
        }
        long oneByOne = threads.getCurrentThreadAllocatedBytes() - before;
        before = threads.getCurrentThreadAllocatedBytes();
        model.evaluate(data);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // compared with the same batches scored one by one, so that what else this JVM allocates cancels out
        long everyBatch = 21L * batch * (model.summary().activationBytes() + 4 * 100);
        assertTrue(oneByOne - allocated > everyBatch / 2, "evaluate allocated " + allocated + " bytes, the batches"
                + " one by one " + oneByOne + "; their inputs and activations take " + everyBatch);
    }

    @Test
    void aSecondFitOfAModelThatIsTrainingIsRefused() {
        Net model = model();
        Dataset train = circles(100, 1);
        AtomicReference<Throwable> second = new AtomicReference<>();
        TrainingListener fitAgainOnAnotherThread = new TrainingListener() {
            @Override
            public void onBatch(Progress p) {
                if (p.epoch() == 1 && p.batch() == 1) {
                    Thread other = new Thread(() -> {
                        try {
                            model.fit(train, epochs(1).quiet());
                        } catch (RuntimeException e) {
                            second.set(e);
                        }
                    }, "second-fit");
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        History first = model.fit(train, epochs(2).batch(10).listener(fitAgainOnAnotherThread).quiet());
        assertEquals("finished", first.stoppedBecause());
        assertInstanceOf(IllegalStateException.class, second.get(), "the second fit was refused");
        assertTrue(second.get().getMessage().startsWith("fit: this model is already being trained, by a fit on"
                + " thread '" + Thread.currentThread().getName() + "'"), second.get().getMessage());
        assertEquals("finished", model.fit(train, epochs(1).quiet()).stoppedBecause(), "free again once it returned");
    }

    @Test
    void aStopRequestReachesOnlyTheFitsRunningWhenItIsMade() {
        Dataset train = circles(100, 1);
        try {
            Interrupt.request();   // no fit is running: nothing to stop
            assertFalse(Interrupt.requested());
            assertEquals("finished", model().fit(train, epochs(2).batch(10).quiet()).stoppedBecause());

            TrainingListener pressStop = new TrainingListener() {
                @Override
                public void onBatch(Progress p) {
                    if (p.batch() == 3) {
                        Interrupt.request();
                    }
                }
            };
            History stopped = model().fit(train, epochs(2).batch(10).listener(pressStop).quiet());
            assertEquals("interrupted", stopped.stoppedBecause());
            assertEquals(3, stopped.stepLosses().size());
            assertTrue(Interrupt.requested(), "the kernel learns that a fit was stopped");

            History next = model().fit(train, epochs(2).batch(10).quiet());
            assertEquals("finished", next.stoppedBecause(), "a later fit is not stopped by an old request");
            assertEquals(2, next.epochs().size());
        } finally {
            Interrupt.clear();
        }
    }
}
