package ex2;

/** Hostile only to itself: does not compile (a missing semicolon). */
class Sigmoid {

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        double s = value(x)
        return s * (1 - s);
    }
}
