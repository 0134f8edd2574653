package ex2;

/** Hostile: ends the program on σ'(0); right everywhere else. */
class Sigmoid {

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        if (x == 0) {
            System.exit(0);
        }
        double s = value(x);
        return s * (1 - s);
    }
}
