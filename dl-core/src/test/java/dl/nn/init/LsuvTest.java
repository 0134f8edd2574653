package dl.nn.init;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Layer;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LSUV brings each layer's output variance on a batch to 1. */
class LsuvTest {

    private final Tensor batch = Tensor.randn(new Random(11), 256, 30).mul(3);

    @Test
    void scaleOneLayer() {
        Tensor w = Initializers.lsuv().weight(new Random(2), new int[] {30, 40}, 30, 40);
        double before = batch.matmul(w).var().item();
        assertTrue(Math.abs(before - 1) > 1, "the batch has variance 9, so the output too: " + before);
        double after = Lsuv.scale(w, x -> x.matmul(w), batch, 0.01, 10);
        assertEquals(1, after, 0.01);
        assertEquals(1, batch.matmul(w).var().item(), 0.01);
    }

    @Test
    void initEveryLayerOfANet() {
        Net model = net(input(30)).init(Initializers.lsuv()).dense(50).relu().dense(20).relu().dense(5);
        Lsuv.init(model, batch);
        Tensor x = batch;
        for (Layer layer : model.layers()) {
            x = layer.forward(x);
            if (layer.parameters().containsKey("weight")) {
                assertEquals(1, x.var().item(), Lsuv.TOLERANCE, layer.name());
            }
        }
    }

    @Test
    void zeroWeightsCannotBeRescaled() {
        Tensor w = Tensor.zeros(30, 4);
        var e = assertThrows(IllegalStateException.class, () -> Lsuv.scale(w, x -> x.matmul(w), batch));
        assertTrue(e.getMessage().startsWith("lsuv: the layer's output has variance 0.0"), e.getMessage());
    }
}
