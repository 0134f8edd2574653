package dl.grading;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One test of an exercise, as the grader runs and scores it.
 *
 * @param id               what the harness runs: {@code "ex2.SigmoidTest#derivativeAtZeroIsAQuarter"}
 * @param exercise         {@code "ex2"}
 * @param points           {@link Points}
 * @param hidden           {@link Hidden}, on the class or the method
 * @param hint             {@link Hint}, or empty
 * @param timeLimitSeconds {@link TimeLimit}, or its default
 */
record TestCase(String id, String exercise, double points, boolean hidden, String hint, int timeLimitSeconds) {

    /** The test's name as a student reads it: "derivative at zero is a quarter" for derivativeAtZeroIsAQuarter. */
    String name() {
        String method = id.substring(id.indexOf('#') + 1);
        return method.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code @Test} methods of a compiled test class, in the order its source declares them (so the score table
     * reads like the file). Each needs {@link Points}: a test worth nothing is a teacher's mistake.
     */
    static List<TestCase> of(Class<?> testClass, String source) {
        String exercise = testClass.getPackageName();
        boolean hiddenClass = testClass.isAnnotationPresent(Hidden.class);
        return Stream.of(testClass.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Test.class))
            .sorted(Comparator.comparingInt((Method m) -> position(source, m.getName())).thenComparing(Method::getName))
            .map(m -> {
                Points points = m.getAnnotation(Points.class);
                if (points == null) {
                    throw new GradingException(testClass.getName() + "." + m.getName() + " has no @Points: give every"
                        + " test of an exercise its points, e.g. @Points(1)");
                }
                Hint hint = m.getAnnotation(Hint.class);
                TimeLimit limit = m.getAnnotation(TimeLimit.class);
                return new TestCase(testClass.getName() + "#" + m.getName(), exercise, points.value(),
                    hiddenClass || m.isAnnotationPresent(Hidden.class), hint == null ? "" : hint.value(),
                    limit == null ? TimeLimit.DEFAULT_SECONDS : limit.value());
            })
            .toList();
    }

    private static int position(String source, String method) {
        int at = source.indexOf("void " + method + "(");
        return at < 0 ? Integer.MAX_VALUE : at;
    }
}
