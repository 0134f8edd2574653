package ex2;

/** Hostile: loops forever on σ'(3); right everywhere else. */
class Sigmoid {

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        while (x == 3) {
            x = 3;
        }
        double s = value(x);
        return s * (1 - s);
    }
}
