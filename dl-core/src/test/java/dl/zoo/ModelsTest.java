package dl.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.nn.Net;
import dl.nn.Summary;
import org.junit.jupiter.api.Test;

/** The parameter totals printed in the slides (and torchvision's), from the shapes alone. */
class ModelsTest {

    @Test
    void lenet5MatchesTheSlidesTable() {
        Net lenet = Models.lenet5();
        assertEquals(61_706, lenet.parameterCount());
        Summary summary = lenet.summary();
        assertEquals("5*5*1*6 + 6", summary.rows().get(0).arithmetic());
        assertEquals(156, summary.rows().get(0).parameters());
        assertEquals(2_416, summary.rows().get(3).parameters());
        assertArrayEquals(new int[] {16, 5, 5}, summary.rows().get(5).outputShape());
    }

    @Test
    void alexnetMatchesTheSlidesTable() {
        Net alexnet = Models.alexnet();
        assertEquals(62_378_344, alexnet.parameterCount());
        assertEquals(34_944, alexnet.layers().get(0).parameterCount());
        assertArrayEquals(new int[] {96, 55, 55}, alexnet.layers().get(0).outputShape());
        assertArrayEquals(new int[] {256, 6, 6}, alexnet.layers().get(12).outputShape());
    }

    @Test
    void vggAndResnetMatchTorchvision() {
        assertEquals(138_357_544, Models.vgg16().parameterCount());
        assertEquals(143_667_240, Models.vgg19().parameterCount());
        assertEquals(11_689_512, Models.resnet18().parameterCount());
        assertEquals(21_797_672, Models.resnet34().parameterCount());
        assertEquals(25_557_032, Models.resnet50().parameterCount());
    }

    @Test
    void theSlidesResnet18AndWhereTorchvisionDiffers() {
        long slides = Models.resnet18Slides().parameterCount();
        assertEquals(11_511_784, slides);
        long convBiases = 64 + 4 * 64 + 4 * 128 + 4 * 256 + 4 * 512;
        long batchNorms = 2 * (64 + 4 * 64 + 4 * 128 + 4 * 256 + 4 * 512 + 128 + 256 + 512);
        long projections = 64 * 128 + 128 * 256 + 256 * 512;
        assertEquals(Models.resnet18().parameterCount(), slides - convBiases + batchNorms + projections);
    }

    @Test
    void theCourseAndTutorialNetworks() {
        assertEquals(24_882, Models.nn4().parameterCount());
        assertArrayEquals(new int[] {16, 6, 6}, Models.nn4().layers().get(9).outputShape());
        assertEquals(15_642, Models.kerasMnist().parameterCount());
        Net convnetjs = Models.convnetjsMnist();
        assertEquals(208, convnetjs.layers().get(0).parameterCount());
        assertEquals(3_216, convnetjs.layers().get(3).parameterCount());
        assertEquals(2_570, convnetjs.layers().get(7).parameterCount());
    }

    @Test
    void summarisingVgg16AllocatesNoWeights() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Summary summary = Models.vgg16().summary();
        long after = rt.totalMemory() - rt.freeMemory();
        assertEquals(138_357_544, summary.trainable());
        // 138 million floats would be 553 MB; the summary needs a few kilobytes
        assertEquals(true, after - before < 50_000_000, "allocated " + (after - before) + " bytes");
    }
}
