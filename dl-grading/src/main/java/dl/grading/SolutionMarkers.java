package dl.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the solution out of an exercise's source. The parts students write sit between two marker lines:
 * <pre>{@code
 * static double derivative(double x) {
 *     // BEGIN SOLUTION: write σ'(x) = σ(x) · (1 − σ(x)) with value(x)
 *     double s = value(x);
 *     return s * (1 - s);
 *     // END SOLUTION
 * }
 * }</pre>
 * and each region becomes one line at the marker's indentation, which compiles and says what is left:
 * <pre>{@code
 *     throw new TodoException("ex2: write σ'(x) = σ(x) · (1 − σ(x)) with value(x)");
 * }</pre>
 * Since nothing may follow a {@code throw} in its block, a region must end its block: the next line of code after
 * {@code // END SOLUTION} closes it with a {@code }}.
 */
final class SolutionMarkers {

    private static final Pattern BEGIN = Pattern.compile("^(\\s*)//\\s*BEGIN SOLUTION(.*)$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*END SOLUTION\\b.*$");

    private SolutionMarkers() {
    }

    /**
     * {@code source} with every solution region replaced by its stub.
     *
     * @param exercise the exercise's id, which starts each stub's message: {@code "ex2"}
     * @param place    where the source comes from, for error messages: {@code "solutions/ex2/Sigmoid.java"}
     * @throws IllegalArgumentException naming {@code place:line} when the markers do not pair up, a BEGIN line does
     *                                  not say what to write, or code follows a region in its block
     */
    static String stub(String exercise, String place, String source) {
        String[] lines = source.split("\n", -1);
        List<String> out = new ArrayList<>();
        int regionStart = 0;   // the line (from 1) of the open region's BEGIN, 0 outside a region
        for (int i = 0; i < lines.length; i++) {
            Matcher begin = BEGIN.matcher(lines[i]);
            if (begin.matches()) {
                if (regionStart != 0) {
                    throw error(place, i + 1, "a second BEGIN SOLUTION inside the region begun at line " + regionStart
                        + "; close that one with // END SOLUTION first");
                }
                String what = whatToWrite(begin.group(2), place, i + 1);
                regionStart = i + 1;
                out.add(begin.group(1) + "throw new TodoException(\"" + exercise + ": " + javaString(what) + "\");");
            } else if (END.matcher(lines[i]).matches()) {
                if (regionStart == 0) {
                    throw error(place, i + 1, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                requireEndOfBlock(lines, i, place);
                regionStart = 0;
            } else if (regionStart == 0) {
                out.add(lines[i]);
            }
        }
        if (regionStart != 0) {
            throw error(place, regionStart, "BEGIN SOLUTION without an END SOLUTION after it");
        }
        return String.join("\n", out);
    }

    /** Whether {@code source} has a solution region. */
    static boolean hasRegions(String source) {
        return source.lines().anyMatch(line -> BEGIN.matcher(line).matches());
    }

    /** The text after {@code BEGIN SOLUTION}: a colon, then what the student is to write. */
    private static String whatToWrite(String rest, String place, int line) {
        String what = rest.strip();
        if (!what.startsWith(":") || what.substring(1).isBlank()) {
            throw error(place, line, "BEGIN SOLUTION must say what to write, after a colon: "
                + "// BEGIN SOLUTION: write the backward pass of sigmoid");
        }
        return what.substring(1).strip();
    }

    /** The first line of code after the END at {@code end} must close the block (a stub's throw ends it). */
    private static void requireEndOfBlock(String[] lines, int end, String place) {
        for (int i = end + 1; i < lines.length; i++) {
            String code = lines[i].strip();
            if (code.isEmpty() || code.startsWith("//")) {
                continue;
            }
            if (!code.startsWith("}")) {
                throw error(place, i + 1, "code after END SOLUTION (line " + (end + 1) + ") in the same block would "
                    + "be unreachable after the stub's throw; let the solution region end its method");
            }
            return;
        }
    }

    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static IllegalArgumentException error(String place, int line, String message) {
        return new IllegalArgumentException(place + ":" + line + ": " + message);
    }
}
