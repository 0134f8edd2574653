package ex2;

import java.util.ArrayList;
import java.util.List;

/** Hostile: asks for 10 GB on σ'(0), and keeps 100 MB arrays until memory runs out on σ'(3); right elsewhere. */
class Sigmoid {

    static final List<double[]> KEPT = new ArrayList<>();

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        if (x == 0) {
            double[] huge = new double[1_250_000_000];
            return huge[0];
        }
        while (x == 3) {
            KEPT.add(new double[12_500_000]);
        }
        double s = value(x);
        return s * (1 - s);
    }
}
