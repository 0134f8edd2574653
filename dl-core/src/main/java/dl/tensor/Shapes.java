package dl.tensor;

import java.util.Arrays;

/** Small facts about shapes, and the checks that explain what went wrong when two shapes do not fit. */
public final class Shapes {

    private Shapes() {
    }

    /** The number of elements: the product of the sizes (1 for a scalar). */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n
                    + " elements, more than one array can hold (" + Integer.MAX_VALUE + ")");
        }
        return (int) n;
    }

    /** Checks that every size is at least 0; {@code what} names the caller in the message. */
    public static int[] check(String what, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(what + ": shape " + Arrays.toString(shape)
                        + " has a negative size");
            }
        }
        return shape.clone();
    }

    /**
     * NumPy's broadcasting rule: align the shapes at the right; each pair of sizes must be equal or one of them 1;
     * the result takes the larger.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int da = i <= a.length ? a[a.length - i] : 1, db = i <= b.length ? b[b.length - i] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " cannot be broadcast: axis " + (rank - i) + " of the result would need " + da + " and " + db
                        + " to be equal, or one of them 1");
            }
            out[rank - i] = Math.max(da, db);
        }
        return out;
    }

    /** Turns a negative axis (-1 is the last) into its index, and checks it is inside the rank. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " does not exist in a tensor of rank " + rank
                    + " (use 0.." + (rank - 1) + ", or -1 for the last)");
        }
        return a;
    }

    /** The product of the sizes before {@code axis}. */
    public static int outer(int[] shape, int axis) {
        return size(Arrays.copyOfRange(shape, 0, axis));
    }

    /** The product of the sizes after {@code axis}. */
    public static int inner(int[] shape, int axis) {
        return size(Arrays.copyOfRange(shape, axis + 1, shape.length));
    }

    /** {@code shape} with {@code axis} removed (or set to 1 when {@code keep}). */
    public static int[] without(int[] shape, int axis, boolean keep) {
        if (keep) {
            int[] out = shape.clone();
            out[axis] = 1;
            return out;
        }
        int[] out = new int[shape.length - 1];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != axis) {
                out[j++] = shape[d];
            }
        }
        return out;
    }

    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
