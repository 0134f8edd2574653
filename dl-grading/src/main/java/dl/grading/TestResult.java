package dl.grading;

/**
 * How one test of one exercise went for one student: a row of the score table and of Gradescope's results.json.
 *
 * @param exercise  the exercise's id: {@code "ex2"}
 * @param test      the test's name as students read it: {@code "derivative at zero is a quarter"}
 * @param score     the points earned: all of {@code maxScore} or nothing
 * @param maxScore  what the test is worth ({@link Points})
 * @param hidden    whether students see it before grades are published ({@link Hidden})
 * @param passed    whether it passed
 * @param message   why not (what was expected, what came, the hint), or empty
 * @param output    what the student's code printed during the test, cut to a few kilobytes
 */
public record TestResult(String exercise, String test, double score, double maxScore, boolean hidden, boolean passed,
                         String message, String output) {

    /** Points as a teacher writes them: {@code 2/2}, {@code 0/0.75}. */
    public static String points(double score, double max) {
        return number(score) + "/" + number(max);
    }

    /** A number of points: 1, 0.5, 95.5. */
    public static String number(double points) {
        return Judge.number(points);
    }
}
