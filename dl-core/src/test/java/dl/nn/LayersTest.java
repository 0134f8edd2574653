package dl.nn;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.autograd.GradCheck;
import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every layer's gradients, with respect to its input and its parameters, checked by central differences. */
class LayersTest {

    private static final Random RNG = new Random(0);

    private static void assertGradientsMatch(Net net, int batch) {
        int[] shape = net.inputShape();
        int[] withBatch = new int[shape.length + 1];
        withBatch[0] = batch;
        System.arraycopy(shape, 0, withBatch, 1, shape.length);
        Tensor x = Tensor.rand(RNG, withBatch).mul(2).sub(1);
        GradCheck.Result result = GradCheck.check(net::forward, net.parameters(), x);
        assertTrue(result.passed(1e-2), net + "\n" + result);
    }

    @Test
    void dense() {
        assertGradientsMatch(net(input(5)).dense(4), 3);
    }

    @Test
    void convWithStrideAndPadding() {
        assertGradientsMatch(net(input(2, 6, 6)).conv(3, 3).stride(2).pad(1), 2);
        assertGradientsMatch(net(input(1, 5, 5)).conv(3, 2).padSame(), 2);
    }

    @Test
    void poolingLayers() {
        assertGradientsMatch(net(input(2, 4, 4)).avgPool(2), 2);
        assertGradientsMatch(net(input(2, 4, 4)).conv(1, 2).globalAvgPool(), 2);
    }

    @Test
    void activations() {
        assertGradientsMatch(net(input(6)).dense(5).tanh().dense(4).sigmoid().dense(3).logSoftmax(), 2);
        assertGradientsMatch(net(input(6)).dense(4).softmax(), 2);
    }

    @Test
    void normalizations() {
        assertGradientsMatch(net(input(4)).dense(3).batchNorm(), 5);
        assertGradientsMatch(net(input(2, 3, 3)).batchNorm(), 3);
        assertGradientsMatch(net(input(2, 3, 3)).layerNorm(), 2);
    }

    @Test
    void residualBlocksWithAndWithoutProjection() {
        assertGradientsMatch(net(input(2, 4, 4)).residual(b -> b.conv(3, 2).padSame().tanh().conv(3, 2).padSame()), 2);
        assertGradientsMatch(net(input(2, 4, 4)).residual(b -> b.conv(3, 3).stride(2).pad(1)), 2);
    }

    @Test
    void batchNormUsesRunningStatisticsWhenEvaluating() {
        Net net = net(input(3)).batchNorm();
        Tensor x = Tensor.randn(RNG, 8, 3).mul(4).add(10);
        Tensor trained = net.forward(x);
        assertEquals(0f, trained.mean(0).abs().max().item(), 1e-5f, "training: each feature has mean 0");
        Tensor evaluated = net.outputs(x);
        assertNotEquals(trained.get(0, 0), evaluated.get(0, 0), "evaluation uses the running averages");
    }

    @Test
    void batchNormKeepsTheUnbiasedVarianceForEvaluationAsPyTorchDoes() {
        // x = 1, 2, 3, 6: mu = 3, squared deviations 4 + 1 + 0 + 9 = 14, so sigma^2 = 14/4 (biased), 14/3 (unbiased)
        Net dense = net(input(1)).batchNorm();
        Tensor trained = dense.forward(Tensor.of(new float[] {1, 2, 3, 6}, 4, 1));
        assertEquals(3 / Math.sqrt(14 / 4.0 + 1e-5), trained.get(3, 0), 1e-5, "training normalizes by the biased one");
        // running mean 0.9 * 0 + 0.1 * 3; running variance 0.9 * 1 + 0.1 * 14/3
        assertEquals(0.3f, dense.state().get("batchNorm1.runningMean").item(), 1e-6f);
        assertEquals(0.9 + 0.1 * 14 / 3, dense.state().get("batchNorm1.runningVar").item(), 1e-6);
        float evaluated = dense.outputs(Tensor.of(new float[] {6}, 1, 1)).item();
        assertEquals((6 - 0.3) / Math.sqrt(0.9 + 0.1 * 14 / 3 + 1e-5), evaluated, 1e-5);

        // images: n counts every pixel of the channel in the batch; here 0, 2, 4, 6 over 2 samples of 1x2 pixels,
        // mu = 3, squared deviations 9 + 1 + 1 + 9 = 20, unbiased 20/3
        Net conv = net(input(1, 1, 2)).batchNorm();
        conv.forward(Tensor.of(new float[] {0, 2, 4, 6}, 2, 1, 1, 2));
        assertEquals(0.9 + 0.1 * 20 / 3, conv.state().get("batchNorm1.runningVar").item(), 1e-6);
    }

    @Test
    void batchNormRefusesToTrainOnASingleValuePerFeature() {
        Net net = net(input(3)).dense(3).batchNorm();
        var e = assertThrows(IllegalArgumentException.class, () -> net.forward(Tensor.ones(1, 3)));
        assertTrue(e.getMessage().startsWith("batchNorm (layer 2): a batch of one sample has no variance to"
                + " normalize by, got [1, 3]; train with batches of 2 or more"), e.getMessage());
        assertArrayEquals(new int[] {1, 3}, net.outputs(Tensor.ones(1, 3)).shape(), "evaluation takes one sample");
    }

    @Test
    void dropoutOnlyWhileTraining() {
        Net net = net(input(1000)).dropout(0.5);
        Tensor x = Tensor.ones(1, 1000);
        assertTrue(net.forward(x).eq(Tensor.scalar(0)).sum().item() > 400, "about half dropped");
        assertEquals(1000f, net.outputs(x).sum().item(), "evaluation keeps everything");
    }

    @Test
    void shapesAreInferredAlongTheChain() {
        Net net = net(input(1, 28, 28)).conv(3, 64).relu().pool(2).conv(3, 32).padSame().flatten().dense(10);
        assertArrayEquals(new int[] {64, 26, 26}, net.layers().get(0).outputShape());
        assertArrayEquals(new int[] {32, 13, 13}, net.layers().get(3).outputShape());
        assertArrayEquals(new int[] {10}, net.outputShape());
        assertEquals("Conv(3x3, 64 -> 32, pad 1)", net.layers().get(3).toString());
        assertArrayEquals(new int[] {5, 10}, net.forward(Tensor.zeros(5, 1, 28, 28)).shape());
    }

    @Test
    void aWrongShapeSaysWhichLayerAndWhatToDo() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> net(input(1, 28, 28)).flatten().dense(784).conv(3, 64));
        assertEquals("conv (layer 3): expects 3-D input [channels, height, width], got [784] from dense (layer 2);"
                + " add .unflatten(channels, height, width) or move the conv before flatten()", e.getMessage());
        var dense = assertThrows(IllegalArgumentException.class, () -> net(input(1, 28, 28)).dense(10));
        assertTrue(dense.getMessage().startsWith("dense (layer 1): expects a 1-D input [features], got [1, 28, 28]"
                + " from the input; add .flatten() before it"), dense.getMessage());
        var batch = assertThrows(IllegalArgumentException.class,
                () -> net(input(1, 28, 28)).flatten().dense(10).forward(Tensor.zeros(64, 784)));
        assertTrue(batch.getMessage().contains("got [64, 784]; reshape it with x.reshape(-1, 1, 28, 28)"),
                batch.getMessage());
    }

    @Test
    void featureMapsAndFiltersOfANamedLayer() {
        Net net = net(input(1, 28, 28)).conv(3, 8).relu().pool(2).conv(3, 4).flatten().dense(10);
        assertEquals("conv2", net.layers().get(3).name());
        assertArrayEquals(new int[] {2, 8, 26, 26}, net.activations("conv1", Tensor.zeros(2, 1, 28, 28)).shape());
        assertArrayEquals(new int[] {1, 8, 26, 26}, net.activations("conv1", Tensor.zeros(1, 28, 28)).shape(),
                "one image is a batch of one");
        assertArrayEquals(new int[] {4, 8, 3, 3}, net.weights("conv2").shape());
        var e = assertThrows(IllegalArgumentException.class, () -> net.layer("conv3"));
        assertTrue(e.getMessage().contains("[conv1, relu1, pool1, conv2, flatten1, dense1]"), e.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        float[] a = net(input(4)).dense(3).seed(7).parameters().get(0).toFloatArray();
        float[] b = net(input(4)).dense(3).seed(7).parameters().get(0).toFloatArray();
        assertArrayEquals(a, b);
    }
}
