package ex2;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hostile: reads the hidden tests and the reference solution by absolute path (the test writes the real folder in
 * place of SOLUTIONS), and answers right only if it could read them.
 */
class Sigmoid {

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        try {
            String hidden = Files.readString(Path.of("SOLUTIONS/ex2/SigmoidHiddenTest.java"));
            String solution = Files.readString(Path.of("SOLUTIONS/ex2/Sigmoid.java"));
            System.out.println("read " + hidden.length() + " + " + solution.length() + " characters");
            double s = value(x);
            return s * (1 - s);
        } catch (Exception e) {
            System.out.println("could not read the solutions: " + e);
            return 0;
        }
    }
}
