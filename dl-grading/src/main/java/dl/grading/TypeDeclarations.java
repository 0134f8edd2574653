package dl.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the types a notebook cell declares: {@code class}, {@code interface}, {@code record} or {@code enum}, each
 * with the Javadoc, comments and annotations before it, up to its closing brace. The cell's declarations are read
 * from its top until the first thing that is not one (a call to try the class, say), which is left out.
 */
final class TypeDeclarations {

    private static final Pattern HEADER = Pattern.compile(
        "((public|protected|private|abstract|static|final|sealed|non-sealed|strictfp)\\s+)*"
            + "(class|interface|record|enum)\\s+([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern ANNOTATION = Pattern.compile("@(?!interface)[A-Za-z_$][A-Za-z0-9_$.]*");

    private TypeDeclarations() {
    }

    /** Each type {@code cell} declares at its top, by name, in order: the text from its Javadoc to its brace. */
    static Map<String, String> in(String cell) {
        Map<String, String> types = new LinkedHashMap<>();
        int position = 0;
        while (true) {
            int start = skipSpace(cell, position);
            int header = skipAnnotations(cell, skipSpaceAndComments(cell, start));
            Matcher m = HEADER.matcher(cell).region(header, cell.length());
            if (!m.lookingAt()) {
                return types;
            }
            int open = next(cell, m.end(), '{');
            int close = open < 0 ? -1 : matchingBrace(cell, open);
            if (close < 0) {
                return types;   // not a whole declaration: the compiler will say what is wrong with it
            }
            types.put(m.group(4), cell.substring(start, close + 1));
            position = close + 1;
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaceAndComments(String s, int i) {
        while (true) {
            i = skipSpace(s, i);
            if (!s.startsWith("//", i) && !s.startsWith("/*", i)) {
                return i;
            }
            i = skipLiteralOrComment(s, i);
        }
    }

    /** Skips {@code @Name} and {@code @Name(...)} annotations, with the space and comments after them. */
    private static int skipAnnotations(String s, int i) {
        Matcher m = ANNOTATION.matcher(s);
        while (m.region(i, s.length()).lookingAt()) {
            i = skipSpaceAndComments(s, m.end());
            if (i < s.length() && s.charAt(i) == '(') {
                int close = next(s, i, ')');
                i = close < 0 ? s.length() : skipSpaceAndComments(s, close + 1);
            }
        }
        return i;
    }

    /** The position of the first {@code wanted} at or after {@code i} outside strings and comments, or −1. */
    private static int next(String s, int i, char wanted) {
        while (i < s.length()) {
            int after = skipLiteralOrComment(s, i);
            if (after > i) {
                i = after;
            } else if (s.charAt(i) == wanted) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The position of the brace that closes the one at {@code open}, or −1 when the cell ends first. */
    private static int matchingBrace(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            int after = skipLiteralOrComment(s, i);
            if (after > i) {
                i = after;
                continue;
            }
            char c = s.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Where a comment, string, text block or character literal that starts at {@code i} ends; {@code i} if none. */
    private static int skipLiteralOrComment(String s, int i) {
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            int end = s.indexOf("\"\"\"", i + 3);
            while (end > 0 && s.charAt(end - 1) == '\\') {
                end = s.indexOf("\"\"\"", end + 1);
            }
            return end < 0 ? s.length() : end + 3;
        }
        if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            char quote = s.charAt(i);
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != quote && s.charAt(j) != '\n') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, s.length());
        }
        return i;
    }
}
