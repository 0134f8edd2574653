package dl.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack trace cut to what a student can use: the frames from where the exception was thrown down to the cell's
 * own code, called "cell" rather than JShell's {@code REPL.$JShell$12.do_it$}, and nothing of the machinery below.
 */
final class StackTraces {

    private static final int MAX_FRAMES = 12;

    private StackTraces() {
    }

    static List<String> shortTrace(Throwable t) {
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
            lines.add("    at " + (f.getClassName().startsWith("REPL.") ? cellFrame(f) : f.toString()));
            shown++;
        }
        if (shown == MAX_FRAMES && last + 1 > MAX_FRAMES) {
            lines.add("    ... (" + (last + 1 - MAX_FRAMES) + " more)");
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            lines.add("Caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return lines;
    }

    /** {@code REPL.$JShell$12.do_it$(...)} → "the cell", a method the student declared → its name. */
    private static String cellFrame(StackTraceElement f) {
        String method = f.getMethodName();
        return method.startsWith("do_it$") ? "the cell" : method + " (declared in a cell)";
    }
}
