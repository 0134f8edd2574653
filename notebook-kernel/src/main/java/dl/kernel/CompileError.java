package dl.kernel;

import jdk.jshell.Diag;

/**
 * A cell that does not compile: the compiler's message, then the line of the cell it is about with the
 * offending code underlined, the way javac shows it.
 */
final class CompileError extends RuntimeException {

    CompileError(String cell, int snippetOffset, Diag diag, String message) {
        super(withoutWrapper(message) + (diag == null ? "" : where(cell, snippetOffset, diag)));
    }

    /** javac's "location: class" names JShell's hidden wrapper class: of no use to the student. */
    private static String withoutWrapper(String message) {
        return message.lines().filter(l -> !l.strip().startsWith("location: class"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String where(String cell, int snippetOffset, Diag diag) {
        int at = (int) Math.min(cell.length(), snippetOffset + Math.max(0, diag.getStartPosition()));
        int end = (int) Math.min(cell.length(), snippetOffset + Math.max(diag.getStartPosition(), diag.getEndPosition()));
        int lineStart = at == 0 ? 0 : cell.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = cell.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = cell.length();
        }
        int lineNumber = 1 + (int) cell.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        String prefix = "line " + lineNumber + ": ";
        String line = cell.substring(lineStart, lineEnd);
        int width = Math.max(1, Math.min(end, lineEnd) - at);
        return "\n" + prefix + line + "\n" + " ".repeat(prefix.length() + at - lineStart) + "^".repeat(width);
    }
}
