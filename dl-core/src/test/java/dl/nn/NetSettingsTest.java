package dl.nn;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Settings no layer can work with are refused where they are written, and the network stays as it was. */
class NetSettingsTest {

    /** Runs {@code badCall} on {@code net}, expects {@code message}, and checks that layers and summary stay. */
    private static void assertRefused(Net net, Consumer<Net> badCall, String message) {
        List<Layer> layers = net.layers();
        String summary = net.summary().toString();
        var e = assertThrows(RuntimeException.class, () -> badCall.accept(net));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(layers, net.layers(), "the same layers after: " + e.getMessage());
        assertEquals(summary, net.summary().toString(), "the same summary after: " + e.getMessage());
    }

    private static Net lenetStart() {
        return net(input(1, 28, 28)).conv(5, 6).relu();
    }

    @Test
    void anInputWithoutSizeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> net(input(0, 28, 28)));
        assertEquals("input: every size must be at least 1, got [0, 28, 28]; e.g. input(784) for 784 features,"
                + " input(1, 28, 28) for an image", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net(input()));
    }

    @Test
    void aStrideOrPaddingThatCannotWorkLeavesTheLayerAsItWas() {
        Net net = lenetStart().conv(3, 16);
        assertRefused(net, n -> n.stride(0), "stride (layer 3, conv): must be at least 1, got 0");
        assertRefused(net, n -> n.pad(-3), "pad (layer 3, conv): must be at least 0, got -3");
        assertEquals("Conv(3x3, 6 -> 16)", net.layers().get(2).toString());
        assertArrayEquals(new int[] {2, 16, 22, 22}, net.forward(Tensor.zeros(2, 1, 28, 28)).shape());
        assertRefused(lenetStart().pool(2), n -> n.stride(-1), "stride (layer 3, pool): must be at least 1, got -1");
    }

    @Test
    void everyLayerRefusesSizesBelowOne() {
        Net net = lenetStart();
        assertRefused(net, n -> n.conv(0, 6), "kernel (layer 3, conv): must be at least 1, got 0");
        assertRefused(net, n -> n.conv(3, 0), "filters (layer 3, conv): must be at least 1, got 0");
        assertRefused(net, n -> n.pool(0), "window (layer 3, pool): must be at least 1, got 0");
        assertRefused(net, n -> n.avgPool(2, 0), "stride (layer 3, avgPool): must be at least 1, got 0");
        Net flat = lenetStart().flatten();
        assertRefused(flat, n -> n.dense(0), "units (layer 4, dense): must be at least 1, got 0");
        assertRefused(flat, n -> n.unflatten(-1, -3456), "shape (layer 4, unflatten): every size must be at least 1,"
                + " got [-1, -3456]");
    }

    @Test
    void probabilitiesAndSlopesOutOfTheirRangeAreRefused() {
        Net net = net(input(10)).dense(10);
        assertRefused(net, n -> n.dropout(1.5), "p (layer 2, dropout): must be in [0, 1), got 1.5");
        assertRefused(net, n -> n.dropout(-0.1), "p (layer 2, dropout): must be in [0, 1), got -0.1");
        assertRefused(net, n -> n.dropout(Double.NaN), "p (layer 2, dropout): must be in [0, 1), got NaN");
        assertRefused(net, n -> n.leakyRelu(-0.1), "slope (layer 2, leakyRelu): must be in [0, 1), got -0.1");
        assertRefused(net, n -> n.leakyRelu(1.5), "slope (layer 2, leakyRelu): must be in [0, 1), got 1.5");
        assertEquals(2, net.dropout(0.5).leakyRelu(0.2).layers().size() - 1, "the good ones are taken");
    }

    @Test
    void aKernelOrWindowLargerThanThePaddedImageIsRefused() {
        Net net = net(input(1, 5, 5)).conv(3, 4);
        assertRefused(net, n -> n.conv(5, 4), "conv (layer 2): expects an image of at least 5x5 (after padding 0),"
                + " got [4, 3, 3] from conv (layer 1); use a smaller kernel");
        assertRefused(net, n -> n.pool(4), "pool (layer 2): expects an image of at least 4x4, got [4, 3, 3]");
        assertRefused(net.pool(2), n -> n.pad(2), "pad (layer 2, pool): must be at most half the window, 1, got 2");
        assertEquals("MaxPool(2x2)", net.layers().get(1).toString());
        assertRefused(net(input(1, 5, 5)).conv(4, 4), n -> n.padSame(), "padSame (layer 1, conv): needs an odd kernel");

    }

    @Test
    void aNetworkThatHasRunRefusesChangesToItsLayers() {
        Net net = net(input(1, 6, 6)).conv(3, 2);
        net.forward(Tensor.zeros(1, 1, 6, 6));
        assertRefused(net, n -> n.stride(2), "the network has already run; build a new one to change its layers");
        assertRefused(net, n -> n.noBias(), "the network has already run");
    }

    @Test
    void aZeroPaddedShortcutCannotRemoveChannels() {
        Net net = net(input(4, 8, 8));
        assertRefused(net, n -> n.residual(Residual.Shortcut.ZERO_PAD, b -> b.conv(3, 2).stride(2).pad(1)),
                "residual (layer 1): expects a block that keeps or adds channels");
    }
}
