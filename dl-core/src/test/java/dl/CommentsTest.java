package dl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments say what the code does and why. The figures of the runs that led to it (timings, rates, changes in
 * percent, "ten times slower", "paired runs on a 2-core Xeon") belong in commit messages and the README's benchmark
 * section, where they can be measured again. Facts of the design (a 128 KiB panel, 16 registers, 5000 calls before
 * the JIT compiles a method) are fine. Checked: every module's main sources and the {@code dl} script.
 */
class CommentsTest {

    /** The repository: Surefire runs this test in dl-core. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** A figure of a run: a timing, seconds compared, a rate, a change in percent, a ratio, or a report's words. */
    private static final Pattern FIGURE = Pattern.compile("(?i)"
            + "\\b\\d+(\\.\\d+)?\\s*(ms|us|µs|ns)\\b"
            + "|\\d+(\\.\\d+)?\\s*(-|->|→|to|against|vs\\.?)\\s*\\d+(\\.\\d+)?\\s*s\\b"
            + "|\\d\\s*(GFLOP/s|images/s|steps/s)"
            + "|(?<![\\w.])[+-]\\d+(\\.\\d+)?\\s*%|\\d+(\\.\\d+)?\\s*%\\s+(longer|shorter|slower|faster|more|less)\\b"
            + "|\\b(times|quarter|third|half|twice)\\s+(slower|faster|longer|shorter|as long|as fast|as slow)\\b"
            + "|\\bpaired runs?\\b|\\bmeasured on\\b|\\bran at\\b|\\b\\d+-core\\b|\\bxeon\\b|\\bzen \\d\\b"
            + "|\\b(slower|faster) than before\\b|\\bbeat \\d+ by\\b");

    /** A shell comment: from a {@code #} at the start of a line or after a space, to the end of the line. */
    private static final Pattern SHELL_COMMENT = Pattern.compile("(^|\\s)#(.*)");

    @Test
    void commentsHoldNoBenchmarkFigures() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path sources : mainSourceFolders()) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(CommentsTest::isJava).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        check(file, i, javaComment(lines.get(i)), found);
                    }
                }
            }
        }
        List<String> script = Files.readAllLines(ROOT.resolve("dl"));
        for (int i = 0; i < script.size(); i++) {
            check(ROOT.resolve("dl"), i, shellComment(script.get(i)), found);
        }
        assertTrue(found.isEmpty(), "move these figures to the commit message or the README's benchmarks:\n"
                + String.join("\n", found));
    }

    @Test
    void theFiguresOfARunAreFoundAndTheDesignsAreNot() {
        for (String figures : List.of("an MLP's first epoch, paired runs: 0.58 -> 0.50 s",
                "MLP second epoch -12%, vgg_small -9%", "with 6 rows 1024^3 ran at 105 GFLOP/s",
                "a fresh array took 55-60 against 20 us", "the JIT's code for it ran a quarter slower")) {
            assertTrue(FIGURE.matcher(figures).find(), figures);
        }
        for (String design : List.of("80% to train on, 20% to validate, shuffled with seed 42",
                "C2 takes a method after 5000 calls; a tile of 8 rows uses 19 of 32 registers",
                "then 400 -> 120 -> 84 -> 10, 61,706 parameters", "(cross-entropy per example, 3.1 s)")) {
            Matcher m = FIGURE.matcher(design);
            assertTrue(!m.find(), () -> "'" + m.group() + "' found in: " + design);
        }
    }

    /** Every module's {@code src/main}: dl-core, the kernel, the benchmarks, and any module added later. */
    private static List<Path> mainSourceFolders() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> folders = modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).sorted().toList();
            assertTrue(folders.contains(ROOT.resolve("dl-core/src/main")), "no dl-core/src/main under " + ROOT);
            return folders;
        }
    }

    private static boolean isJava(Path file) {
        return file.toString().endsWith(".java") || file.toString().endsWith(".jsh");
    }

    private static void check(Path file, int index, String comment, List<String> found) {
        if (FIGURE.matcher(comment).find()) {
            found.add(ROOT.relativize(file) + ":" + (index + 1) + ": " + comment.strip());
        }
    }

    /** The comment part of a Java line: a Javadoc or block-comment line, or what follows {@code //}. */
    private static String javaComment(String line) {
        String s = line.strip();
        if (s.startsWith("*") || s.startsWith("/*")) {
            return s;
        }
        int slashes = line.indexOf("//");
        return slashes < 0 ? "" : line.substring(slashes + 2);
    }

    private static String shellComment(String line) {
        Matcher m = SHELL_COMMENT.matcher(line);
        return m.find() ? m.group(2) : "";
    }
}
