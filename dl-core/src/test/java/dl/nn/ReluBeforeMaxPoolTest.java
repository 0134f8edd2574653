package dl.nn;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Net#forward} runs a ReLU that comes right before a max pooling after the pooling, a convolution and the max
 * pooling after it as one op, and a ReLU right before a convolution in the convolution's op, and gives the numbers of
 * the layers run one by one in the order they were declared: the same outputs and the same gradients, to the last bit.
 */
class ReluBeforeMaxPoolTest {

    @Test
    void thePoolingRunsFirst() {
        Tensor y = net(input(1, 4, 4)).relu().pool(2).forward(anInput());
        assertEquals("relu", y.creator().name());
        assertEquals("maxpool2d", y.creator().inputs()[0].creator().name());
    }

    @Test
    void otherPoolingsAndActivationsKeepTheirOrder() {
        assertEquals("avgpool2d", net(input(1, 4, 4)).relu().avgPool(2).forward(anInput()).creator().name());
        assertEquals("maxpool2d", net(input(1, 4, 4)).tanh().pool(2).forward(anInput()).creator().name());
    }

    @Test
    void aConvolutionAndItsMaxPoolingAreOneOp() {
        Tensor y = net(input(1, 4, 4)).conv(3, 2).pad(1).relu().pool(2).forward(anInput());
        assertEquals("relu", y.creator().name());
        assertEquals("conv2d+maxpool2d", y.creator().inputs()[0].creator().name());
        assertEquals("conv2d+maxpool2d", net(input(1, 4, 4)).conv(3, 2).pool(2).forward(anInput()).creator().name());
        assertEquals("avgpool2d", net(input(1, 4, 4)).conv(3, 2).avgPool(2).forward(anInput()).creator().name());
    }

    @Test
    void aReluBeforeAConvolutionIsInItsOp() {
        assertEquals("relu+conv2d", net(input(1, 4, 4)).relu().conv(3, 2).forward(anInput()).creator().name());
        Tensor y = net(input(1, 4, 4)).relu().conv(3, 2).pad(1).relu().pool(2).forward(anInput());
        assertEquals("relu", y.creator().name());
        assertEquals("relu+conv2d+maxpool2d", y.creator().inputs()[0].creator().name());
        assertEquals("relu+conv2d+maxpool2d",
                net(input(1, 4, 4)).relu().conv(3, 2).pool(2).forward(anInput()).creator().name());
        Tensor z = net(input(1, 4, 4)).conv(3, 2).pad(1).relu().pool(2).conv(1, 3).forward(anInput());
        assertEquals("relu+conv2d", z.creator().name());   // the ReLU after the pooling, in the next conv's op
        assertEquals("conv2d+maxpool2d", z.creator().inputs()[0].creator().name());
    }

    /**
     * 32 channels and filters: the CPU applies the ReLU as it pads each image and its gradient as it writes each
     * image's, pooled and not, in a batch over the cores and in a batch of one; the last convolution (8 filters)
     * takes the ReLU the default way.
     */
    @Test
    void aVggStackGetsTheDeclaredOrdersNumbers() {
        Net vgg = net(input(1, 10, 10)).conv(3, 32).pad(1).relu().conv(3, 32).pad(1).relu().pool(2)
                .conv(3, 32).pad(1).relu().conv(3, 32).pad(1).relu().conv(3, 8).relu().flatten().dense(3);
        assertSameNumbers(vgg, Tensor.randn(new Random(5), 3, 1, 10, 10));
        assertSameNumbers(vgg, Tensor.randn(new Random(6), 1, 1, 10, 10));
    }

    /** One 4x4 image whose gradient is wanted, so that the ops are recorded. */
    private static Tensor anInput() {
        return Tensor.rand(new Random(1), 1, 1, 4, 4).requiresGrad();
    }

    /** Whole numbers from -2 to 2: windows of ties, of negatives only, of zeros, and of positives beside them. */
    @Test
    void tiesNegativesAndZerosGetTheDeclaredOrdersNumbers() {
        Random rng = new Random(2);
        float[] x = new float[3 * 2 * 6 * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextInt(5) - 2;
        }
        x[0] = -0f;   // a window of -0, 0, 0, 0: ReLU's gradient is 0 at both
        x[1] = 0f;
        x[6] = 0f;
        x[7] = 0f;
        assertSameNumbers(net(input(2, 6, 6)).relu().pool(2).flatten().dense(3), Tensor.of(x, 3, 2, 6, 6));
    }

    @Test
    void aCnnGetsTheDeclaredOrdersNumbers() {
        Net cnn = net(input(1, 12, 12)).conv(3, 4).pad(1).relu().pool(2)
                .conv(3, 5).relu().pool(3, 2).flatten().dense(4).relu().dense(3);
        assertSameNumbers(cnn, Tensor.randn(new Random(3), 4, 1, 12, 12));
    }

    /** The output, the input's gradient and every parameter's gradient of {@code net} on {@code x}, both ways. */
    private static void assertSameNumbers(Net net, Tensor x) {
        Tensor weights = Tensor.randn(new Random(4), net.forward(x).shape());   // the loss: sum of y * weights
        List<float[]> swapped = outputAndGradients(net, x, weights, true);
        List<float[]> declared = outputAndGradients(net, x, weights, false);
        for (int i = 0; i < swapped.size(); i++) {
            assertArrayEquals(declared.get(i), swapped.get(i), 0f, i == 0 ? "output" : "gradient " + i);
        }
    }

    private static List<float[]> outputAndGradients(Net net, Tensor x, Tensor weights, boolean throughForward) {
        Tensor input = Tensor.of(x.toFloatArray(), x.shape()).requiresGrad();
        net.parameters().forEach(Tensor::zeroGrad);
        Tensor y = input;
        if (throughForward) {
            y = net.forward(input);
        } else {
            for (Layer layer : net.layers()) {
                y = layer.forward(y);
            }
        }
        y.mul(weights).sum().backward();
        List<float[]> numbers = new ArrayList<>(List.of(y.toFloatArray(), input.grad().toFloatArray()));
        net.parameters().forEach(p -> numbers.add(p.grad().toFloatArray()));
        return numbers;
    }
}
