package dl.backend.reference;

import static dl.backend.reference.Agreement.agree;
import static dl.backend.reference.Agreement.assertClose;
import static dl.backend.reference.Agreement.uniform;
import static org.junit.jupiter.api.Assertions.fail;

import dl.backend.Backend;
import dl.backend.ConvGeometry;
import dl.backend.PoolGeometry;
import dl.backend.Storage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Convolution and pooling, forward and backward, alone and together, of the CPU backend against the reference
 * backend: random geometries (odd sizes, strides, padding, kernels as large as the padded image) and the course's own
 * (LeNet-5's 5 x 5 convolutions of 28 x 28 images, 2 x 2 pooling), which take the CPU's fast paths.
 */
class ImageKernelsAgreeTest {

    private final Random rng = new Random(18);

    private ConvGeometry convGeometry(int c) {
        if (c == 0) {
            return new ConvGeometry(4, 1, 28, 28, 6, 5, 5, 1, 2);
        }
        if (c == 1) {
            return new ConvGeometry(3, 6, 14, 14, 16, 5, 5, 1, 0);
        }
        int h = 1 + rng.nextInt(12), w = 1 + rng.nextInt(12), padding = rng.nextInt(3);
        int kh = 1 + rng.nextInt(Math.min(5, h + 2 * padding)), kw = 1 + rng.nextInt(Math.min(5, w + 2 * padding));
        return new ConvGeometry(1 + rng.nextInt(3), 1 + rng.nextInt(4), h, w, 1 + rng.nextInt(5), kh, kw,
                1 + rng.nextInt(3), padding);
    }

    @Test
    void convolutionForwardAndBackward() {
        for (int c = 0; c < 40; c++) {
            convolutionAgrees(convGeometry(c), c % 2 == 0);
        }
    }

    /**
     * 3x3 filters of stride 1 on many channels, which the CPU computes by Winograd's F(4, 3) down the columns: every
     * padding it takes, heights of every remainder by 4 and odd and even widths, a batch smaller than the cores, images
     * multiplied in groups (whole and cut short), the course's layers, a small image after larger ones, and pooled.
     */
    @Test
    void winogradConvolutions() {
        ConvGeometry[] geometries = {
            new ConvGeometry(2, 32, 9, 11, 32, 3, 3, 1, 0),
            new ConvGeometry(3, 33, 8, 7, 40, 3, 3, 1, 1),
            new ConvGeometry(1, 16, 5, 4, 64, 3, 3, 1, 2),
            new ConvGeometry(2, 32, 28, 28, 32, 3, 3, 1, 1),
            new ConvGeometry(4, 64, 14, 14, 64, 3, 3, 1, 1),
            new ConvGeometry(9, 32, 14, 14, 32, 3, 3, 1, 1),
            new ConvGeometry(1, 64, 3, 3, 17, 3, 3, 1, 0),
            new ConvGeometry(2, 16, 33, 30, 72, 3, 3, 1, 1),
            // after larger ones on the same thread, rows of 16 on the padded width (no vector runs past them): the
            // last output of the last row reads the first position past the image, which must be zero again
            new ConvGeometry(1, 32, 15, 15, 32, 3, 3, 1, 1),
        };
        for (int i = 0; i < geometries.length; i++) {
            ConvGeometry g = geometries[i];
            convolutionAgrees(g, i % 2 == 0);
            if (g.outHeight() >= 2 && g.outWidth() >= 2) {
                convolutionThenMaxPoolAgrees(g, new PoolGeometry(g.batch(), g.filters(), g.outHeight(), g.outWidth(),
                        2, 2, 0));
            }
        }
    }

    /** conv2d and its two backward kernels on both backends, from the same random numbers. */
    private void convolutionAgrees(ConvGeometry g, boolean withBias) {
        int outLength = g.batch() * g.filters() * g.outHeight() * g.outWidth();
        float[] x = uniform(rng, g.batch() * g.channels() * g.height() * g.width());
        float[] w = uniform(rng, g.filters() * g.channels() * g.kernelH() * g.kernelW());
        float[] bias = withBias ? uniform(rng, g.filters()) : null, dy = uniform(rng, outLength);
        boolean withBiasGradient = rng.nextBoolean();
        agree("conv2d " + g, b -> {
            Storage y = b.allocate(outLength);
            b.conv2d(b.upload(x), b.upload(w), bias == null ? null : b.upload(bias), y, g, false);
            return y;
        });
        agree("conv2dBackwardInput " + g, b -> {
            Storage dx = b.allocate(x.length);
            b.conv2dBackwardInput(b.upload(dy), b.upload(w), dx, g);
            return dx;
        });
        for (int part = 0; part < (withBiasGradient ? 2 : 1); part++) {
            int which = part;
            agree("conv2dBackwardWeight " + (which == 0 ? "dw " : "db ") + g,
                    b -> weightGradient(b, g, x, w, dy, withBiasGradient)[which]);
        }
    }

    /** dw and db (or null) of {@code conv2dBackwardWeight}, after a forward pass that kept what the backend wants. */
    private static Storage[] weightGradient(Backend b, ConvGeometry g, float[] x, float[] w, float[] dy,
                                            boolean withBias) {
        Storage xs = b.upload(x), y = b.allocate(dy.length);
        Storage kept = b.conv2d(xs, b.upload(w), null, y, g, true);
        Storage dw = b.allocate(w.length), db = withBias ? b.allocate(g.filters()) : null;
        b.conv2dBackwardWeight(xs, kept, b.upload(dy), dw, db, g);
        return new Storage[] {dw, db};
    }

    /**
     * A convolution with the max pooling of its output, together ({@code conv2dMaxPool}), and a first layer's weight
     * gradient from the pooled gradient ({@code conv2dMaxPoolBackwardWeight}): on the CPU's fast path (a stride of 1,
     * 2 x 2 windows) and elsewhere.
     */
    @Test
    void convolutionThenMaxPooling() {
        for (int c = 0; c < 40; c++) {
            ConvGeometry g = c == 2 ? new ConvGeometry(3, 1, 28, 28, 8, 3, 3, 1, 1) : convGeometry(c);
            int kernel = c % 2 == 0 ? 2 : 1 + rng.nextInt(3), stride = c % 2 == 0 ? 2 : 1 + rng.nextInt(2);
            PoolGeometry pool = new PoolGeometry(g.batch(), g.filters(), g.outHeight(), g.outWidth(), kernel, stride,
                    c % 2 == 0 ? 0 : rng.nextInt(kernel / 2 + 1));
            if (pool.outHeight() >= 1 && pool.outWidth() >= 1) {
                convolutionThenMaxPoolAgrees(g, pool);
            }
        }
    }

    /** conv2dMaxPool and conv2dMaxPoolBackwardWeight on both backends, from the same random numbers. */
    private void convolutionThenMaxPoolAgrees(ConvGeometry g, PoolGeometry pool) {
        boolean withBias = rng.nextBoolean();
        int pooledLength = g.batch() * g.filters() * pool.outHeight() * pool.outWidth();
        float[] x = uniform(rng, g.batch() * g.channels() * g.height() * g.width());
        float[] w = uniform(rng, g.filters() * g.channels() * g.kernelH() * g.kernelW());
        float[] bias = withBias ? uniform(rng, g.filters()) : null, dy = uniform(rng, pooledLength);
        float[][] pooled = new float[2][], argmax = new float[2][];
        Backend[] both = {Agreement.REFERENCE, Agreement.CPU};
        for (int i = 0; i < 2; i++) {
            Storage y = both[i].allocate(pooledLength), winners = both[i].allocate(pooledLength);
            both[i].conv2dMaxPool(both[i].upload(x), both[i].upload(w), bias == null ? null
                    : both[i].upload(bias), y, winners, g, pool, false);
            pooled[i] = both[i].download(y);
            argmax[i] = both[i].download(winners);
        }
        String what = g + " " + pool;
        assertClose("conv2dMaxPool " + what, pooled[0], pooled[1]);
        winnersAgree("conv2dMaxPool's winners " + what, g, pool, x, w, bias, argmax[0], argmax[1]);
        for (int part = 0; part < 2; part++) {
            int which = part;
            agree("conv2dMaxPoolBackwardWeight " + (which == 0 ? "dw " : "db ") + what, b -> {
                Storage xs = b.upload(x), y = b.allocate(pooledLength), winners = b.allocate(pooledLength);
                Storage kept = b.conv2dMaxPool(xs, b.upload(w), null, y, winners, g, pool, true);
                Storage dw = b.allocate(w.length), db = b.allocate(g.filters());
                b.conv2dMaxPoolBackwardWeight(xs, kept, b.upload(dy), b.upload(argmax[0]), dw, db, g, pool);
                return which == 0 ? dw : db;
            });
        }
    }

    /**
     * The same winner in every window, or two whose outputs tie within rounding: the backends round the convolution
     * differently, so either of two near-equal outputs may win.
     */
    private static void winnersAgree(String what, ConvGeometry g, PoolGeometry pool, float[] x, float[] w,
                                     float[] bias, float[] reference, float[] cpu) {
        float[] unpooled = Agreement.on(Agreement.REFERENCE, b -> {
            Storage y = b.allocate(g.batch() * g.filters() * g.outHeight() * g.outWidth());
            b.conv2d(b.upload(x), b.upload(w), bias == null ? null : b.upload(bias), y, g, false);
            return y;
        });
        double largest = 0;
        for (float y : unpooled) {
            largest = Math.max(largest, Math.abs(y));
        }
        int windows = pool.outHeight() * pool.outWidth(), plane = g.outHeight() * g.outWidth();
        for (int i = 0; i < reference.length; i++) {
            float winner = unpooled[i / windows * plane + (int) reference[i]];
            float other = unpooled[i / windows * plane + (int) cpu[i]];
            if (reference[i] != cpu[i] && Math.abs(winner - other) > 1e-5 * largest + 1e-4 * Math.abs(winner)) {
                fail(what + ": window " + i + " is won by " + (int) cpu[i] + " (" + other + ") on the cpu, by "
                        + (int) reference[i] + " (" + winner + ") on the reference");
            }
        }
    }

    private PoolGeometry poolGeometry(int c) {
        if (c < 3) {   // 2 x 2 windows side by side: the cpu's vector path, with even and odd widths
            return new PoolGeometry(2, 3, 28 + c, 28 + 5 * c, 2, 2, 0);
        }
        int kernel = 1 + rng.nextInt(4), padding = rng.nextInt(kernel / 2 + 1);
        int smallest = Math.max(1, kernel - 2 * padding);   // a window holds at least one cell
        int h = smallest + rng.nextInt(10), w = smallest + rng.nextInt(10);
        return new PoolGeometry(1 + rng.nextInt(3), 1 + rng.nextInt(3), h, w, kernel, 1 + rng.nextInt(3), padding);
    }

    @Test
    void poolingForwardAndBackward() {
        for (int c = 0; c < 40; c++) {
            PoolGeometry g = poolGeometry(c);
            int outLength = g.batch() * g.channels() * g.outHeight() * g.outWidth();
            float[] x = uniform(rng, g.batch() * g.channels() * g.height() * g.width()), dy = uniform(rng, outLength);
            float[][] max = new float[2][], argmax = new float[2][];
            Backend[] both = {Agreement.REFERENCE, Agreement.CPU};
            for (int i = 0; i < 2; i++) {
                Storage y = both[i].allocate(outLength), winners = both[i].allocate(outLength);
                both[i].maxPool(both[i].upload(x), y, winners, g);
                max[i] = both[i].download(y);
                argmax[i] = both[i].download(winners);
            }
            assertClose("maxPool " + g, max[0], max[1]);
            assertClose("maxPool's winners " + g, argmax[0], argmax[1]);
            float[] winners = argmax[0], before = uniform(rng, x.length);   // dx's old numbers, overwritten whole
            agree("maxPoolBackward " + g, b -> {
                Storage dx = b.upload(before);
                b.maxPoolBackward(b.upload(dy), b.upload(winners), dx, g);
                return dx;
            });
            agree("avgPool " + g, b -> {
                Storage y = b.allocate(outLength);
                b.avgPool(b.upload(x), y, g);
                return y;
            });
            agree("avgPoolBackward " + g, b -> {
                Storage dx = b.upload(before);
                b.avgPoolBackward(b.upload(dy), dx, g);
                return dx;
            });
        }
    }
}
