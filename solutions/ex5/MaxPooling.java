package ex5;

import dl.grading.TodoException;

/**
 * Exercise 5: max pooling and its gradient (nn4).
 * <p>
 * Max pooling slides a {@code size × size} window over a feature map, {@code stride} cells at a time, and keeps the
 * largest number of each window: out[r][c] = max over m, n of x[r·s + m][c·s + n]. It has no weights. Its output
 * has ⌊(i − size) / s⌋ + 1 rows (and columns), the slides' MP_size = (FM_size − MPF_size) / S + 1.
 * <p>
 * Backward: only the largest number of a window changed the output, so the window's gradient goes to that one cell,
 * ∂C/∂x[winner] += ∂C/∂out[r][c], and every other cell of the window gets nothing from it. When two numbers tie for
 * the largest, the first in reading order (top row first, then left to right) wins, as in the library.
 */
class MaxPooling {

    /**
     * Where the largest number of the window whose top-left cell is {@code (top, left)} lies: {@code {row, column}}
     * in {@code x}. A tie goes to the first in reading order.
     */
    static int[] argmax(double[][] x, int top, int left, int size) {
        // BEGIN SOLUTION: scan the window row by row; keep a cell only if larger than the best so far
        int[] best = {top, left};
        for (int row = top; row < top + size; row++) {
            for (int column = left; column < left + size; column++) {
                if (x[row][column] > x[best[0]][best[1]]) {
                    best = new int[] {row, column};
                }
            }
        }
        return best;
        // END SOLUTION
    }

    /** The largest number of each window: ⌊(rows − size) / stride⌋ + 1 rows, and as many columns likewise. */
    static double[][] maxPool(double[][] x, int size, int stride) {
        // BEGIN SOLUTION: for each output (r, c), the number at argmax(x, r·stride, c·stride, size)
        int rows = (x.length - size) / stride + 1;
        int columns = (x[0].length - size) / stride + 1;
        double[][] out = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int[] winner = argmax(x, r * stride, c * stride, size);
                out[r][c] = x[winner[0]][winner[1]];
            }
        }
        return out;
        // END SOLUTION
    }

    /**
     * ∂C/∂x, the shape of {@code x}, given ∂C/∂out ({@code gradOut}, the shape of {@link #maxPool}'s output): each
     * window's gradient is added to the cell that won it. Windows that overlap may send several to the same cell.
     */
    static double[][] maxPoolBackward(double[][] x, double[][] gradOut, int size, int stride) {
        // BEGIN SOLUTION: from zeros, add each gradOut[r][c] at argmax(x, r·stride, c·stride, size)
        double[][] gradIn = new double[x.length][x[0].length];
        for (int r = 0; r < gradOut.length; r++) {
            for (int c = 0; c < gradOut[0].length; c++) {
                int[] winner = argmax(x, r * stride, c * stride, size);
                gradIn[winner[0]][winner[1]] += gradOut[r][c];
            }
        }
        return gradIn;
        // END SOLUTION
    }
}
