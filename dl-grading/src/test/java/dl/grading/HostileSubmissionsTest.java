package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Student code is graded as hostile: each fixture in src/test/resources/hostile/ is an ex2/Sigmoid.java that attacks
 * the grader one way, and each test says what the grader made of it. They need bubblewrap (skipped without it,
 * failed in CI).
 */
class HostileSubmissionsTest {

    @TempDir
    Path folder;

    @BeforeEach
    void needsBubblewrap() {
        Course.requireBubblewrap();
    }

    /** Grades ex2 with the fixture {@code name} as its Sigmoid.java, time limits cut to a third; rows by test. */
    private Map<String, TestResult> grade(String name) throws Exception {
        return rows(gradeEx2(name, Course.hostileSubmission(name, folder), Course.SHORT_TIMES));
    }

    private static Grade gradeEx2(String name, Path submission, double timeScale) throws Exception {
        Grade grade = Course.grader(timeScale).only(List.of("ex2")).grade(submission);
        System.out.println("hostile/" + name + ":\n" + ScoreTable.format(grade));
        return grade;
    }

    private static Map<String, TestResult> rows(Grade grade) {
        return grade.results().stream().collect(Collectors.toMap(TestResult::test, Function.identity()));
    }

    @Test
    void anEndlessLoopCostsTheTestsThatLoopAndTheOthersStillRun() throws Exception {
        Map<String, TestResult> rows = grade("endless-loop");
        assertEquals("stopped after 3 s (an endless loop?)", firstLine(rows.get("derivative at three")));
        assertEquals("stopped after 3 s (an endless loop?)", firstLine(rows.get("derivative on a grid")));
        assertTrue(rows.get("derivative at zero is a quarter").passed());
        assertTrue(rows.get("derivative is symmetric").passed());
        assertTrue(rows.get("derivative far out").passed());
    }

    @Test
    void systemExitFailsTheTestItEndsAndTheRestGoOn() throws Exception {
        Map<String, TestResult> rows = grade("system-exit");
        assertEquals("your code ended the program (System.exit?) during this test",
            firstLine(rows.get("derivative at zero is a quarter")));
        assertTrue(rows.get("derivative is symmetric").passed());
        assertTrue(rows.get("derivative at three").passed());
        assertTrue(rows.get("derivative far out").passed());
    }

    @Test
    void theSolutionsAndHiddenTestsCannotBeReadByPath() throws Exception {
        Path fixture = Course.hostileSubmission("reads-solutions", folder).resolve("ex2/Sigmoid.java");
        Files.writeString(fixture, Files.readString(fixture).replace("SOLUTIONS", Course.FOLDERS.solutions()
            .toString()));
        Grade grade = gradeEx2("reads-solutions", folder, Course.SHORT_TIMES);
        for (TestResult row : grade.results()) {
            boolean symmetric = row.test().equals("derivative is symmetric");   // 0 − 0 is right by chance
            assertEquals(symmetric, row.passed(), row.test());
            assertTrue(row.output().contains("could not read the solutions: java.nio.file.NoSuchFileException"),
                row.output());
        }
    }

    @Test
    void findingTheTestByStackWalkingAndReflectionFindsNoAnswers() throws Exception {
        Map<String, TestResult> rows = grade("finds-the-test");
        for (TestResult row : rows.values()) {
            boolean symmetric = row.test().equals("derivative is symmetric");   // 0 − 0 is right by chance
            assertEquals(symmetric, row.passed(), row.test());
        }
        assertTrue(rows.get("derivative on a grid").output().contains("called by ex2.SigmoidHiddenTest, fields []"));
        assertEquals(0, rows.get("derivative on a grid").score() + rows.get("derivative far out").score());
    }

    @Test
    void aForgedResultsFileAndForgedLinesChangeNothing(@TempDir Path results) throws Exception {
        Path submission = Course.hostileSubmission("forges-results", folder);
        Grade grade = gradeEx2("forges-results", submission, Course.SHORT_TIMES);
        for (TestResult row : grade.results()) {
            assertFalse(row.passed(), row.test());
            assertTrue(row.message().contains("but it ended before"), row.message());   // the forged "finished"
        }
        ResultsJson.write(grade, results.resolve("results.json"));
        assertTrue(Files.readString(results.resolve("results.json")).startsWith("{\n  \"score\": 0.0,"));
    }

    @Test
    void aTenGigabyteAllocationFailsWithTheMemoryMessageAndTheGraderGoesOn() throws Exception {
        // the tests' own time limits: filling 1 GB takes more than 3 s on a busy machine
        Map<String, TestResult> rows = rows(gradeEx2("allocates-10gb", Course.hostileSubmission("allocates-10gb",
            folder), 1));
        assertEquals("ran out of memory: the grader allows 1 GB (at Sigmoid.java:17)",
            firstLine(rows.get("derivative at zero is a quarter")));
        assertTrue(firstLine(rows.get("derivative at three")).startsWith("ran out of memory: the grader allows 1 GB"));
        assertTrue(rows.get("derivative is symmetric").passed());
        assertTrue(rows.get("derivative far out").passed());
    }

    @Test
    void aThreadLeftRunningDoesNotKeepTheGradeFromFinishing() throws Exception {
        long start = System.nanoTime();
        Map<String, TestResult> rows = grade("thread-left-running");
        assertTrue(rows.values().stream().allMatch(TestResult::passed));
        assertTrue((System.nanoTime() - start) / 1e9 < 60);
    }

    @Test
    void aCompileErrorScoresZeroForItsExerciseWithTheCompilersMessage() throws Exception {
        List<String> ex1AndEx2 = Course.grader().key().exercises().stream().map(AnswerKey.Exercise::id)
            .filter(id -> id.equals("ex1") || id.equals("ex2")).toList();
        Grade grade = Course.grader().only(ex1AndEx2).grade(Course.hostileSubmission("compile-error", folder));
        System.out.println("hostile/compile-error:\n" + ScoreTable.format(grade));
        for (TestResult row : grade.results()) {
            if (row.exercise().equals("ex2")) {
                assertEquals("does not compile:\nex2/Sigmoid.java:11: ';' expected", row.message());
            } else {
                assertTrue(row.passed(), row.exercise() + " " + row.test() + ": " + row.message());
            }
        }
        assertEquals(0, grade.score("ex2"));
    }

    private static String firstLine(TestResult row) {
        return row.message().split("\n")[0];
    }
}
