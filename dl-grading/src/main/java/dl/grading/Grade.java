package dl.grading;

import java.util.List;

/**
 * One submission's grade: a row per test, and notes for the reader (which files were graded, whether the grading
 * was isolated).
 */
public record Grade(List<TestResult> results, List<String> notes) {

    public double score() {
        return results.stream().mapToDouble(TestResult::score).sum();
    }

    public double maxScore() {
        return results.stream().mapToDouble(TestResult::maxScore).sum();
    }

    /** The points earned in one exercise. */
    public double score(String exercise) {
        return results.stream().filter(r -> r.exercise().equals(exercise)).mapToDouble(TestResult::score).sum();
    }
}
