package dl.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How long the grader waits for a test before it stops the student's program, in seconds (10 unless set). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TimeLimit {
    int DEFAULT_SECONDS = 10;

    int value();
}
