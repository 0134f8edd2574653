package dl.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test students do not get: it stays in {@code solutions/}, {@code check("ex3")} never runs it, and the grader
 * reports it as hidden. Put hidden tests in their own class, {@code SigmoidHiddenTest}, marked on the class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Hidden {
}
