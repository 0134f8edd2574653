package dl.train;

import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.adam;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.data.Dataset;
import dl.nn.Net;
import dl.optim.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * One {@code Fit} config used for several fits: its optimizer's state belongs to the model it trains. Another model
 * starts from a fresh state; the same model goes on from where its last fit stopped.
 */
class FitReuseTest {

    private final Dataset data = TrainerTest.circles(64, 1);

    @Test
    void aConfigTrainsASecondModelOfAnotherShape() {
        Fit config = epochs(1).batch(16).optimizer(adam(0.01)).quiet();
        net(input(2)).dense(8).relu().dense(2).seed(1).fit(data, config);

        History second = net(input(2)).dense(4).relu().dense(2).seed(2).fit(data, config);

        History alone = net(input(2)).dense(4).relu().dense(2).seed(2)
                .fit(data, epochs(1).batch(16).optimizer(adam(0.01)).quiet());
        assertEquals(alone.stepLosses(), second.stepLosses(), "as if the config were new");
    }

    @Test
    void aSecondModelOfTheSameShapeDoesNotInheritTheFirstsMoments() {
        Fit config = epochs(2).batch(16).optimizer(adam(0.01)).quiet();
        History first = twin().fit(data, config);
        History second = twin().fit(data, config);
        assertEquals(first.stepLosses(), second.stepLosses(), "the same start, so the same run");
    }

    @Test
    void aSecondFitOfTheSameModelGoesOn() {
        Optimizer adam = adam(0.01);
        Fit config = epochs(1).batch(16).optimizer(adam).quiet();
        Net model = twin();
        model.fit(data, config);
        model.fit(data, config);
        assertEquals(2 * 4, adam.state().get("t")[0], "4 steps of 16 per fit: the second continues the count");
    }

    private static Net twin() {
        return net(input(2)).dense(8).tanh().dense(2).seed(3);
    }
}
