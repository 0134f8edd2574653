package dl.train;

import static dl.optim.Optimizers.adam;
import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PredictionTest {

    static final List<String> SHADES = List.of("dark", "bright", "stripes");

    /** {@code n} noisy 6x6 grey pictures of each shade: dark, bright, and bright rows between dark ones. */
    static Dataset shades(int n, long seed) {
        Random rng = new Random(seed);
        float[] pixels = new float[3 * n * 36];
        int[] labels = new int[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 36; p++) {
                float clean = labels[i] == 0 ? 0.1f : labels[i] == 1 ? 0.9f : (p / 6) % 2 == 0 ? 0.9f : 0.1f;
                pixels[i * 36 + p] = clean + 0.1f * (float) rng.nextGaussian();
            }
        }
        return Dataset.of(pixels, new int[] {1, 6, 6}, labels, SHADES);
    }

    /** Picture {@code i} of {@code data}, {@code [1, 6, 6]}, as Images.read gives one. */
    static Tensor picture(Dataset data, int i) {
        return Tensor.of(Arrays.copyOfRange(data.inputs(), i * 36, (i + 1) * 36), 1, 6, 6);
    }

    static Net trained(Dataset data) {
        Net model = net(input(1, 6, 6)).flatten().dense(8).relu().dense(3).seed(0);
        model.fit(data, epochs(10).batch(10).optimizer(adam(0.01)).seed(0).quiet());
        return model;
    }

    @Test
    void oneImageGetsTheNameOfItsClassAndProbabilitiesThatSumToOne() {
        Net model = trained(shades(30, 1));
        Dataset test = shades(5, 2);

        var answer = model.predict(picture(test, 2));   // a striped picture
        assertEquals("stripes", answer.className());
        assertEquals(2, answer.label());
        Table table = answer.probabilities();
        assertEquals(List.of("stripes"), table.stringColumn("class").asList().subList(0, 1), "most probable first");
        assertEquals(1.0, table.doubleColumn("probability").sum(), 1e-5);
        assertEquals(answer.probability(), table.doubleColumn("probability").get(0), 0);
        assertTrue(answer.probability() > 0.5, answer.toString());
        assertTrue(answer.toString().startsWith("stripes ("), answer.toString());
        assertArrayEquals(new int[] {3}, answer.outputs().shape(), "one example in, one row of outputs out");
    }

    @Test
    void theProbabilitiesAreTheSoftmaxOfTheOutputs() {
        Net model = net(input(2)).dense(3).seed(4);
        var answer = model.predict(Tensor.of(new float[] {0.5f, -2}, 2));
        float[] y = answer.outputs().toFloatArray();
        double sum = Math.exp(y[0]) + Math.exp(y[1]) + Math.exp(y[2]);
        Table table = answer.probabilities();
        for (int row = 0; row < 3; row++) {
            int c = Integer.parseInt(table.stringColumn("class").get(row));
            assertEquals(Math.exp(y[c]) / sum, table.doubleColumn("probability").get(row), 1e-6, "p_i = e^y_i / sum");
        }
    }

    @Test
    void aModelEndingInSoftmaxOrLogSoftmaxIsNotSoftmaxedTwice() {
        Tensor x = Tensor.of(new float[] {1, -1, 3}, 3);
        double plain = net(input(3)).dense(4).seed(7).predict(x).probability();
        assertEquals(plain, net(input(3)).dense(4).softmax().seed(7).predict(x).probability(), 1e-6);
        assertEquals(plain, net(input(3)).dense(4).logSoftmax().seed(7).predict(x).probability(), 1e-6);
    }

    @Test
    void aBatchGetsOneClassPerExample() {
        Net model = trained(shades(30, 1));
        Dataset test = shades(4, 3);
        Tensor x = test.batch(new int[] {0, 1, 2, 3, 4, 5}).inputs();

        var answers = model.predict(x);
        assertEquals(6, answers.size());
        assertArrayEquals(Metrics.predictions(model.outputs(x)), answers.labels(), "the most probable classes");
        assertEquals(List.of("dark", "bright", "stripes", "dark", "bright", "stripes"), answers.classNames());
        assertEquals("bright", answers.get(4).className());
        var oneOfMany = assertThrows(IllegalStateException.class, answers::className);
        assertEquals("className: this prediction holds 6 examples; ask for one with get(i).className(), or for all"
                + " with classNames() or labels()", oneOfMany.getMessage());
    }

    @Test
    void aModelNeverFitNamesItsClassesByNumberUntilTold() {
        Net model = net(input(2)).dense(3);
        Tensor x = Tensor.of(new float[] {1, 2}, 2);
        assertEquals(List.of("0", "1", "2"), model.classNames());
        String byNumber = model.predict(x).className();
        model.classNames(List.of("cat", "dog", "bird"));
        assertEquals(List.of("cat", "dog", "bird").get(Integer.parseInt(byNumber)), model.predict(x).className());

        var wrongCount = assertThrows(IllegalArgumentException.class, () -> model.classNames(List.of("cat", "dog")));
        assertEquals("classNames: the model gives [3] outputs per example, but 2 names were given [cat, dog]; give"
                + " one name per output, in label order", wrongCount.getMessage());
    }

    @Test
    void aPictureOfTheWrongShapeIsRefusedWithTheReshapeThatFits() {
        Net model = net(input(1, 6, 6)).flatten().dense(3);
        var e = assertThrows(IllegalArgumentException.class, () -> model.predict(Tensor.zeros(6, 6)));
        assertEquals("predict: expects one example [1, 6, 6] or a batch [N, 1, 6, 6], got [6, 6]; reshape it with"
                + " x.reshape(1, 6, 6)", e.getMessage());
    }

    @Test
    void aModelThatPredictsNumbersIsSentToOutputs() {
        Net regression = net(input(2)).dense(1);
        var e = assertThrows(IllegalArgumentException.class, () -> regression.predict(Tensor.of(new float[] {1, 2}, 2)));
        assertEquals("predict: the model gives [1] outputs per example, not a score for each of 2 or more classes;"
                + " for a model that predicts numbers, use model.outputs(x)", e.getMessage());
    }
}
