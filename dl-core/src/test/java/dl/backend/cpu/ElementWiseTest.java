package dl.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dl.backend.BinaryOp;
import dl.backend.UnaryOp;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Broadcasting combinations, axpy and maps, large enough to be split over the cores, against a plain loop over every
 * index.
 */
class ElementWiseTest {

    @Test
    void aConvolutionsBiasIsAddedToEveryPositionOfItsChannel() {
        int n = 64, c = 6, plane = 28 * 28;
        float[] y = random(n * c * plane), bias = random(c), out = new float[y.length];
        ElementWise.zip(BinaryOp.ADD, y, new int[] {n, c, 28, 28}, bias, new int[] {1, c, 1, 1}, out,
                new int[] {n, c, 28, 28});
        float[] expected = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            expected[i] = y[i] + bias[i / plane % c];
        }
        assertArrayEquals(expected, out, 0f);
    }

    @Test
    void aColumnTimesARowMakesATableSplitOverTheCores() {
        int rows = 300, cols = 500;
        float[] column = random(rows), row = random(cols), out = new float[rows * cols];
        ElementWise.zip(BinaryOp.MUL, column, new int[] {rows, 1}, row, new int[] {cols}, out, new int[] {rows, cols});
        float[] expected = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected[i * cols + j] = column[i] * row[j];
            }
        }
        assertArrayEquals(expected, out, 0f);
    }

    @Test
    void axpyAddsAMultipleOfOneArrayToAnotherInLanesAndInTheTail() {
        // tail only; lanes and tail; in two parts of which one is a number longer; over the cores
        for (int n : new int[] {5, 37, ElementWise.SPLIT + 1, 3 * ElementWise.CHUNK + 11}) {
            float[] x = random(n), y = random(n), expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = Math.fma(x[i], -0.01f, y[i]);
            }
            ElementWise.axpy(-0.01f, x, y);
            assertArrayEquals(expected, y, 0f);
        }
    }

    @Test
    void aMapInPlaceReachesEveryElementOnceWhenSplitOverTheCores() {
        for (int n : new int[] {ElementWise.SPLIT - 1, ElementWise.SPLIT, ElementWise.SPLIT + 1}) {
            float[] v = random(n), expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = v[i] * 0.9f;
            }
            ElementWise.map(UnaryOp.MUL_SCALAR, v, 0.9f, v);   // a momentum's v <- mu v
            assertArrayEquals(expected, v, 0f);
        }
    }

    private static float[] random(int n) {
        return Floats.random(new Random(n), n);
    }
}
