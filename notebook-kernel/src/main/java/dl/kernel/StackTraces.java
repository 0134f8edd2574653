package dl.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A stack trace cut to what a student can use: the frames from where the exception was thrown down to the cell's
 * own code, shown as "line 3 of the cell" with that line's code rather than JShell's {@code REPL.$JShell$12.do_it$},
 * and nothing of the machinery below.
 */
final class StackTraces {

    /** The file name {@link Evaluator} gives the frames of the running cell, numbered by the cell's lines. */
    static final String CELL = "cell";

    private static final int MAX_FRAMES = 12;

    /** The class JShell wraps each snippet in, as messages quote it: {@code REPL.$JShell$49.names[i]}. */
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[.$]");

    private StackTraces() {
    }

    /**
     * The exception's message with JShell's wrapper classes left out, so that a helpful NullPointerException
     * names the student's variable: {@code because "names[i]" is null}.
     */
    static String message(Throwable t) {
        return t.getMessage() == null ? "" : WRAPPER.matcher(t.getMessage()).replaceAll("");
    }

    /** The frames worth reading; {@code cell} is the source of the cell that ran, to quote its failing line. */
    static List<String> shortTrace(Throwable t, String cell) {
        List<String> lines = new ArrayList<>();
        StackTraceElement[] frames = t.getStackTrace();
        int last = frames.length - 1;
        while (last >= 0 && !frames[last].getClassName().startsWith("REPL.")) {
            last--;
        }
        if (last < 0) {
            last = frames.length - 1;
        }
        int shown = 0;
        for (int i = 0; i <= last && shown < MAX_FRAMES; i++) {
            StackTraceElement f = frames[i];
            if (f.getClassName().startsWith("jdk.internal.") || f.getClassName().startsWith("java.lang.reflect.")) {
                continue;
            }
            lines.add("    at " + (f.getClassName().startsWith("REPL.") ? cellFrame(f, cell) : f.toString()));
            shown++;
        }
        if (shown == MAX_FRAMES && last + 1 > MAX_FRAMES) {
            lines.add("    ... (" + (last + 1 - MAX_FRAMES) + " more)");
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            lines.add("Caused by " + cause.getClass().getSimpleName() + ": " + message(cause));
        }
        return lines;
    }

    /**
     * The cell's own code → "line 3 of the cell: total += names[i].length();", a method the student declared in
     * an earlier cell → its name.
     */
    private static String cellFrame(StackTraceElement f, String cell) {
        List<String> cellLines = cell.lines().toList();
        int line = f.getLineNumber();
        if (CELL.equals(f.getFileName()) && line >= 1 && line <= cellLines.size()) {
            return "line " + line + " of the cell: " + cellLines.get(line - 1).strip();
        }
        String method = f.getMethodName();
        return method.startsWith("do_it$") ? "the cell" : method + " (declared in a cell)";
    }
}
