package dl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dl.autograd.Backprop;
import dl.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphPictureTest {

    @Test
    void drawsTheSlidesGraphOfReluOfWxPlusB() {
        Random rng = new Random(1);
        Tensor W = Tensor.randn(rng, 50, 2304).requiresGrad();
        Tensor x = Tensor.randn(rng, 2304, 1);
        Tensor b = Tensor.zeros(50, 1).requiresGrad();
        Tensor h = W.matmul(x).add(b).relu();

        List<Tensor> nodes = Backprop.inputsFirst(h, true);
        assertEquals(6, nodes.size(), "W, x, matmul, b, add, relu");
        assertSame(W, nodes.get(0));
        assertSame(h, nodes.get(5));

        BufferedImage picture = GraphPicture.of(h, Map.of("W", W, "x", x, "b", b));
        // four columns (W and x, matmul and b, add, relu), two rows
        assertEquals(2 * 16 + 4 * 150 + 3 * 56, picture.getWidth());
        assertEquals(2 * 16 + 2 * 46 + 22, picture.getHeight());
    }

    @Test
    void aTensorWithNoGraphIsOneBox() {
        BufferedImage picture = GraphPicture.of(Tensor.ones(2, 3));
        assertEquals(2 * 16 + 150, picture.getWidth());
    }
}
