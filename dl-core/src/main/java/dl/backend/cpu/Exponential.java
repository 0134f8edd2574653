package dl.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code e^x} for float arrays, several numbers at a time, in double precision: the float it returns is
 * {@code (float) StrictMath.exp(x)} except, rarely, in the last bit. The same steps run on every element, in the
 * vector lanes or one by one at an array's end, with the same roundings, so a number's result does not depend on
 * where it sits in the array and a seed repeats a run bit for bit on any machine. ({@code Math.exp} may give
 * another last bit once the JIT has compiled it; {@code StrictMath.exp} cannot be computed several at a time.)
 *
 * <p>The steps, for {@code x} clamped to {@code [-104, 709]} (outside it the float result is 0 or infinity):
 * <ol>
 * <li>{@code n = round(x / ln 2)} and {@code r = x - n ln 2}, so that {@code e^x = 2^n e^r} with
 *     {@code |r| <= ln(2) / 2};</li>
 * <li>{@code e^r} by its Taylor series up to {@code r^11 / 11!}, whose remainder is below {@code 1e-14 e^r};</li>
 * <li>{@code 2^n} made from its exponent bits, and {@code e^x = 2^n e^r}, rounded once to float.</li>
 * </ol>
 */
final class Exponential {

    /**
     * The machine's vectors of doubles, and of floats, all of the machine's width (see {@link Gemm#SPECIES}). Each
     * step loads a vector of floats, works on its first half ({@link #HALF} lanes) as one vector of doubles, and
     * writes that half back through a mask.
     */
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int HALF = DOUBLES.length();
    private static final VectorMask<Float> FIRST_HALF = FLOATS.indexInRange(0, HALF);

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 in two parts: {@code n * LN2_HIGH} is exact for the n that occur, so r loses nothing to rounding. */
    private static final double LN2_HIGH = 0.6931471803691238, LN2_LOW = 1.9082149292705877e-10;
    /** Adding 1.5 * 2^52 rounds a double to a whole number, which then sits in the low bits of the sum. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** Below e^-104 a float is 0; above e^709 a double overflows, and a float did long before. */
    private static final double LOWEST = -104, HIGHEST = 709;
    /** 1/k! for k = 0..11, the Taylor coefficients of e^r. */
    private static final double[] TAYLOR = new double[12];

    static {
        TAYLOR[0] = 1;
        for (int k = 1; k < TAYLOR.length; k++) {
            TAYLOR[k] = TAYLOR[k - 1] / k;
        }
    }

    private Exponential() {
    }

    /** {@code out[i] = e^x[i]} for i in {@code [from, to)}. */
    static void exp(float[] x, float[] out, int from, int to) {
        int i = from;
        for (; i + FLOATS.length() <= to; i += HALF) {
            rounded(exp(widened(x, i))).intoArray(out, i, FIRST_HALF);
        }
        for (; i < to; i++) {
            out[i] = (float) exp((double) x[i]);
        }
    }

    /** {@code out[i] = 1 / (1 + e^-x[i])} for i in {@code [from, to)}, in double precision. */
    static void sigmoid(float[] x, float[] out, int from, int to) {
        int i = from;
        for (; i + FLOATS.length() <= to; i += HALF) {
            rounded(sigmoid(widened(x, i))).intoArray(out, i, FIRST_HALF);
        }
        for (; i < to; i++) {
            out[i] = (float) (1 / (1 + exp(-(double) x[i])));
        }
    }

    private static DoubleVector sigmoid(DoubleVector x) {
        return DoubleVector.broadcast(DOUBLES, 1).div(exp(x.neg()).add(1));
    }

    /** The first {@link #HALF} floats at {@code x[i]} (of a whole vector's), in double precision. */
    private static DoubleVector widened(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, x, i).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    /** {@code v} rounded to floats, into the first {@link #HALF} lanes of a vector of floats. */
    private static FloatVector rounded(DoubleVector v) {
        return (FloatVector) v.convertShape(VectorOperators.D2F, FLOATS, 0);
    }

    /** The steps above, on every lane. */
    private static DoubleVector exp(DoubleVector x) {
        x = x.max(LOWEST).min(HIGHEST);
        DoubleVector shifted = x.mul(LOG2_E).add(ROUNDER);
        DoubleVector n = shifted.sub(ROUNDER);
        DoubleVector r = n.fma(DoubleVector.broadcast(DOUBLES, -LN2_HIGH), x);
        r = n.fma(DoubleVector.broadcast(DOUBLES, -LN2_LOW), r);
        DoubleVector p = DoubleVector.broadcast(DOUBLES, TAYLOR[11]);
        for (int k = 10; k >= 0; k--) {
            p = p.fma(r, DoubleVector.broadcast(DOUBLES, TAYLOR[k]));
        }
        LongVector exponent = shifted.reinterpretAsLongs().sub(ROUNDER_BITS).add(1023).lanewise(VectorOperators.LSHL, 52);
        return p.mul(exponent.reinterpretAsDoubles());
    }

    /** The same steps on one number, with the same roundings. */
    static double exp(double x) {
        x = Math.min(Math.max(x, LOWEST), HIGHEST);
        double shifted = x * LOG2_E + ROUNDER;
        double n = shifted - ROUNDER;
        double r = Math.fma(n, -LN2_HIGH, x);
        r = Math.fma(n, -LN2_LOW, r);
        double p = TAYLOR[11];
        for (int k = 10; k >= 0; k--) {
            p = Math.fma(p, r, TAYLOR[k]);
        }
        long exponent = (Double.doubleToRawLongBits(shifted) - ROUNDER_BITS + 1023) << 52;
        return p * Double.longBitsToDouble(exponent);
    }
}
