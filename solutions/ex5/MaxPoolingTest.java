package ex5;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex5") in the notebook. */
class MaxPoolingTest {

    /** The slides' 5×5 input feature map. */
    static final double[][] IMAGE = {
        {3, 3, 2, 1, 0},
        {0, 0, 1, 3, 1},
        {3, 1, 2, 2, 3},
        {2, 0, 0, 2, 2},
        {2, 0, 0, 0, 1}};

    /** A 4×4 map whose 2×2 max pooling with stride 2 gives the slides' 6 8 / 3 4. */
    static final double[][] MAP = {
        {1, 1, 2, 4},
        {5, 6, 7, 8},
        {3, 2, 1, 0},
        {1, 2, 3, 4}};

    @Test
    @Points(1)
    @Hint("argmax returns {row, column} in the whole map, not in the window; on a tie keep the first (use >, not >=)")
    void argmaxFindsTheFirstLargest() {
        int[] six = MaxPooling.argmax(MAP, 0, 0, 2);
        int[] tie = MaxPooling.argmax(IMAGE, 0, 0, 3);   // 3 at (0, 0), (0, 1) and (2, 0)
        expect("argmax of MAP's top-left 2×2 window, then of IMAGE's top-left 3×3 window (three 3s)",
            new double[] {six[0], six[1], tie[0], tie[1]}).closeTo(new double[] {1, 1, 0, 0}, 0);
    }

    @Test
    @Points(1)
    @Hint("a 3×3 window with stride 1 fits (5 − 3) / 1 + 1 = 3 times along each axis")
    void theSlidesThreeByThreePooling() {
        expect("maxPool of the slides' 5×5 image, window 3, stride 1", MaxPooling.maxPool(IMAGE, 3, 1))
            .closeTo(new double[][] {{3, 3, 3}, {3, 3, 3}, {3, 2, 3}}, 0);
    }

    @Test
    @Points(1)
    @Hint("with window 2 and stride 2 the windows do not overlap: the output is half as high and half as wide")
    void twoByTwoWithStrideTwo() {
        expect("maxPool of the 4×4 map, window 2, stride 2", MaxPooling.maxPool(MAP, 2, 2))
            .closeTo(new double[][] {{6, 8}, {3, 4}}, 0);
    }

    @Test
    @Points(1)
    @Hint("each window sends its gradient to its largest cell only: 6 gets 1, 8 gets 2, 3 gets 3, 4 gets 4")
    void backwardSendsEachGradientToItsWinner() {
        expect("maxPoolBackward of the 4×4 map, window 2, stride 2, ∂C/∂out = [[1, 2], [3, 4]]",
            MaxPooling.maxPoolBackward(MAP, new double[][] {{1, 2}, {3, 4}}, 2, 2))
            .closeTo(new double[][] {{0, 0, 0, 0}, {0, 1, 0, 2}, {3, 0, 0, 0}, {0, 0, 0, 4}}, 0);
    }

    @Test
    @Points(1)
    @Hint("windows overlap when the stride is smaller than the window: add (+=) each gradient, do not overwrite it;"
        + " a tie goes to the first largest cell")
    void overlappingWindowsAddUp() {
        double[][] ones = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
        // the 3 at (1, 3) wins three windows; the 3 at (2, 0) wins two
        expect("maxPoolBackward of the slides' 5×5 image, window 3, stride 1, ∂C/∂out all 1",
            MaxPooling.maxPoolBackward(IMAGE, ones, 3, 1)).closeTo(new double[][] {
                {1, 1, 0, 0, 0},
                {0, 0, 0, 3, 0},
                {2, 0, 1, 0, 1},
                {0, 0, 0, 0, 0},
                {0, 0, 0, 0, 0}}, 0);
    }
}
