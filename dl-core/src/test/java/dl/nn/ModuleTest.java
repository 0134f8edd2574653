package dl.nn;

import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.nn.loss.Losses.crossEntropy;
import static dl.optim.Optimizers.adam;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.data.ToySets;
import dl.optim.Optimizer;
import dl.tensor.Tensor;
import dl.train.Checkpoint;
import dl.train.History;
import dl.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model written by hand, as {@link Module}'s Javadoc shows, trains, evaluates, summarizes and checkpoints. */
class ModuleTest {

    /** Two nets side by side on the same input, their outputs added; the left one drops out half its units. */
    static final class TwoTowers implements Module {
        final Net left = net(input(2)).dense(16).tanh().dropout(0.5).dense(2).seed(1);
        final Net right = net(input(2)).dense(2).seed(2);

        @Override
        public Tensor forward(Tensor x) {
            return left.forward(x).add(right.forward(x));
        }

        @Override
        public List<Tensor> parameters() {
            List<Tensor> both = new ArrayList<>(left.parameters());
            both.addAll(right.parameters());
            return both;
        }

        @Override
        public Module train() {
            left.train();
            right.train();
            return this;
        }

        @Override
        public Module eval() {
            left.eval();
            right.eval();
            return this;
        }
    }

    @TempDir
    Path folder;

    @Test
    void aHandWrittenModuleTrainsAndEvaluates() {
        Dataset train = ToySets.circles(400, 0.1, 1), test = ToySets.circles(200, 0.1, 2);   // no line separates them
        TwoTowers towers = new TwoTowers();

        History history = towers.fit(train, epochs(30).batch(32).optimizer(adam(0.03)).validation(test).quiet());
        Trainer.Evaluation evaluation = towers.evaluate(test, crossEntropy());

        assertTrue(history.last().loss() < history.epochs().get(0).loss(), history.toString());
        assertTrue(evaluation.accuracy() > 0.85, "well above chance (1 in 2): " + evaluation);
        assertEquals(evaluation.loss(), towers.evaluate(test, crossEntropy()).loss(),
                "evaluation mode reaches the towers: dropout is off, the same data gives the same loss");
        assertEquals(history.last().validationLoss(), evaluation.loss(), 1e-6);
    }

    @Test
    void itsSummaryListsItsParameters() {
        Summary summary = new TwoTowers().summary();

        assertEquals(6, summary.rows().size(), "the left net's two weights and biases, then the right's");
        assertEquals("0", summary.rows().get(0).layer());
        assertArrayEquals(new int[] {2, 16}, summary.rows().get(0).outputShape());
        assertEquals("2*16", summary.rows().get(0).arithmetic());
        assertEquals(2 * 16 + 16 + 16 * 2 + 2 + 2 * 2 + 2, summary.trainable());
        assertTrue(summary.toString().startsWith("#  parameter  shape"), summary.toString());
        assertTrue(summary.toString().endsWith("Memory: weights " + 4 * 88 + " B"), "4 bytes a number: " + summary);
    }

    @Test
    void aCheckpointRestoresItInAnotherInstance() {
        Dataset train = ToySets.circles(100, 0.1, 1);
        TwoTowers towers = new TwoTowers();
        Optimizer optimizer = adam(0.03);
        towers.fit(train, epochs(2).batch(25).optimizer(optimizer).quiet());
        Path file = folder.resolve("towers.ckpt");
        Checkpoint.save(file, towers.state(), optimizer.state());

        TwoTowers restored = new TwoTowers();
        Map<String, float[]> optimizerState = new HashMap<>();
        Checkpoint.load(file, restored.state(), optimizerState);

        assertEquals(towers.evaluate(train, crossEntropy()).loss(), restored.evaluate(train, crossEntropy()).loss());
        assertEquals(8f, optimizerState.get("t")[0], "2 epochs of 4 steps");
    }
}
