package dl.train;

import static dl.optim.Optimizers.adam;
import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.data.Batch;
import dl.data.CourseData;
import dl.data.DataLoader;
import dl.data.Dataset;
import dl.nn.Layer;
import dl.nn.Net;
import dl.nn.loss.Losses;
import dl.optim.Optimizer;
import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A tensor that escapes a training step, kept by a listener, a layer's field or a student's variable, keeps its
 * own numbers: no later step is given its memory. Not run on the reference device, which reuses no memory.
 */
@DisabledIfSystemProperty(named = "dl.device", matches = "reference", disabledReason = "the CPU backend's step memory")
class EscapingTensorTest {

    private static Net model() {
        return net(input(1, 48, 48)).conv(3, 4).relu().pool(2).batchNorm().flatten().dense(8).relu().dense(2)
                .seed(3);
    }

    @Test
    void whatAListenerKeepsIsNotReused() {
        Dataset data = CourseData.standIn(96).reshaped(1, 48, 48);
        Net model = model();
        Tensor sample = data.batch(new int[] {0, 1}).inputs();
        List<Tensor> kept = new java.util.ArrayList<>();
        List<float[]> copies = new java.util.ArrayList<>();
        model.fit(data, epochs(3).batch(32).optimizer(adam(1e-2)).quiet().listener(new TrainingListener() {
            @Override
            public void onBatch(Progress progress) {
                Tensor activations = model.forward(sample);   // what a student might keep to plot later
                kept.add(activations);
                copies.add(activations.toFloatArray());
            }
        }));
        for (int i = 0; i < kept.size(); i++) {
            assertArrayEquals(copies.get(i), kept.get(i).toFloatArray(), 0f, "kept after batch " + (i + 1));
        }
    }

    @Test
    void fitEndsWithTheWeightsOfTheSameStepsByHand() {
        Dataset data = CourseData.standIn(96).reshaped(1, 48, 48);
        Net fitted = model();
        fitted.fit(data, epochs(2).batch(32).optimizer(adam(1e-2)).seed(5).quiet());

        Net byHand = model();   // the same steps without fit, so every array is new
        Optimizer optimizer = adam(1e-2).bind(byHand.parameters());
        DataLoader loader = new DataLoader(data, 32, true, 5);
        for (int epoch = 0; epoch < 2; epoch++) {
            byHand.train();
            int b = 0;
            for (int[] indices : loader.epoch(epoch)) {
                Batch batch = loader.batch(epoch, b++, indices);
                Losses.crossEntropy().apply(byHand.forward(batch.inputs()), batch.targets()).backward();
                optimizer.step();
                optimizer.zeroGrad();
            }
        }
        byHand.eval();
        List<Tensor> a = fitted.parameters(), b = byHand.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.get(i).toFloatArray(), a.get(i).toFloatArray(), 0f, "parameter " + i);
        }
        var running = byHand.state();
        fitted.state().forEach((name, t) -> assertArrayEquals(running.get(name).toFloatArray(), t.toFloatArray(), 0f,
                name));
    }

    /** A layer a student might write: it keeps its input, and in the next step reads the one it kept. */
    private static final class KeepLastInput extends Layer {

        Tensor last;
        float[] lastAsSeen;
        int stepsChecked;

        @Override
        public String kind() {
            return "keepLastInput";
        }

        @Override
        protected int[] outputShapeFor(int[] input) {
            return input;
        }

        @Override
        public Tensor forward(Tensor x) {
            if (training && last != null) {
                assertArrayEquals(lastAsSeen, last.toFloatArray(), 0f, "the input kept from the step before");
                stepsChecked++;
            }
            if (training) {
                last = x;
                lastAsSeen = x.toFloatArray();
            }
            return x;
        }
    }

    @Test
    void aLayerReadsTheInputItKeptFromTheStepBefore() {
        KeepLastInput keep = new KeepLastInput();
        Net model = net(input(1, 48, 48)).conv(3, 4).relu().add(keep).flatten().dense(2).seed(3);
        model.fit(CourseData.standIn(96).reshaped(1, 48, 48), epochs(2).batch(32).quiet());
        assertEquals(5, keep.stepsChecked, "two epochs of three batches: every step but the first checks");
    }

    /** A layer a student might write to look at what flows through the network: it keeps its last input. */
    private static final class KeepInput extends Layer {

        private final boolean copy;
        Tensor kept;
        float[] seen;

        KeepInput(boolean copy) {
            this.copy = copy;
        }

        @Override
        public String kind() {
            return "keepInput";
        }

        @Override
        protected int[] outputShapeFor(int[] input) {
            return input;
        }

        @Override
        public Tensor forward(Tensor x) {
            kept = copy ? x.copy() : x;
            seen = x.toFloatArray();
            return x;
        }
    }

    @Test
    void aTensorKeptFromInsideFitKeepsItsNumbers() {
        KeepInput keep = new KeepInput(false);
        Net model = net(input(1, 48, 48)).flatten().add(keep).dense(2).seed(3);
        model.fit(CourseData.standIn(96).reshaped(1, 48, 48), epochs(1).batch(32).quiet());
        assertArrayEquals(keep.seen, keep.kept.toFloatArray(), 0f, "the last batch, as the layer saw it");
    }

    @Test
    void aCopyKeptFromInsideFitKeepsItsNumbers() {
        KeepInput keep = new KeepInput(true);
        Net model = net(input(1, 48, 48)).flatten().add(keep).dense(2).seed(3);
        model.fit(CourseData.standIn(96).reshaped(1, 48, 48), epochs(1).batch(32).quiet());
        assertArrayEquals(keep.seen, keep.kept.toFloatArray(), 0f, "the last batch, as the layer saw it");
    }

    /** Keeps the first batch it sees in evaluation mode: the validation pass of a fit's first epoch. */
    private static final class KeepFirstValidation extends Layer {

        Tensor kept;

        @Override
        public String kind() {
            return "keepFirstValidation";
        }

        @Override
        protected int[] outputShapeFor(int[] input) {
            return input;
        }

        @Override
        public Tensor forward(Tensor x) {
            if (!training && kept == null && x.size(0) > 1) {   // fit's check before the first step runs one example
                kept = x;
            }
            return x;
        }
    }

    @Test
    void whatALayerKeepsFromTheValidationPassKeepsItsNumbers() {
        KeepFirstValidation keep = new KeepFirstValidation();
        Net model = net(input(1, 48, 48)).flatten().add(keep).dense(2).seed(3);
        Dataset data = CourseData.standIn(96).reshaped(1, 48, 48);
        model.fit(data, epochs(2).batch(32).validation(data.take(40)).quiet());
        assertEquals(40 * 2304, keep.kept.toFloatArray().length);
    }
}
