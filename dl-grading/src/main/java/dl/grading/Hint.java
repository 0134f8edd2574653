package dl.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What to try when the test fails, in a student's words: {@code @Hint("σ'(x) = σ(x)(1 − σ(x))")}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hint {
    String value();
}
