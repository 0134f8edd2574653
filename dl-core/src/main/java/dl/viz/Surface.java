package dl.viz;

import dl.tensor.Tensor;
import java.util.function.UnaryOperator;

/**
 * Two-dimensional functions to watch optimizers on, written with tensor operations so that their gradients come
 * from {@code backward()}. Each takes {@code p = [x, y]} and knows a region worth drawing and a starting point.
 */
public enum Surface {

    /** {@code f = x^2 + 10 y^2}: an elongated bowl, where plain SGD zig-zags across the narrow direction. */
    BOWL(-3, 3, -1.5, 1.5, -2.5, 1.2, p -> p.mul(Tensor.of(new float[] {1, (float) Math.sqrt(10)})).pow(2).sum()),
    /** Rosenbrock's valley, {@code f = (1 - x)^2 + 100 (y - x^2)^2}: the minimum (1, 1) lies along a curved floor. */
    ROSENBROCK(-2, 2, -1, 3, -1.5, 2.5, p -> {
        Tensor x = p.slice(0, 0, 1), y = p.slice(0, 1, 2);
        return x.neg().add(1).pow(2).add(y.sub(x.pow(2)).pow(2).mul(100)).sum();
    }),
    /** Beale's function, minimum at (3, 0.5) in a flat basin with steep walls. */
    BEALE(-4.5, 4.5, -4.5, 4.5, 1, 1.5, p -> {
        Tensor x = p.slice(0, 0, 1), y = p.slice(0, 1, 2);
        Tensor a = x.neg().mul(y).add(x).neg().add(1.5f);
        Tensor b = x.neg().mul(y.pow(2)).add(x).neg().add(2.25f);
        Tensor c = x.neg().mul(y.pow(3)).add(x).neg().add(2.625f);
        return a.pow(2).add(b.pow(2)).add(c.pow(2)).sum();
    }),
    /** A saddle, {@code f = x^2 - y^2}: no minimum; starting near the ridge, momentum escapes sooner. */
    SADDLE(-2, 2, -2, 2, -1.8, 0.01, p -> p.mul(Tensor.of(new float[] {1, 0})).pow(2).sum()
            .sub(p.mul(Tensor.of(new float[] {0, 1})).pow(2).sum()));

    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;
    final double startX;
    final double startY;
    private final UnaryOperator<Tensor> f;

    Surface(double xMin, double xMax, double yMin, double yMax, double startX, double startY,
            UnaryOperator<Tensor> f) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.startX = startX;
        this.startY = startY;
        this.f = f;
    }

    /** {@code f(p)} for {@code p = [x, y]}, a scalar tensor. */
    public Tensor apply(Tensor p) {
        return f.apply(p);
    }

    /** {@code f(x, y)} as a number. */
    public double at(double x, double y) {
        return apply(Tensor.of(new float[] {(float) x, (float) y})).item();
    }
}
