package dl.viz;

import static dl.optim.Optimizers.adam;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.data.ToySets;
import dl.nn.Net;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DecisionBoundaryTest {

    @Test
    void colorsThePlaneByThePredictedClass() {
        Dataset circles = ToySets.circles(200, 0.05, 3);
        Net model = net(input(2)).dense(16).tanh().dense(2).seed(2);
        model.fit(circles, epochs(60).batch(20).optimizer(adam(0.05)).quiet());
        BufferedImage picture = DecisionBoundary.of(model, circles);
        assertEquals(DecisionBoundary.SIZE, picture.getWidth());
        int inside = picture.getRGB(DecisionBoundary.SIZE / 2, DecisionBoundary.SIZE / 2);
        int corner = picture.getRGB(3, 3);
        assertTrue(inside != corner, "the middle of the circles and the corner are different classes");
        int[] pale = {DecisionBoundary.pale(Charts.PALETTE[0]).getRGB(), DecisionBoundary.pale(Charts.PALETTE[1]).getRGB()};
        assertTrue((corner == pale[0] || corner == pale[1]) && (inside == pale[0] || inside == pale[1]));
    }
}
