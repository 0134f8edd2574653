package dl.backend.reference;

import static dl.backend.reference.Agreement.agree;
import static dl.backend.reference.Agreement.product;
import static dl.backend.reference.Agreement.ties;
import static dl.backend.reference.Agreement.uniform;

import dl.backend.BinaryOp;
import dl.backend.ReduceOp;
import dl.backend.Storage;
import dl.backend.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every memory, element-wise, reduction and matrix kernel of the CPU backend against the reference backend, on
 * random shapes: odd sizes, sizes past the CPU's split over cores, every op code, broadcasting, transposes,
 * strides. The image kernels are in {@link ImageKernelsAgreeTest}.
 */
class BackendsAgreeTest {

    private final Random rng = new Random(18);

    /** Odd sizes, a size of one, and one past the CPU's chunk of 65,536 numbers that it splits over the cores. */
    private int size(int c) {
        return c == 0 ? 1 : c == 1 ? 70_001 : 1 + rng.nextInt(300);
    }

    @Test
    void memory() {
        for (int c = 0; c < 20; c++) {
            int n = size(c), rowLength = 1 + rng.nextInt(9), count = 1 + rng.nextInt(12);
            float[] x = uniform(rng, n), table = uniform(rng, rowLength * count);
            int[] rows = rng.ints(1 + rng.nextInt(20), 0, count).toArray();
            float value = rng.nextFloat();
            agree("upload of " + n, b -> b.upload(x));
            agree("uploadRows " + Arrays.toString(rows), b -> b.uploadRows(table, rowLength, rows));
            agree("fill " + n, b -> { Storage s = b.upload(x); b.fill(s, value); return s; });
            int block = 1 + rng.nextInt(5), blocks = 1 + rng.nextInt(5), srcStride = block + rng.nextInt(3);
            int dstStride = block + rng.nextInt(3), srcOffset = rng.nextInt(3), dstOffset = rng.nextInt(3);
            float[] src = uniform(rng, srcOffset + srcStride * blocks);
            float[] dst = uniform(rng, dstOffset + dstStride * blocks);
            agree("copyBlocks", b -> {
                Storage out = b.upload(dst);
                b.copyBlocks(b.upload(src), srcOffset, srcStride, out, dstOffset, dstStride, block, blocks);
                return out;
            });
        }
    }

    @Test
    void permute() {
        for (int c = 0; c < 30; c++) {
            int[] shape = rng.ints(1 + rng.nextInt(4), 1, 9).toArray();
            List<Integer> order = new ArrayList<>(IntStream.range(0, shape.length).boxed().toList());
            Collections.shuffle(order, rng);
            int[] axes = order.stream().mapToInt(Integer::intValue).toArray();
            float[] x = uniform(rng, product(shape));
            agree("permute " + Arrays.toString(shape) + " by " + Arrays.toString(axes), b -> {
                Storage out = b.allocate(x.length);
                b.permute(b.upload(x), shape, axes, out);
                return out;
            });
        }
    }

    @Test
    void everyMap() {
        for (UnaryOp op : UnaryOp.values()) {
            for (int c = 0; c < 4; c++) {
                float[] x = uniform(rng, size(c));
                if (op == UnaryOp.LOG || op == UnaryOp.POW_SCALAR) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = Math.abs(x[i]) + 0.1f;
                    }
                }
                float alpha = c == 3 ? 2f : rng.nextFloat() * 3 - 1;   // x^2 has a fast path on the cpu
                agree(op + " of " + x.length + " with alpha " + alpha, b -> {
                    Storage out = b.allocate(x.length);
                    b.map(op, b.upload(x), alpha, out);
                    return out;
                });
            }
        }
    }

    @Test
    void everyZipWithBroadcasting() {
        for (BinaryOp op : BinaryOp.values()) {
            for (int c = 0; c < 12; c++) {
                int[] out = c == 0 ? new int[] {70_001} : rng.ints(1 + rng.nextInt(4), 1, 7).toArray();
                int[] aShape = c == 0 ? out : broadcastable(out), bShape = c == 0 ? out : broadcastable(out);
                float[] a = c % 2 == 0 ? uniform(rng, product(aShape)) : ties(rng, product(aShape));
                float[] b = c % 2 == 0 ? uniform(rng, product(bShape)) : ties(rng, product(bShape));
                if (op == BinaryOp.DIV) {
                    for (int i = 0; i < b.length; i++) {
                        b[i] = b[i] >= 0 ? b[i] + 0.5f : b[i] - 0.5f;
                    }
                }
                agree(op + " " + Arrays.toString(aShape) + " with " + Arrays.toString(bShape), be -> {
                    Storage y = be.allocate(product(out));
                    be.zip(op, be.upload(a), aShape, be.upload(b), bShape, y, out);
                    return y;
                });
            }
        }
    }

    /** {@code out} with some leading axes dropped and some sizes set to 1. */
    private int[] broadcastable(int[] out) {
        int[] s = Arrays.copyOfRange(out, rng.nextInt(out.length), out.length);
        for (int d = 0; d < s.length; d++) {
            s[d] = rng.nextInt(3) == 0 ? 1 : s[d];
        }
        return s;
    }

    @Test
    void axpy() {
        for (int c = 0; c < 5; c++) {
            float[] x = uniform(rng, size(c)), y = uniform(rng, x.length);
            float alpha = rng.nextFloat() * 2 - 1;
            agree("axpy of " + x.length, b -> { Storage s = b.upload(y); b.axpy(alpha, b.upload(x), s); return s; });
        }
    }

    @Test
    void everyReductionAndSoftmax() {
        for (int c = 0; c < 30; c++) {
            int outer = 1 + rng.nextInt(5), n = c == 0 ? 70_001 : 1 + rng.nextInt(40);
            int inner = c % 3 == 0 ? 1 : 1 + rng.nextInt(9);
            float[] x = c % 2 == 0 ? uniform(rng, outer * n * inner) : ties(rng, outer * n * inner);
            for (ReduceOp op : ReduceOp.values()) {
                agree(op + " of [" + outer + ", " + n + ", " + inner + "]", b -> {
                    Storage out = b.allocate(outer * inner);
                    b.reduce(op, b.upload(x), outer, n, inner, out);
                    return out;
                });
            }
            for (boolean log : new boolean[] {false, true}) {
                float[] scaled = x.clone();
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] *= 30;   // far apart, so that a softmax computed without its shift would overflow
                }
                agree((log ? "log-softmax" : "softmax") + " of [" + outer + ", " + n * inner + "]", b -> {
                    Storage out = b.allocate(scaled.length);
                    b.softmax(b.upload(scaled), outer, n * inner, log, out);
                    return out;
                });
            }
        }
    }

    @Test
    void matmulWithTransposesBatchesAndAccumulation() {
        for (int c = 0; c < 40; c++) {
            boolean big = c < 4, transA = rng.nextBoolean(), transB = rng.nextBoolean(), accumulate = rng.nextBoolean();
            int m = big ? 97 + rng.nextInt(70) : 1 + rng.nextInt(20), n = big ? 130 : 1 + rng.nextInt(20);
            int k = big ? 257 : 1 + rng.nextInt(20), batch = c % 3 == 0 ? 1 : 1 + rng.nextInt(4);
            int strideA = batch > 1 && rng.nextInt(3) == 0 ? 0 : m * k, strideB = batch > 1 && strideA > 0
                    && rng.nextBoolean() ? 0 : k * n;
            float[] a = uniform(rng, strideA == 0 ? m * k : batch * m * k);
            float[] b = uniform(rng, strideB == 0 ? k * n : batch * k * n), c0 = uniform(rng, batch * m * n);
            agree("matmul " + batch + " x [" + m + ", " + k + "] x [" + k + ", " + n + "]" + (transA ? " A^T" : "")
                    + (transB ? " B^T" : "") + (accumulate ? " +C" : "") + " strides " + strideA + ", " + strideB,
                    be -> {
                        Storage out = be.upload(c0);
                        be.matmul(be.upload(a), transA, strideA, be.upload(b), transB, strideB, out, batch, m, n, k,
                                accumulate);
                        return out;
                    });
        }
    }
}
