package dl.kernel;

import dl.grading.TestResult;
import java.util.List;
import java.util.Locale;

/**
 * What {@code check("ex2")} shows: one row per visible test, ✔ or ✘ with what was expected and the hint, and the
 * points. The notebook shows it as a table ({@link #html}), a terminal as text:
 * <pre>
 * check("ex2"): 2 of 3 visible tests pass, 2 of 3 points
 *   ✔ derivative at zero is a quarter   1/1
 *   ✘ derivative at three               0/1
 *       σ'(3): expected 0.0451767, got 0.5
 *   ✔ derivative is symmetric           1/1
 * Hidden tests are graded by your teacher.
 * </pre>
 *
 * @param exercise the exercise's id: {@code "ex2"}
 * @param rows     how each visible test went; a row of no points when something stopped the tests from running
 *                 (a class not defined yet, a compile error)
 */
public record CheckResult(String exercise, List<TestResult> rows) {

    static final String HIDDEN = "Hidden tests are graded by your teacher.";

    public CheckResult {
        rows = List.copyOf(rows);
    }

    /** The first line: how many tests pass and how many points they are worth. */
    String summary() {
        long passed = rows.stream().filter(TestResult::passed).count();
        double score = rows.stream().mapToDouble(TestResult::score).sum();
        double max = rows.stream().mapToDouble(TestResult::maxScore).sum();
        String head = "check(\"" + exercise + "\"): ";
        if (max == 0) {
            return head + "the tests did not run";
        }
        return head + passed + " of " + rows.size() + " visible tests pass, " + TestResult.number(score) + " of "
                + TestResult.number(max) + " points";
    }

    @Override
    public String toString() {
        int width = rows.stream().mapToInt(r -> r.test().length()).max().orElse(0);
        StringBuilder text = new StringBuilder(summary()).append('\n');
        for (TestResult row : rows) {
            text.append("  ").append(row.passed() ? '✔' : '✘').append(' ')
                    .append(String.format(Locale.ROOT, "%-" + width + "s", row.test()));
            if (row.maxScore() > 0) {
                text.append("   ").append(points(row));
            }
            text.append('\n');
            row.message().lines().forEach(line -> text.append("      ").append(line).append('\n'));
        }
        return text.append(HIDDEN).toString();
    }

    /** The rows as an HTML table, the summary above it and the note on hidden tests below. */
    String html() {
        StringBuilder s = new StringBuilder("<p><b>").append(Renderers.escape(summary())).append("</b></p>\n")
                .append("<table class=\"dl-table\">\n<thead><tr><th></th><th style=\"text-align:left\">test</th>")
                .append("<th style=\"text-align:right\">points</th><th style=\"text-align:left\">what went wrong</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (TestResult row : rows) {
            s.append("<tr><td style=\"color:").append(row.passed() ? "green\">✔" : "firebrick\">✘").append("</td>")
                    .append("<td style=\"text-align:left\">").append(Renderers.escape(row.test())).append("</td>")
                    .append("<td style=\"text-align:right\">").append(row.maxScore() > 0 ? points(row) : "")
                    .append("</td><td style=\"text-align:left; white-space:pre-wrap\">")
                    .append(Renderers.escape(row.message())).append("</td></tr>\n");
        }
        return s.append("</tbody>\n</table>\n<p>").append(HIDDEN).append("</p>").toString();
    }

    private static String points(TestResult row) {
        return TestResult.points(row.score(), row.maxScore());
    }
}
