package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a grade looks like to Gradescope (results.json) and to a teacher grading a class (CSV, summary). */
class ReportsTest {

    private static Grade madeUp() {
        return new Grade(List.of(
            new TestResult("ex2", "derivative at zero is a quarter", 1, 1, false, true, "", ""),
            new TestResult("ex2", "derivative on a grid", 0, 2, true, false, "σ'(x): expected 0.25, got 0.5\nHint: h",
                "debug print\n")),
            List.of());
    }

    @Test
    void resultsJsonHasGradescopesLayout(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("results.json");
        ResultsJson.write(madeUp(), file);
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(1.0, json.get("score").getAsDouble());
        JsonObject failed = json.getAsJsonArray("tests").get(1).getAsJsonObject();
        assertEquals("ex2: derivative on a grid", failed.get("name").getAsString());
        assertEquals(0.0, failed.get("score").getAsDouble());
        assertEquals(2.0, failed.get("max_score").getAsDouble());
        assertEquals("hidden", failed.get("visibility").getAsString());
        assertEquals("σ'(x): expected 0.25, got 0.5\nHint: h\n\nYour code printed:\ndebug print\n",
            failed.get("output").getAsString());
        assertEquals("visible", json.getAsJsonArray("tests").get(0).getAsJsonObject().get("visibility").getAsString());
        try (var left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void anExerciseThatFailsForOneReasonTakesOneRow() {
        List<TestResult> missing = List.of(
            new TestResult("ex3", "output gradient", 0, 1, false, false, "ex3/TwoLayerNet.java is not in the submission"
                + "\nHint: a", ""),
            new TestResult("ex3", "backward (hidden)", 0, 2, true, false, "ex3/TwoLayerNet.java is not in the submission"
                + "\nHint: b", ""));
        String table = ScoreTable.format(new Grade(missing, List.of()));
        assertEquals("""
            ex3   all 2 tests                                        0/3 ex3/TwoLayerNet.java is not in the submission
                  ex3 subtotal                                       0/3

                  total                                              0/3
            """, table);
    }

    @Test
    void theScoreTableShowsPointsWhyNotAndTotals() {
        String table = ScoreTable.format(madeUp());
        assertTrue(table.contains("ex2   derivative at zero is a quarter                    1/1 passed\n"), table);
        assertTrue(table.contains("ex2   derivative on a grid (hidden)                      0/2 σ'(x): expected 0.25, got"
            + " 0.5\n" + " ".repeat(61) + "Hint: h\n"), table);
        assertTrue(table.contains("      ex2 subtotal                                       1/3\n"), table);
        assertTrue(table.endsWith("      total                                              1/3\n"), table);
    }

    @Test
    void aClassGivesACsvRowPerStudentASummaryAndHistograms(@TempDir Path classFolder) throws Exception {
        Course.referenceSubmission(Files.createDirectories(classFolder.resolve("alice")));
        Course.stubbedSubmission(Files.createDirectories(classFolder.resolve("bob")));
        Path carol = Course.referenceSubmission(Files.createDirectories(classFolder.resolve("carol")));
        Path sigmoid = carol.resolve("ex2/Sigmoid.java");
        // σ(x)² is right at 0 only (0.5² = 0.25): one visible test passes
        Files.writeString(sigmoid, Files.readString(sigmoid).replace("return s * (1 - s);", "return s * s;"));
        ClassReport report = ClassReport.grade(Course.grader().only(List.of("ex2")), classFolder,
            new PrintStream(new ByteArrayOutputStream()));
        assertEquals("student,ex2,total\nalice,6,6\nbob,0,0\ncarol,1,1\n", report.csv());
        String summary = report.summary();
        System.out.println(summary);
        assertTrue(summary.startsWith("""
            exercise    max   mean median  full marks   zero
            ex2           6   2.33      1           1      1
            """), summary);
        assertTrue(summary.contains("""
            ex2 (points: students)
                 0 | # 1
                 1 | # 1
                 6 | # 1
            """), summary);
    }
}
