package dl.zoo;

import dl.nn.Net;
import dl.nn.Residual.Shortcut;

/**
 * The networks of the course, built with the DSL. Each holds only shapes until it runs, so
 * {@code Models.vgg16().summary()} is instant. The totals are those of the slides' tables (and of torchvision for
 * its ResNets); the tests check every one.
 */
public final class Models {

    private Models() {
    }

    /**
     * LeNet-5 on 28x28 images, with the first convolution padded by 2 so that it sees the 32x32 of the slides'
     * table: C1 6@28x28, S2, C3 16@10x10, S4, then 400 -> 120 -> 84 -> 10. 61,706 parameters (the slides' C5, F6
     * and F7 "convolutions" on 1x1 maps are these dense layers).
     */
    public static Net lenet5() {
        return new Net(1, 28, 28)
                .conv(5, 6).pad(2).relu().pool(2)
                .conv(5, 16).relu().pool(2)
                .flatten().dense(120).relu().dense(84).relu().dense(10);
    }

    /** AlexNet as the slides' table gives it: 227x227x3 in, 1000 classes out; 62,378,344 parameters. */
    public static Net alexnet() {
        return new Net(3, 227, 227)
                .conv(11, 96).stride(4).relu().pool(3, 2)
                .conv(5, 256).pad(2).relu().pool(3, 2)
                .conv(3, 384).pad(1).relu()
                .conv(3, 384).pad(1).relu()
                .conv(3, 256).pad(1).relu().pool(3, 2)
                .flatten().dense(4096).relu().dropout(0.5).dense(4096).relu().dropout(0.5).dense(1000);
    }

    /** VGG16 (configuration D): 13 convolutions of 3x3 and 3 dense layers; 138,357,544 parameters. */
    public static Net vgg16() {
        return vgg(new int[][] {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}});
    }

    /** VGG19 (configuration E): 16 convolutions; 143,667,240 parameters. */
    public static Net vgg19() {
        return vgg(new int[][] {{64, 64}, {128, 128}, {256, 256, 256, 256}, {512, 512, 512, 512},
            {512, 512, 512, 512}});
    }

    private static Net vgg(int[][] stages) {
        Net net = new Net(3, 224, 224);
        for (int[] stage : stages) {
            for (int filters : stage) {
                net.conv(3, filters).pad(1).relu();
            }
            net.pool(2);
        }
        return net.flatten().dense(4096).relu().dropout(0.5).dense(4096).relu().dropout(0.5).dense(1000);
    }

    /** ResNet-18 as torchvision builds it (batch norm, convolutions without bias); 11,689,512 parameters. */
    public static Net resnet18() {
        return resnet(new int[] {2, 2, 2, 2}, false);
    }

    /** ResNet-34 as torchvision builds it; 21,797,672 parameters. */
    public static Net resnet34() {
        return resnet(new int[] {3, 4, 6, 3}, false);
    }

    /** ResNet-50 as torchvision builds it, with bottleneck blocks (1x1, 3x3, 1x1 x4); 25,557,032 parameters. */
    public static Net resnet50() {
        return resnet(new int[] {3, 4, 6, 3}, true);
    }

    private static Net resnet(int[] blocks, boolean bottleneck) {
        Net net = new Net(3, 224, 224)
                .conv(7, 64).stride(2).pad(3).noBias().batchNorm().relu().pool(3, 2).pad(1);
        int width = 64;
        for (int stage = 0; stage < blocks.length; stage++, width *= 2) {
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                int w = width;
                net.residual(Shortcut.TORCHVISION, bottleneck
                        ? x -> x.conv(1, w).noBias().batchNorm().relu()
                                .conv(3, w).stride(stride).pad(1).noBias().batchNorm().relu()
                                .conv(1, 4 * w).noBias().batchNorm()
                        : x -> x.conv(3, w).stride(stride).pad(1).noBias().batchNorm().relu()
                                .conv(3, w).pad(1).noBias().batchNorm()).relu();
            }
        }
        return net.globalAvgPool().dense(1000);
    }

    /**
     * ResNet-18 as the slides' table counts it: every convolution with a bias, no batch norm, and shortcuts
     * without parameters (the paper's option A: subsample and pad with zero channels). 11,511,784 parameters.
     *
     * <p>Why torchvision's ResNet-18 has 177,728 more, 11,689,512:
     * <pre>
     *   - 3,904    its 17 convolutions have no bias (64 + 4*64 + 4*128 + 4*256 + 4*512)
     *   + 9,600    20 batch norms with gamma and beta: 2*(64 + 4*64 + 4*128 + 4*256 + 4*512 + 128 + 256 + 512)
     *   + 172,032  three 1x1 projection shortcuts: 64*128 + 128*256 + 256*512
     * </pre>
     */
    public static Net resnet18Slides() {
        Net net = new Net(3, 227, 227).conv(7, 64).stride(2).pad(1).relu().pool(3, 2).pad(1);
        int width = 64;
        for (int stage = 0; stage < 4; stage++, width *= 2) {
            for (int b = 0; b < 2; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                int w = width;
                net.residual(Shortcut.ZERO_PAD, x -> x.conv(3, w).stride(stride).pad(1).relu().conv(3, w).pad(1))
                        .relu();
            }
        }
        return net.avgPool(7).flatten().dense(1000);
    }

    /**
     * The course's nn4 CNN on the 48x48 faces: 2304 pixels unflattened to 48x48x1, three 3x3 convolutions with
     * "same" padding (64, 32, 16 filters) each followed by ReLU and 2x2 max pooling, then 6*6*16 -> 2 log-softmax.
     * 24,882 parameters (3*3*1*64 + 64, 3*3*64*32 + 32, 3*3*32*16 + 16, 6*6*16*2 + 2).
     */
    public static Net nn4() {
        return new Net(2304).unflatten(1, 48, 48)
                .conv(3, 64).padSame().relu().pool(2)
                .conv(3, 32).padSame().relu().pool(2)
                .conv(3, 16).padSame().relu().pool(2)
                .flatten().dense(2).logSoftmax();
    }

    /**
     * The Keras tutorial's MNIST CNN: conv 16 3x3, pool, conv 16 3x3, pool, dense 32, dense 10; 15,642. Keras's
     * last Dense applies a softmax; here it gives the logits, as {@code crossEntropy()} wants them ({@code predict}
     * turns them into probabilities).
     */
    public static Net kerasMnist() {
        return new Net(1, 28, 28)
                .conv(3, 16).relu().pool(2)
                .conv(3, 16).relu().pool(2)
                .flatten().dense(32).relu().dense(10);
    }

    /**
     * ConvNetJS's MNIST demo: 24x24 input, conv 8@5x5 pad 2 (8*5*5*1 + 8 = 208), pool 2, conv 16@5x5 pad 2
     * (16*5*5*8 + 16 = 3,216), pool 3, dense 10 (10*256 + 10 = 2,570), giving the logits (ConvNetJS's softmax
     * layer is the loss's here).
     */
    public static Net convnetjsMnist() {
        return new Net(1, 24, 24)
                .conv(5, 8).pad(2).relu().pool(2)
                .conv(5, 16).pad(2).relu().pool(3)
                .flatten().dense(10);
    }
}
