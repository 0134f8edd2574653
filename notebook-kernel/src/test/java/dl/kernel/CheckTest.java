package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.grading.TestResult;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** check("ex2") in a cell: what it shows, and what it says before the tests can run. */
class CheckTest {

    private static final Path EXERCISES = Jupyter.ROOT.resolve("exercises");

    private static final CheckResult ONE_WRONG = new CheckResult("ex2", List.of(
            new TestResult("ex2", "derivative at zero is a quarter", 1, 1, false, true, "", ""),
            new TestResult("ex2", "derivative at three", 0, 1, false, false,
                    "σ'(3): expected 0.0451767, got 0.5\nhint: σ'(3) = σ(3) · (1 − σ(3))", "")));

    @Test
    void theTextFormIsOneRowPerTestWithWhyNotUnderIt() {
        assertEquals("""
                check("ex2"): 1 of 2 visible tests pass, 1 of 2 points
                  ✔ derivative at zero is a quarter   1/1
                  ✘ derivative at three               0/1
                      σ'(3): expected 0.0451767, got 0.5
                      hint: σ'(3) = σ(3) · (1 − σ(3))
                Hidden tests are graded by your teacher.""", ONE_WRONG.toString());
    }

    @Test
    void theNotebookShowsATableWithTheTextBeside() {
        Renderer renderer = new Renderer();
        Renderers.registerAll(renderer);
        DisplayData data = renderer.render(ONE_WRONG);
        String html = data.getData(MIMEType.TEXT_HTML).toString();
        assertTrue(html.contains("<td style=\"color:firebrick\">✘</td><td style=\"text-align:left\">derivative at three"),
                html);
        assertTrue(html.contains(CheckResult.HIDDEN), html);
        assertEquals(ONE_WRONG.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aWrongAnswerShowsWhatWasExpectedAndTheHint() {
        String wrong = """
                class Sigmoid {
                    static double value(double x) {
                        return 1 / (1 + Math.exp(-x));
                    }

                    static double derivative(double x) {
                        return value(x) * value(-x) * 2;   // twice too much
                    }
                }""";
        CheckResult result = Check.check("ex2", EXERCISES, name -> name.equals("Sigmoid") ? wrong : null);
        assertEquals("""
                check("ex2"): 1 of 3 visible tests pass, 1 of 3 points
                  ✘ derivative at zero is a quarter   0/1
                      σ'(0): expected 0.25, got 0.5
                      Hint: σ(0) = 0.5, so σ'(0) = 0.5 · (1 − 0.5)
                  ✔ derivative is symmetric           1/1
                  ✘ derivative at three               0/1
                      σ'(3): expected 0.0451767, got 0.0903533
                      Hint: σ'(3) = σ(3) · (1 − σ(3)) = 0.952574 · 0.047426
                Hidden tests are graded by your teacher.""", result.toString());
    }

    @Test
    void aClassNotDefinedYetSaysWhichCellToRunFirst() {
        CheckResult result = Check.check("ex2", EXERCISES, name -> null);
        assertEquals("""
                check("ex2"): the tests did not run
                  ✘ class Sigmoid
                      Sigmoid is not defined yet: run the cell that declares it (class Sigmoid ...), then check again
                Hidden tests are graded by your teacher.""", result.toString());
    }

    @Test
    void anUnknownExerciseListsTheExercises() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.check("ex 2", EXERCISES, name -> null));
        assertTrue(e.getMessage().startsWith("there is no exercise \"ex 2\" in " + EXERCISES + "; the exercises are "),
                e.getMessage());
        assertTrue(e.getMessage().contains("ex2"), e.getMessage());
    }

    @Test
    void theExercisesFolderIsFoundAboveTheNotebookOrInTheToolkitsFolder() {
        assertEquals(EXERCISES, Check.exercisesFolder(EXERCISES.resolve("ex2"), null));
        assertEquals(EXERCISES, Check.exercisesFolder(Jupyter.ROOT.resolve("solutions/ex2"), null));
        Path elsewhere = Path.of("/");
        assertEquals(EXERCISES, Check.exercisesFolder(elsewhere, Jupyter.ROOT.toString()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Check.exercisesFolder(elsewhere, null));
        assertTrue(e.getMessage().contains("./dl notebook exercises"), e.getMessage());
    }

    @Test
    void theClassIsTakenAsItsCellLastDeclaredIt() {
        // the kernel's cells see TodoException and check without an import
        try (Evaluator jshell = new Evaluator()) {
            jshell.startUp(DlKernel.KERNEL_IMPORTS);
            assertEquals(null, jshell.typeSource("Sigmoid"));
            assertEquals(1, jshell.eval("Runnable later = () -> check(\"ex2\");\n1"), "check(...) compiles");
            jshell.eval("class Sigmoid { static double derivative(double x) { throw new TodoException(\"ex2: σ'\"); } }");
            jshell.eval("/** σ and σ'. */\nclass Sigmoid {\n    static double derivative(double x) { return 0.25; }\n}\n"
                    + "Sigmoid.derivative(0)");
            assertEquals("/** σ and σ'. */\nclass Sigmoid {\n    static double derivative(double x) { return 0.25; }\n}",
                    jshell.typeSource("Sigmoid").strip());
        }
    }
}
