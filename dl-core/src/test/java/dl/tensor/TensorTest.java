package dl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void createsTensorsOfTheGivenShape() {
        assertArrayEquals(new float[6], Tensor.zeros(2, 3).toFloatArray());
        assertArrayEquals(new float[] {1, 1}, Tensor.ones(2).toFloatArray());
        assertArrayEquals(new float[] {7, 7, 7, 7}, Tensor.full(7, 2, 2).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 2, 3}, Tensor.arange(4).toFloatArray());
        assertArrayEquals(new float[] {1, 1.5f, 2, 2.5f}, Tensor.arange(1, 3, 0.5f).toFloatArray());
        assertEquals(4.5f, Tensor.scalar(4.5f).item());
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertEquals(6f, m.get(1, 2));
    }

    @Test
    void seededRandomTensorsRepeat() {
        assertArrayEquals(Tensor.randn(new Random(7), 100).toFloatArray(),
                Tensor.randn(new Random(7), 100).toFloatArray());
        float[] u = Tensor.rand(new Random(1), 1000).toFloatArray();
        for (float v : u) {
            assertTrue(v >= 0 && v < 1);
        }
        float[] tn = Tensor.truncatedNormal(new Random(1), 0.1f, 10_000).toFloatArray();
        double sum = 0;
        for (float v : tn) {
            assertTrue(Math.abs(v) <= 0.2f, "truncated normal stays within 2 standard deviations");
            sum += v;
        }
        assertEquals(0, sum / tn.length, 0.005);
    }

    @Test
    void reshapeSharesTheNumbersAndInfersOneSize() {
        Tensor x = Tensor.arange(12);
        Tensor y = x.reshape(3, -1);
        assertArrayEquals(new int[] {3, 4}, y.shape());
        assertTrue(x.storage() == y.storage(), "reshape is a view: no copy");
        var e = assertThrows(IllegalArgumentException.class, () -> x.reshape(5, -1));
        assertEquals("reshape: cannot view [12] (12 elements) as [5, -1]; the number of elements must stay the same",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.reshape(-3, -4));   // a product of 12 all the same
        assertEquals("reshape: cannot view [12] (12 elements) as [-3, -4]; the number of elements must stay the same",
                e.getMessage());
        assertArrayEquals(new int[] {2, 12}, Tensor.zeros(2, 3, 2, 2).flatten(1).shape());
    }

    @Test
    void transposeAndPermuteMoveAxes() {
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, m.t().toFloatArray());
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        Tensor p = x.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertEquals(x.get(1, 2, 3), p.get(3, 1, 2));
        assertEquals(x.get(0, 1, 2), x.transpose(0, 2).get(2, 1, 0));
    }

    @Test
    void sliceConcatAndPadAlongAnAxis() {
        Tensor x = Tensor.arange(12).reshape(3, 4);
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10}, x.slice(1, 1, 3).toFloatArray());
        assertArrayEquals(new float[] {4, 5, 6, 7}, x.slice(0, 1, 2).toFloatArray());
        Tensor joined = Tensor.concat(0, x.slice(0, 0, 1), x.slice(0, 2, 3));
        assertArrayEquals(new float[] {0, 1, 2, 3, 8, 9, 10, 11}, joined.toFloatArray());
        Tensor padded = Tensor.of(new float[] {1, 2}, 1, 2).pad(1, 1, 2);
        assertArrayEquals(new float[] {0, 1, 2, 0, 0}, padded.toFloatArray());
    }

    @Test
    void arithmeticBroadcastsLikeNumPy() {
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor row = Tensor.of(new float[] {10, 20, 30});
        Tensor column = Tensor.of(new float[] {100, 200}, 2, 1);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, m.add(row).toFloatArray());
        assertArrayEquals(new float[] {101, 102, 103, 204, 205, 206}, m.add(column).toFloatArray());
        assertArrayEquals(new float[] {10, 40, 90, 40, 100, 180}, m.mul(row).toFloatArray());
        assertArrayEquals(new float[] {-9, -18, -27, -6, -15, -24}, m.sub(row).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, m.div(Tensor.scalar(2)).toFloatArray());
        assertArrayEquals(new int[] {2, 3}, column.add(row).shape());
    }

    @Test
    void elementWiseFunctions() {
        Tensor x = Tensor.of(new float[] {-2, -0.5f, 0, 1, 4});
        assertArrayEquals(new float[] {2, 0.5f, 0, 1, 4}, x.abs().toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 1, 4}, x.relu().toFloatArray());
        assertArrayEquals(new float[] {-0.2f, -0.05f, 0, 1, 4}, x.leakyRelu(0.1f).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-1, -0.5f, 0, 1, 1}, x.clamp(-1, 1).toFloatArray());
        assertArrayEquals(new float[] {4, 0.25f, 0, 1, 16}, x.pow(2).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 2}, Tensor.of(new float[] {0, 1, 4}).sqrt().toFloatArray());
        assertEquals(0.5f, Tensor.scalar(0).sigmoid().item());
        assertEquals((float) Math.tanh(1), Tensor.scalar(1).tanh().item(), 1e-7f);
        assertEquals(1f, Tensor.scalar(0).exp().item());
        assertEquals(1f, Tensor.scalar((float) Math.E).log().item(), 1e-6f);
    }

    @Test
    void comparisonsAndArgmax() {
        Tensor a = Tensor.of(new float[] {1, 5, 3});
        Tensor b = Tensor.of(new float[] {2, 5, 1});
        assertArrayEquals(new float[] {0, 0, 1}, a.gt(b).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0}, a.lt(b).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 0}, a.eq(b).toFloatArray());
        Tensor logits = Tensor.of(new float[][] {{0.1f, 0.7f, 0.2f}, {3, 1, 2}});
        assertArrayEquals(new float[] {1, 0}, logits.argmax(1).toFloatArray());
        assertEquals(3, logits.argmax());
    }

    @Test
    void reductionsOverAxesOrEverything() {
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(21f, m.sum().item());
        assertArrayEquals(new float[] {5, 7, 9}, m.sum(0).toFloatArray());
        assertArrayEquals(new float[] {6, 15}, m.sum(1).toFloatArray());
        assertArrayEquals(new int[] {2, 1}, m.sum(1, true).shape());
        assertEquals(3.5f, m.mean().item());
        assertArrayEquals(new float[] {2, 5}, m.mean(-1).toFloatArray());
        assertEquals(6f, m.max().item());
        assertArrayEquals(new float[] {3, 6}, m.max(1).toFloatArray());
        assertEquals(35f / 12, m.var().item(), 1e-6f);
        assertArrayEquals(new float[] {2.25f, 2.25f, 2.25f}, m.var(0).toFloatArray());
        assertArrayEquals(new float[] {5, 7, 9}, m.sumTo(3).toFloatArray());
        assertArrayEquals(new float[] {6, 15}, m.sumTo(2, 1).toFloatArray());
    }

    @Test
    void matrixProductsPlainAndBatched() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor b = Tensor.of(new float[][] {{1, 0, 2}, {0, 1, 3}});
        assertArrayEquals(new float[] {1, 2, 8, 3, 4, 18, 5, 6, 28}, a.matmul(b).toFloatArray());
        Tensor stack = Tensor.concat(0, a.reshape(1, 3, 2), a.mul(2).reshape(1, 3, 2));
        Tensor shared = stack.matmul(b);
        assertArrayEquals(new int[] {2, 3, 3}, shared.shape());
        assertEquals(56f, shared.get(1, 2, 2));
        Tensor bs = Tensor.concat(0, b.reshape(1, 2, 3), b.reshape(1, 2, 3));
        assertArrayEquals(shared.toFloatArray(), stack.matmul(bs).toFloatArray());
        assertArrayEquals(new int[] {2, 3, 3}, a.matmul(bs).shape());
    }

    @Test
    void softmaxRowsArePositiveAndSumToOneEvenForHugeLogits() {
        Tensor logits = Tensor.of(new float[][] {{1000, 1001, 1002}, {-5, 0, 5}});
        float[] p = logits.softmax().toFloatArray();
        assertEquals(1f, p[0] + p[1] + p[2], 1e-6f);
        assertEquals(0.6652409f, p[2], 1e-6f);
        float[] logp = logits.logSoftmax().toFloatArray();
        assertEquals(Math.log(p[2]), logp[2], 1e-5);
        assertTrue(Float.isFinite(logp[0]));
    }

    @Test
    void dropoutZeroesAboutPAndRescalesTheRest() {
        float[] y = Tensor.ones(10_000).dropout(0.25f, new Random(3)).toFloatArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(1 / 0.75f, v, 1e-6f);
            }
        }
        assertEquals(0.25, zeros / 10_000.0, 0.02);
    }

    @Test
    void largeTensorsSplitOverTheCoresGiveTheSameAnswerAsSmallOnes() {
        int n = 100_003;   // several chunks of work, the last one short
        Tensor x = Tensor.randn(new Random(5), n);
        float[] doubled = x.add(x).toFloatArray(), relu = x.relu().toFloatArray(), values = x.toFloatArray();
        for (int i = 0; i < n; i++) {
            assertEquals(values[i] * 2, doubled[i]);
            assertEquals(Math.max(values[i], 0), relu[i]);
        }
    }

    @Test
    void oneHotRowsPickTheLabels() {
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, Tensor.oneHot(new int[] {2, 0}, 3).toFloatArray());
    }

    @Test
    void printsShapeAndAReadableGrid() {
        assertEquals("Tensor[2, 3]\n[[1, 2, 3],\n [4, 5, 6]]", Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}})
                .toString());
        assertEquals("Tensor[2]\n[ 0.5000, -1.2500]", Tensor.of(new float[] {0.5f, -1.25f}).toString());
        assertEquals("Tensor[] 3", Tensor.scalar(3).toString());
        String longRow = Tensor.arange(100).toString();
        assertEquals("Tensor[100]\n[ 0,  1,  2, ..., 97, 98, 99]", longRow);
        String cube = Tensor.arange(8).reshape(2, 2, 2).toString();
        assertEquals("Tensor[2, 2, 2]\n[[[0, 1],\n  [2, 3]],\n\n [[4, 5],\n  [6, 7]]]", cube);
        assertTrue(Tensor.zeros(1000, 1000).toString().length() < 200, "a big tensor prints a few lines");
    }

    @Test
    void shapeMistakesSayWhatWasExpected() {
        var matmul = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(64, 784).matmul(Tensor.zeros(50, 10)));
        assertEquals("matmul: [64, 784] x [50, 10]: inner dimensions 784 and 50 differ", matmul.getMessage());
        var add = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertTrue(add.getMessage().startsWith("add: shapes [2, 3] and [4] cannot be broadcast"), add.getMessage());
        var conv = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(64, 784).conv2d(Tensor.zeros(6, 1, 5, 5), 1, 0));
        assertTrue(conv.getMessage().contains("the input must be 4-D [batch, channels, height, width]"));
        var channels = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(1, 3, 8, 8).conv2d(Tensor.zeros(6, 1, 5, 5), 1, 0));
        assertTrue(channels.getMessage().contains("the input has 3 channels but the filters expect 1"));
        var item = assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
        assertTrue(item.getMessage().contains("Reduce it first"));
        var axis = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).sum(1));
        assertEquals("sum: axis 1 does not exist in a tensor of rank 1 (use 0..0, or -1 for the last)",
                axis.getMessage());
    }

    @Test
    void optimizersUpdateTensorsInPlace() {
        Tensor v = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor g = Tensor.of(new float[] {10, 20, 30}, 3);
        Tensor same = v.mulInPlace(0.5f).addInPlace(0.1f, g);   // v <- 0.5 v + 0.1 g
        assertTrue(same == v, "the in-place methods return the tensor they changed");
        assertArrayEquals(new float[] {1.5f, 3, 4.5f}, v.toFloatArray(), 1e-6f);
        Tensor w = Tensor.ones(3).subInPlace(v);
        assertArrayEquals(new float[] {-0.5f, -2, -3.5f}, w.toFloatArray(), 1e-6f);
        var shape = assertThrows(IllegalArgumentException.class, () -> v.addInPlace(1, Tensor.ones(1)));
        assertEquals("addInPlace: shape [1] into [3]; an in-place update needs the same shape (no broadcasting)",
                shape.getMessage());
    }

    @Test
    void aTensorInTheGraphIsOnlyChangedInPlaceWithoutRecording() {
        Tensor w = Tensor.ones(3).requiresGrad();
        var refused = assertThrows(IllegalStateException.class, () -> w.mulInPlace(2));
        assertTrue(refused.getMessage().contains("NoGrad.scope()"), refused.getMessage());
        try (var off = dl.autograd.NoGrad.scope()) {
            w.mulInPlace(2);
        }
        assertArrayEquals(new float[] {2, 2, 2}, w.toFloatArray());
    }

    @Test
    void ofRowsGathersRowsLikeIndexSelect() {
        float[] images = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};   // three 2x2 images, one after another
        Tensor batch = Tensor.ofRows(images, new int[] {2, 0}, 2, 2);
        assertArrayEquals(new int[] {2, 2, 2}, batch.shape());
        assertArrayEquals(new float[] {20, 21, 22, 23, 0, 1, 2, 3}, batch.toFloatArray());
        images[0] = 99;
        assertEquals(0f, batch.get(1, 0, 0), "a copy, not a view");
        var outside = assertThrows(IndexOutOfBoundsException.class, () -> Tensor.ofRows(images, new int[] {3}, 2, 2));
        assertEquals("ofRows: row 3 is outside the 3 rows of [2, 2] that the 12 values hold", outside.getMessage());
    }
}
