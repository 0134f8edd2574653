package dl.nn.init;

import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.util.Random;

/**
 * A random orthogonal weight (Saxe et al. 2014), made as PyTorch's {@code orthogonal_} makes it: view the weight
 * as a matrix {@code [rows, cols]} with {@code rows = shape[0]} and {@code cols} the product of the other sizes,
 * draw it from {@code N(0, 1)}, and orthonormalize by Gram-Schmidt (the Q of a QR decomposition) along the
 * longer side. Then {@code W W^T = I} if {@code rows <= cols}, else {@code W^T W = I}.
 */
public final class Orthogonal {

    private Orthogonal() {
    }

    /** An orthogonal tensor of the given shape (rank 2 or more). */
    public static Tensor create(Random rng, int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("orthogonal: needs a weight of rank 2 or more, got rank "
                    + shape.length);
        }
        int rows = shape[0];
        int cols = Shapes.size(shape) / rows;
        int n = Math.max(rows, cols);
        int k = Math.min(rows, cols);
        double[][] q = new double[k][n];       // k vectors of length n, made orthonormal
        for (double[] vector : q) {
            for (int j = 0; j < n; j++) {
                vector[j] = rng.nextGaussian();
            }
        }
        gramSchmidt(q);
        float[] values = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = (float) (rows <= cols ? q[r][c] : q[c][r]);
            }
        }
        return Tensor.of(values, shape);
    }

    /**
     * Modified Gram-Schmidt: {@code q_i <- q_i - sum_{j<i} (q_i . q_j) q_j}, then {@code q_i <- q_i / |q_i|}.
     */
    static void gramSchmidt(double[][] q) {
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < i; j++) {
                double dot = dot(q[i], q[j]);
                for (int c = 0; c < q[i].length; c++) {
                    q[i][c] -= dot * q[j][c];
                }
            }
            double norm = Math.sqrt(dot(q[i], q[i]));
            for (int c = 0; c < q[i].length; c++) {
                q[i][c] /= norm;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            s += a[c] * b[c];
        }
        return s;
    }
}
