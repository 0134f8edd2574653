package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What check("ex2") in a notebook gets: the visible tests only, judged with their own expected values. */
class CheckVisibleTest {

    private static List<TestResult> check(String sigmoid) {
        return Grader.checkVisible(Course.FOLDERS.exercises(), "ex2", Map.of("Sigmoid.java", sigmoid));
    }

    @Test
    void theSolutionPassesEveryVisibleTestAndNoHiddenOneRuns() throws Exception {
        List<TestResult> results = check(Files.readString(Course.FOLDERS.solutions().resolve("ex2/Sigmoid.java")));
        assertEquals(3, results.size());
        assertTrue(results.stream().allMatch(r -> r.passed() && !r.hidden()), results.toString());
    }

    @Test
    void aWrongAnswerSaysWhatWasExpectedAndGivesTheHint() throws Exception {
        String wrong = Files.readString(Course.FOLDERS.solutions().resolve("ex2/Sigmoid.java"))
            .replace("return s * (1 - s);", "return s * s;");
        TestResult atThree = check(wrong).stream().filter(r -> r.test().equals("derivative at three")).findFirst()
            .orElseThrow();
        assertFalse(atThree.passed());
        assertEquals("σ'(3): expected 0.0451767, got 0.907397\nHint: σ'(3) = σ(3) · (1 − σ(3)) = 0.952574 · 0.047426",
            atThree.message());
    }

    @Test
    void codeThatDoesNotCompileGetsTheCompilersMessage() {
        List<TestResult> results = check("package ex2;\nclass Sigmoid {\n  static double derivative(double x) {\n"
            + "    return x\n  }\n}\n");
        assertEquals(1, results.size());
        assertEquals("does not compile:\nex2/Sigmoid.java:4: ';' expected", results.get(0).message());
    }
}
