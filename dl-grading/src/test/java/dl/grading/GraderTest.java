package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grader on the reference solution and on the exercises as students first get them. */
class GraderTest {

    @Test
    void theReferenceSolutionsScoreFullMarks(@TempDir Path folder) throws Exception {
        Grade grade = Course.grader().grade(Course.referenceSubmission(folder));
        System.out.print(ScoreTable.format(grade));
        assertTrue(grade.maxScore() > 0);
        assertEquals(grade.maxScore(), grade.score(), ScoreTable.format(grade));
    }

    @Test
    void theUnmodifiedExercisesScoreZeroEachRowSayingWhatIsLeft(@TempDir Path folder) throws Exception {
        Grade grade = Course.grader().grade(Course.stubbedSubmission(folder));
        assertEquals(0, grade.score(), ScoreTable.format(grade));
        for (TestResult row : grade.results()) {
            assertFalse(row.passed());
            assertTrue(row.message().startsWith("not written yet: " + row.exercise() + ": "), row.message());
        }
    }
}
