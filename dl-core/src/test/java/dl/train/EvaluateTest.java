package dl.train;

import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.nn.loss.Losses.crossEntropy;
import static dl.nn.loss.Losses.sumSquaredError;
import static dl.optim.Optimizers.sgd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dl.data.Dataset;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code model.evaluate(data)} reports the loss the model was trained with, or the one it is given. */
class EvaluateTest {

    /** nn1's kind of data: two numbers in, a pair of float labels out, {@code [1, 0]} when the first is larger. */
    private static Dataset pairs(int n) {
        Random rng = new Random(5);
        float[] x = new float[2 * n], t = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = rng.nextFloat();
            x[2 * i + 1] = rng.nextFloat();
            boolean first = x[2 * i] > x[2 * i + 1];
            t[2 * i] = first ? 1 : 0;
            t[2 * i + 1] = first ? 0 : 1;
        }
        return Dataset.classTargets(x, new int[] {2}, t, 2);
    }

    @Test
    void aModelTrainedWithSummedSquaredErrorIsEvaluatedWithIt() {
        Dataset data = pairs(64);
        Net model = net(input(2)).dense(2).sigmoid().seed(1);
        model.fit(data, epochs(2).batch(16).loss(sumSquaredError()).optimizer(sgd(0.1)).quiet());

        Trainer.Evaluation evaluation = model.evaluate(data);

        Tensor y = model.outputs(data.batch(allOf(data)).inputs());
        Tensor d = y.sub(data.batch(allOf(data)).targets());
        assertEquals(d.mul(d).sum().item() / data.size(), evaluation.loss(), 1e-5, "sum_n (y - t)^2 / N");
        assertEquals("sse", evaluation.lossName());
        assertEquals(String.format(java.util.Locale.ROOT, "loss %.4f (sse per example), accuracy %.1f%%",
                evaluation.loss(), 100 * evaluation.accuracy()), evaluation.toString());
    }

    @Test
    void anotherLossCanBeAskedFor() {
        Dataset data = pairs(100);
        Net model = net(input(2)).dense(2).seed(1);
        assertEquals("cross-entropy", model.evaluate(data).lossName(), "before any fit: cross-entropy");
        model.fit(data, epochs(1).loss(sumSquaredError()).quiet());

        Trainer.Evaluation sse = model.evaluate(data);
        Trainer.Evaluation ce = model.evaluate(data, crossEntropy());

        assertEquals("sse", sse.lossName());
        assertEquals("cross-entropy", ce.lossName());
        assertNotEquals(sse.loss(), ce.loss());
        assertEquals(sse.accuracy(), ce.accuracy(), "the accuracy does not depend on the loss");
        assertEquals(String.format(java.util.Locale.ROOT, "loss %.4f (cross-entropy per example), accuracy %.1f%%",
                ce.loss(), 100 * ce.accuracy()), ce.toString());
    }

    private static int[] allOf(Dataset data) {
        return java.util.stream.IntStream.range(0, data.size()).toArray();
    }
}
