package dl.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A whole class's grades: every sub-folder or zip of a folder is one student's submission. Gives one CSV row per
 * student (student, a column per exercise, total), and in the terminal a summary per exercise (mean, median, how
 * many full marks, how many zeros) and a histogram of its scores.
 */
final class ClassReport {

    /** One student's points per exercise, in the key's order, or why their submission could not be graded. */
    record Row(String student, double[] scores, String error) {
        double total() {
            return Arrays.stream(scores).sum();
        }
    }

    private final List<String> exercises;
    private final double[] maxScores;
    private final List<Row> rows;

    ClassReport(List<String> exercises, double[] maxScores, List<Row> rows) {
        this.exercises = List.copyOf(exercises);
        this.maxScores = maxScores.clone();
        this.rows = List.copyOf(rows);
    }

    /** Grades each submission in {@code folder}, in name order, saying on {@code progress} who is being graded. */
    static ClassReport grade(Grader grader, Path folder, java.io.PrintStream progress) throws IOException {
        List<AnswerKey.Exercise> keyExercises = grader.key().exercises();
        List<String> ids = keyExercises.stream().map(AnswerKey.Exercise::id).toList();
        double[] max = keyExercises.stream()
            .mapToDouble(e -> e.tests().stream().mapToDouble(TestCase::points).sum()).toArray();
        List<Row> rows = new ArrayList<>();
        for (Path submission : submissions(folder)) {
            String student = submission.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
            progress.println("grading " + student);
            try {
                Grade grade = grader.grade(submission);
                rows.add(new Row(student, ids.stream().mapToDouble(grade::score).toArray(), ""));
            } catch (GradingException e) {
                rows.add(new Row(student, new double[ids.size()], e.getMessage()));
            }
        }
        return new ClassReport(ids, max, rows);
    }

    private static List<Path> submissions(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".zip"))
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted().toList();
        }
    }

    String csv() {
        StringBuilder csv = new StringBuilder("student," + String.join(",", exercises) + ",total\n");
        for (Row row : rows) {
            csv.append(quoted(row.student()));
            for (double score : row.scores()) {
                csv.append(',').append(Judge.number(score));
            }
            csv.append(',').append(Judge.number(row.total())).append('\n');
        }
        return csv.toString();
    }

    /** The summary table, then a histogram per exercise, then the students whose work could not be graded. */
    String summary() {
        StringBuilder text = new StringBuilder(String.format("%-8s %6s %6s %6s %11s %6s%n", "exercise", "max", "mean",
            "median", "full marks", "zero"));
        for (int e = 0; e < exercises.size(); e++) {
            double[] scores = column(e);
            int e2 = e;
            text.append(String.format(Locale.ROOT, "%-8s %6s %6.2f %6s %11d %6d%n", exercises.get(e),
                Judge.number(maxScores[e]), Arrays.stream(scores).average().orElse(0), Judge.number(median(scores)),
                Arrays.stream(scores).filter(s -> s == maxScores[e2]).count(),
                Arrays.stream(scores).filter(s -> s == 0).count()));
        }
        for (int e = 0; e < exercises.size(); e++) {
            text.append('\n').append(exercises.get(e)).append(" (points: students)\n");
            TreeMap<Double, Integer> counts = new TreeMap<>();
            for (double score : column(e)) {
                counts.merge(score, 1, Integer::sum);
            }
            counts.forEach((score, n) -> text.append(String.format("%6s | %s %d%n", Judge.number(score),
                "#".repeat(n), n)));
        }
        rows.stream().filter(r -> !r.error().isEmpty())
            .forEach(r -> text.append('\n').append(r.student()).append(": not graded: ").append(r.error()));
        return text.toString();
    }

    private double[] column(int exercise) {
        return rows.stream().mapToDouble(r -> r.scores()[exercise]).toArray();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String quoted(String field) {
        return field.matches("[^,\"\n]*") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
