package dl.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The backend's comments say what the code does and why; the figures of the runs that led to it (timings,
 * throughputs, percentages, "took", "measured") belong in commit messages and the README's benchmark section,
 * where they can be measured again. Facts of the design (a 128 KiB panel, 16 registers) are fine.
 */
class BackendCommentsTest {

    private static final Path BACKEND = Path.of("src/main/java/dl/backend");

    /** A timing, a rate, a percentage, or the words of a benchmark report. */
    private static final Pattern FIGURE = Pattern.compile("(?i)\\b\\d+(\\.\\d+)?\\s*(ms|us|µs|ns|GFLOP/s)\\b"
            + "|\\d+(\\.\\d+)?\\s*%|\\bmeasured\\b|\\btook\\b|\\bran at\\b|\\btimes (slower|faster)\\b"
            + "|\\b(slower|faster) than before\\b");

    @Test
    void commentsHoldNoBenchmarkFigures() throws IOException {
        assertTrue(Files.isDirectory(BACKEND), BACKEND.toAbsolutePath() + " is missing");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BACKEND)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String comment = comment(lines.get(i));
                    if (FIGURE.matcher(comment).find()) {
                        found.add(BACKEND.relativize(file) + ":" + (i + 1) + ": " + comment.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "move these figures to the commit message or the README's benchmarks");
    }

    /** The comment part of a line: a Javadoc or block-comment line, or what follows {@code //}. */
    private static String comment(String line) {
        String s = line.strip();
        if (s.startsWith("*") || s.startsWith("/*")) {
            return s;
        }
        int slashes = line.indexOf("//");
        return slashes < 0 ? "" : line.substring(slashes + 2);
    }
}
