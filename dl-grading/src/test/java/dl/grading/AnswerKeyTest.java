package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer key: made once per version of solutions/, and what it tells the teacher. */
class AnswerKeyTest {

    private static final String KEY = """
        {"exercises": [{"id": "ex9", "javaFiles": ["ex9/A.java"], "notebook": "", "tests": [
          {"id": "ex9.AHiddenTest#leaks", "exercise": "ex9", "points": 1, "hidden": true, "hint": "",
           "timeLimitSeconds": 10},
          {"id": "ex9.AHiddenTest#keepsItsAnswer", "exercise": "ex9", "points": 1, "hidden": true, "hint": "",
           "timeLimitSeconds": 10}]}],
         "reference": {
          "ex9.AHiddenTest#leaks": [{"what": "x", "values": [1], "shape": [], "text": "",
            "judge": {"kind": "CLOSE_TO", "expected": [1], "shape": [], "text": "", "tolerance": 0}}],
          "ex9.AHiddenTest#keepsItsAnswer": [{"what": "y", "values": [2], "shape": [], "text": "",
            "judge": {"kind": "SAME_AS_REFERENCE", "expected": [], "shape": [], "text": "", "tolerance": 1e-6}}]}}
        """;

    @Test
    void hiddenTestsThatCarryTheirExpectedValuesAreNamedForTheTeacher(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("answer-key.json"), KEY);
        assertEquals(List.of("ex9.AHiddenTest#leaks"), AnswerKey.load(folder).hiddenTestsWithTheirAnswers());
    }

    @Test
    void aDamagedKeySaysHowToMakeItAnew(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("answer-key.json"), "{\"exercises\": [");
        GradingException e = assertThrows(GradingException.class, () -> AnswerKey.load(folder));
        assertTrue(e.getMessage().endsWith("delete the folder and grade again to make it anew"), e.getMessage());
    }

    @Test
    void theKeyIsKeptUnderTheHashOfTheSolutionsAndTheToolkit() {
        Path folder = Course.grader().key().folder();
        assertEquals(Course.FOLDERS.answerKeys().resolve(AnswerKey.hash(Course.FOLDERS.solutions(),
            Grader.toolkitClassPath(Course.FOLDERS))), folder);
        assertTrue(Files.isRegularFile(folder.resolve("answer-key.json")));
    }
}
