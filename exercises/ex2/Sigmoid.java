package ex2;

import dl.grading.TodoException;

/**
 * Exercise 2: the sigmoid and its derivative (nn2, backpropagation).
 * <p>
 * σ(x) = 1 / (1 + e^(−x)) squashes any number into (0, 1). Backpropagation needs its derivative, and the sigmoid
 * has a famous one: σ'(x) = σ(x) · (1 − σ(x)), the value it already computed on the way forward.
 */
class Sigmoid {

    /** σ(x) = 1 / (1 + e^(−x)). */
    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** σ'(x), written with {@link #value}: σ'(x) = σ(x) · (1 − σ(x)). */
    static double derivative(double x) {
        throw new TodoException("ex2: write σ'(x) = σ(x) · (1 − σ(x)) with value(x)");
    }
}
