package dl.grading;

import java.util.List;

/**
 * A grade as a student reads it in a terminal: one row per test (exercise, test, points, passed or why not), each
 * exercise's subtotal, the total.
 * <pre>
 * ex2  derivative at zero is a quarter        1/1  passed
 * ex2  derivative on a grid (hidden)          0/2  σ'(x) for x = −10, ...: expected [...], got [...]
 *                                                  Hint: use value(x) once and reuse it
 *      ex2 subtotal                           1/3
 * </pre>
 */
final class ScoreTable {

    private static final int TEST_WIDTH = 44;

    private ScoreTable() {
    }

    static String format(Grade grade) {
        StringBuilder table = new StringBuilder();
        grade.notes().forEach(note -> table.append(note).append('\n'));
        List<TestResult> results = grade.results();
        String indent = " ".repeat(6 + TEST_WIDTH + 8);
        for (int i = 0; i < results.size(); i++) {
            TestResult r = results.get(i);
            String test = r.test() + (r.hidden() ? " (hidden)" : "");
            String[] why = (r.passed() ? "passed" : r.message()).split("\n");
            table.append(String.format("%-5s %-" + TEST_WIDTH + "s %7s %s%n", r.exercise(), cut(test), points(r.score(),
                r.maxScore()), why[0]));
            for (int line = 1; line < why.length; line++) {
                table.append(indent).append(why[line]).append('\n');
            }
            boolean lastOfExercise = i + 1 == results.size() || !results.get(i + 1).exercise().equals(r.exercise());
            if (lastOfExercise) {
                table.append(String.format("%-5s %-" + TEST_WIDTH + "s %7s%n%n", "", r.exercise() + " subtotal",
                    points(grade.score(r.exercise()), maxScore(results, r.exercise()))));
            }
        }
        table.append(String.format("%-5s %-" + TEST_WIDTH + "s %7s%n", "", "total", points(grade.score(),
            grade.maxScore())));
        return table.toString();
    }

    static String points(double score, double max) {
        return Judge.number(score) + "/" + Judge.number(max);
    }

    private static double maxScore(List<TestResult> results, String exercise) {
        return results.stream().filter(r -> r.exercise().equals(exercise)).mapToDouble(TestResult::maxScore).sum();
    }

    private static String cut(String text) {
        return text.length() <= TEST_WIDTH ? text : text.substring(0, TEST_WIDTH - 3) + "...";
    }
}
