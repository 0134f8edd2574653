package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JShell as the notebook runs it, in this JVM: values come back as objects, failures as exceptions. */
class EvaluatorTest {

    private static Evaluator jshell;

    @BeforeAll
    static void start() {
        jshell = new Evaluator();
        jshell.startUp("");
    }

    @AfterAll
    static void close() {
        jshell.close();
    }

    @Test
    void theLastExpressionComesBackAsTheObjectItself() {
        Object model = jshell.eval("var m = net(input(1, 28, 28)).conv(5, 6).relu().pool(2).flatten().dense(10);\nm");
        assertInstanceOf(Net.class, model);
        assertEquals(2, ((Net) model).parameters().size() / 2);
        Tensor t = (Tensor) jshell.eval("Tensor.arange(6).reshape(2, 3)");
        assertEquals(15f, t.sum().item());
    }

    @Test
    void declarationsAndStatementsShowNothing() {
        assertSame(Evaluator.NO_VALUE, jshell.eval("int answer = 42;"));
        assertSame(Evaluator.NO_VALUE, jshell.eval("System.out.print(\"\");"));
        assertEquals(43, jshell.eval("answer + 1"));
        assertEquals(null, jshell.eval("String nothing = null; nothing"));
    }

    @Test
    void aCompileErrorPointsAtTheCode() {
        CompileError e = assertThrows(CompileError.class, () -> jshell.eval("int a = 1;\nint b = a + undefinedThing;"));
        assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2: int b = a + undefinedThing;\n                    ^^^^^^^^^^^^^^"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("location: class"), e.getMessage());
    }

    @Test
    void theStudentsExceptionArrivesWithItsOwnClassAndMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> jshell.eval("Tensor.zeros(64, 784).matmul(Tensor.zeros(50, 10))"));
        assertEquals("matmul: [64, 784] x [50, 10]: inner dimensions 784 and 50 differ", e.getMessage());
        List<String> trace = StackTraces.shortTrace(e, "Tensor.zeros(64, 784).matmul(Tensor.zeros(50, 10))");
        assertTrue(trace.contains("    at line 1 of the cell: Tensor.zeros(64, 784).matmul(Tensor.zeros(50, 10))"),
                trace.toString());
    }

    @Test
    void printingShowsNoResultLikePythonsPrint() {
        assertSame(Evaluator.NO_VALUE, jshell.eval("System.out.printf(\"%d%n\", 3)"));
        assertSame(Evaluator.NO_VALUE, jshell.eval("System.out.append(\"\")"));
        assertSame(Evaluator.NO_VALUE,
                jshell.eval("new java.io.PrintWriter(new java.io.StringWriter()).format(\"x\")"));
        assertEquals("3", jshell.eval("String.format(\"%d\", 3)"), "a formatted string is still a value");
    }

    @Test
    void aNullPointerNamesTheStudentsVariableAndTheLineOfTheCell() {
        jshell.eval("String[] names = new String[3];");
        String cell = "int total = 0;\n\nfor (int i = 0; i < names.length; i++) {\n    total += names[i].length();\n}";
        NullPointerException e = assertThrows(NullPointerException.class, () -> jshell.eval(cell));
        assertEquals("Cannot invoke \"String.length()\" because \"names[i]\" is null", StackTraces.message(e));
        List<String> trace = StackTraces.shortTrace(e, cell);
        assertEquals("    at line 4 of the cell: total += names[i].length();", trace.get(0), trace.toString());
    }

    @Test
    void aFailureInAMethodDeclaredEarlierPointsAtTheCallInTheCell() {
        jshell.eval("int half(String s) { return s.length() / 2; }");
        String cell = "\n\nString word = null;\nhalf(word)";
        NullPointerException e = assertThrows(NullPointerException.class, () -> jshell.eval(cell));
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", StackTraces.message(e));
        assertEquals(List.of("    at half (declared in a cell)", "    at line 4 of the cell: half(word)"),
                StackTraces.shortTrace(e, cell));
    }

    @Test
    void anAllocationTooLargeForTheHeapIsAnErrorNotTheEnd() {
        ErrorInCell e = assertThrows(ErrorInCell.class, () -> jshell.eval("new float[Integer.MAX_VALUE - 8]"));
        assertInstanceOf(OutOfMemoryError.class, e.getCause());
        assertEquals(2, jshell.eval("1 + 1"));
    }

    @Test
    void stopEndsAnInfiniteLoop() throws Exception {
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> jshell.eval("while (true) { }"));
        Thread.sleep(500);
        jshell.stop();
        Exception e = assertThrows(Exception.class, () -> cell.get(10, TimeUnit.SECONDS));
        assertInstanceOf(Interrupted.class, e.getCause());
        assertEquals(3, jshell.eval("1 + 2"));
    }

    @Test
    void completionListsTheDslMethods() {
        jshell.eval("var m2 = net(input(4)).dense(3);");
        Evaluator.Completions c = jshell.complete("int k = 3;\nm2.con", 17);
        assertEquals(14, c.anchor());
        assertTrue(c.choices().contains("conv("), c.choices().toString());
    }

    @Test
    void tabAfterADotListsTheDslsWordsWithoutObjectsMethods() {
        jshell.eval("var m3 = net(input(4)).dense(3);");
        List<String> words = tab("m3.");
        for (String word : List.of("fit(", "summary()", "dense(")) {
            assertTrue(words.contains(word), word + " missing from " + words);
        }
        for (String object : List.of("wait(", "notify()", "notifyAll()", "hashCode()", "getClass()", "equals(")) {
            assertFalse(words.contains(object), object + " offered in " + words);
        }
    }

    @Test
    void objectsMethodsAreOfferedOnceTheirNameIsBegun() {
        jshell.eval("var m4 = net(input(4)).dense(3);");
        assertEquals(List.of("hashCode()"), tab("m4.has"));
        assertTrue(tab("\"cat\".eq").contains("equals("), tab("\"cat\".eq").toString());
    }

    /** What Tab offers at the end of {@code code}. */
    private static List<String> tab(String code) {
        return jshell.complete(code, code.length()).choices();
    }

    @Test
    void documentationNamesTheMethodUnderTheCursor() {
        jshell.eval("var t2 = Tensor.zeros(2);");
        var docs = jshell.documentation("t2.relu()", 5);
        assertTrue(!docs.isEmpty());
        assertTrue(docs.get(0).signature().contains("relu()"), docs.get(0).signature());
    }
}
