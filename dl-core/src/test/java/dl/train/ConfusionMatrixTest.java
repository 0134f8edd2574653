package dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.nn.Net;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void oneCallFromAModelAndItsTestData() {
        Net model = PredictionTest.trained(PredictionTest.shades(30, 1));
        Dataset test = PredictionTest.shades(400, 5);   // 1200 examples: more than one batch of 1000

        ConfusionMatrix m = ConfusionMatrix.of(model, test);
        int[] all = IntStream.range(0, test.size()).toArray();
        int[] predicted = Metrics.predictions(model.outputs(test.batch(all).inputs()));
        assertArrayEquals(ConfusionMatrix.of(predicted, test.labels(), 3).counts(), m.counts(), "every example, once");
        assertEquals(PredictionTest.SHADES, m.names(), "the data's class names");
        assertTrue(m.toString().contains("stripes"), m.toString());
        assertArrayEquals(m.counts(), model.confusionMatrix(test).counts(), "the same, asked of the model");
    }
}
