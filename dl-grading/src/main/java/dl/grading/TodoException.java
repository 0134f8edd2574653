package dl.grading;

/**
 * What an exercise's unwritten part throws: {@code throw new TodoException("ex2: write σ'(x)")}. The generator
 * writes these stubs in {@code exercises/} in place of each solution, so the code compiles and says what is left.
 */
public class TodoException extends RuntimeException {
    public TodoException(String whatToWrite) {
        super("not written yet: " + whatToWrite);
    }
}
