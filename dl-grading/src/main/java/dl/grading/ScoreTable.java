package dl.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grade as a student reads it in a terminal: one row per test (exercise, test, points, passed or why not), each
 * exercise's subtotal, the total. An exercise whose tests all failed for one reason (its file is missing, it does
 * not compile) gets one row that says it.
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
        Map<String, List<TestResult>> byExercise = new LinkedHashMap<>();
        grade.results().forEach(r -> byExercise.computeIfAbsent(r.exercise(), id -> new ArrayList<>()).add(r));
        byExercise.forEach((exercise, results) -> {
            double max = results.stream().mapToDouble(TestResult::maxScore).sum();
            if (results.size() > 1 && sameFailure(results)) {
                // a missing file or a compile error: one row says it for every test of the exercise
                row(table, exercise, "all " + results.size() + " tests", TestResult.points(0, max), withoutHint(results.get(0)));
            } else {
                for (TestResult r : results) {
                    row(table, exercise, r.test() + (r.hidden() ? " (hidden)" : ""), TestResult.points(r.score(), r.maxScore()),
                        r.passed() ? "passed" : r.message());
                }
            }
            table.append(String.format("%-5s %-" + TEST_WIDTH + "s %9s%n%n", "", exercise + " subtotal",
                TestResult.points(grade.score(exercise), max)));
        });
        table.append(String.format("%-5s %-" + TEST_WIDTH + "s %9s%n", "", "total", TestResult.points(grade.score(),
            grade.maxScore())));
        return table.toString();
    }

    private static void row(StringBuilder table, String exercise, String test, String points, String why) {
        String[] lines = why.split("\n");
        table.append(String.format("%-5s %-" + TEST_WIDTH + "s %9s %s%n", exercise, cut(test), points, lines[0]));
        for (int line = 1; line < lines.length; line++) {
            table.append(" ".repeat(6 + TEST_WIDTH + 11)).append(lines[line]).append('\n');
        }
    }

    /** Whether every test failed with the same message, the hint aside. */
    private static boolean sameFailure(List<TestResult> results) {
        String first = withoutHint(results.get(0));
        return results.stream().noneMatch(TestResult::passed)
            && results.stream().allMatch(r -> withoutHint(r).equals(first)) && !first.startsWith("not written yet");
    }

    private static String withoutHint(TestResult r) {
        int hint = r.message().indexOf("\nHint: ");
        return hint < 0 ? r.message() : r.message().substring(0, hint);
    }

    private static String cut(String text) {
        return text.length() <= TEST_WIDTH ? text : text.substring(0, TEST_WIDTH - 3) + "...";
    }
}
