package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a solution region becomes a stub, and what a teacher reads when the markers are wrong. */
class SolutionMarkersTest {

    @Test
    void aRegionBecomesOneThrowAtItsIndentation() {
        String solution = """
            double derivative(double x) {
                // BEGIN SOLUTION: write σ'(x) with value(x)
                double s = value(x);
                return s * (1 - s);
                // END SOLUTION
            }""";
        assertEquals("""
            double derivative(double x) {
                throw new TodoException("ex2: write σ'(x) with value(x)");
            }""", SolutionMarkers.stub("ex2", "Sigmoid.java", solution));
    }

    @Test
    void quotesInWhatToWriteAreEscaped() {
        String stub = SolutionMarkers.stub("ex9", "Dropout.java", """
              // BEGIN SOLUTION: return "kept" or a path like C:\\data
              return "kept";
              // END SOLUTION
            }""");
        assertTrue(stub.contains("throw new TodoException(\"ex9: return \\\"kept\\\" or a path like C:\\\\data\");"),
            stub);
    }

    @Test
    void textWithoutRegionsIsLeftAsItIs() {
        String text = "class A {\n    int a() {\n        return 1;\n    }\n}\n";
        assertEquals(text, SolutionMarkers.stub("ex1", "A.java", text));
        assertFalse(SolutionMarkers.hasRegions(text));
    }

    @Test
    void wrongMarkersAreErrorsNamingFileAndLine() {
        assertError("A.java:2: BEGIN SOLUTION must say what to write", "{\n// BEGIN SOLUTION\nreturn 1;\n// END SOLUTION\n}");
        assertError("A.java:2: BEGIN SOLUTION must say what to write", "{\n// BEGIN SOLUTION:   \n// END SOLUTION\n}");
        assertError("A.java:3: END SOLUTION without a BEGIN", "{\nreturn 1;\n// END SOLUTION\n}");
        assertError("A.java:2: BEGIN SOLUTION without an END", "{\n// BEGIN SOLUTION: a\nreturn 1;\n}");
        assertError("A.java:3: a second BEGIN SOLUTION inside the region begun at line 2",
            "{\n// BEGIN SOLUTION: a\n// BEGIN SOLUTION: b\n// END SOLUTION\n}");
        assertError("A.java:5: code after END SOLUTION (line 4)",
            "{\n// BEGIN SOLUTION: a\nint s = 1;\n// END SOLUTION\nreturn s;\n}");
    }

    private static void assertError(String start, String source) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SolutionMarkers.stub("ex1", "A.java", source));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
