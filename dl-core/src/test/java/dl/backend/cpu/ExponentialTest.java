package dl.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Exponential} against {@code StrictMath.exp} rounded to float, and the same in every lane and the tail. */
class ExponentialTest {

    @Test
    void eToTheXIsStrictMathsFloatAlmostAlwaysAndOtherwiseOneBitOff() {
        float[] x = new float[2_000_000];
        Random random = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = -104 + 193 * random.nextFloat();   // from where a float is 0 to where it is infinite
        }
        float[] out = new float[x.length];
        Exponential.exp(x, out, 0, x.length);
        int differ = 0;
        for (int i = 0; i < x.length; i++) {
            float expected = (float) StrictMath.exp(x[i]);
            if (Float.compare(out[i], expected) != 0) {
                differ++;
                assertEquals(expected, out[i], Math.ulp(expected), "e^" + x[i]);
            }
        }
        assertTrue(differ < 10, differ + " of 2,000,000 differ from StrictMath's float");
    }

    @Test
    void theEdgesOfTheFloatsAreZeroInfinityAndTheSmallestNumbers() {
        float[] x = {Float.NEGATIVE_INFINITY, -1000, -104, -103.2f, -90, -0f, 0, 1, 88.72f, 88.73f, 1000,
                Float.POSITIVE_INFINITY, Float.NaN};
        float[] out = new float[x.length];
        Exponential.exp(x, out, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) StrictMath.exp(x[i]), out[i], "e^" + x[i]);
        }
        assertEquals(2.7182817f, out[7]);
    }

    @Test
    void theSigmoidIsStrictMathsFloatAlmostAlwaysDownToItsSmallestValues() {
        float[] x = new float[1_000_000];
        Random random = new Random(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = -120 + 240 * random.nextFloat();
        }
        float[] edges = {Float.NEGATIVE_INFINITY, -800, -95, -20, -0f, 0, 20, 800, Float.POSITIVE_INFINITY, Float.NaN};
        System.arraycopy(edges, 0, x, 0, edges.length);
        float[] out = new float[x.length];
        Exponential.sigmoid(x, out, 0, x.length);
        int differ = 0;
        for (int i = 0; i < x.length; i++) {
            float expected = (float) (1 / (1 + StrictMath.exp(-x[i])));
            if (Float.compare(out[i], expected) != 0) {
                differ++;
                assertEquals(expected, out[i], Math.ulp(expected), "sigmoid(" + x[i] + ")");
            }
        }
        assertTrue(differ < 10, differ + " of 1,000,000 differ from StrictMath's float");
    }

    /** In the lanes of whole vectors of floats, or one by one at the end. */
    @Test
    void aNumbersResultIsTheSameInTheVectorLanesAndInTheTail() {
        float[] x = new float[67];
        Random random = new Random(3);
        for (int trial = 0; trial < 1000; trial++) {
            float value = -30 + 60 * random.nextFloat();
            Arrays.fill(x, value);
            float one = (float) Exponential.exp((double) value);
            float sigmoidOfOne = (float) (1 / (1 + Exponential.exp(-(double) value)));
            float[] exp = new float[x.length], sigmoid = new float[x.length];
            Exponential.exp(x, exp, 0, x.length);
            Exponential.sigmoid(x, sigmoid, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(one, exp[i], 0f, "e^" + value + " at " + i);
                assertEquals(sigmoidOfOne, sigmoid[i], 0f, "sigmoid(" + value + ") at " + i);
            }
        }
    }
}
