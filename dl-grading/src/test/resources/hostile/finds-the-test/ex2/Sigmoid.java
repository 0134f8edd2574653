package ex2;

import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Hostile: finds the test that calls it by walking the stack, and looks in it (and everywhere reflection reaches)
 * for the expected values to return. It knows no formula.
 */
class Sigmoid {

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        Class<?> test = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
            .map(StackWalker.StackFrame::getDeclaringClass).filter(c -> c.getSimpleName().endsWith("Test"))
            .findFirst().orElseThrow());
        System.out.println("called by " + test.getName() + ", fields " + Arrays.toString(test.getDeclaredFields()));
        for (Field field : test.getDeclaredFields()) {
            try {
                field.setAccessible(true);
                if (field.getType() == double.class) {
                    return field.getDouble(null);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println("cannot read " + field + ": " + e);
            }
        }
        try {
            Class.forName("ex2.SigmoidReference");
        } catch (ClassNotFoundException e) {
            System.out.println("no reference class here");
        }
        return 0;
    }
}
