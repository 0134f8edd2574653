package dl.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exercises/ is what the generator makes of solutions/, and solutions/ keeps the rules the grader and check() rely
 * on: every test has its points, none relies on Java's assert statement, a visible test carries its own expected
 * values, and a notebook's class cell is the class's Java file.
 */
class ExercisesUpToDateTest {

    private static final Path SOLUTIONS = Course.FOLDERS.solutions();
    private static final Path EXERCISES = Course.FOLDERS.exercises();
    /** A method's annotations (a {@code @Hint}'s text may hold parentheses) and its name. */
    private static final Pattern ANNOTATED_METHOD = Pattern.compile(
        "((?:@\\w+(?:\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^)\"])*\\))?\\s+)+)(?:(?:public|protected|private|static)\\s+)*"
            + "void\\s+(\\w+)\\s*\\(");

    @TempDir
    Path temp;

    @Test
    void exercisesAreWhatTheGeneratorMakesOfSolutions() throws IOException {
        Generator.write(Generator.generate(SOLUTIONS), temp);
        List<String> want = exerciseFiles(temp);
        List<String> have = exerciseFiles(EXERCISES);
        String advice = ": run ./dl exercises, which writes exercises/ from solutions/ (never edit exercises/ by hand)";
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String wanted = i < want.size() ? want.get(i) : null;
            String had = i < have.size() ? have.get(i) : null;
            if (wanted == null || (had != null && had.compareTo(wanted) < 0)) {
                fail("exercises/" + had + " has no source in solutions/" + advice);
            }
            if (!wanted.equals(had)) {
                fail("exercises/" + wanted + " is missing" + advice);
            }
            byte[] generated = Files.readAllBytes(temp.resolve(wanted));
            byte[] committed = Files.readAllBytes(EXERCISES.resolve(wanted));
            if (!Arrays.equals(generated, committed)) {
                fail("exercises/" + wanted + " differs from what solutions/ gives, first at line "
                    + firstDifferentLine(generated, committed) + advice);
            }
        }
    }

    @Test
    void everyTestHasItsPoints() throws IOException {
        for (Path test : javaFiles(SOLUTIONS, "Test.java")) {
            Matcher m = ANNOTATED_METHOD.matcher(Files.readString(test, StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(1).matches("(?s).*@(Test|ParameterizedTest|RepeatedTest)\\b.*")) {
                    assertTrue(m.group(1).contains("@Points("), Course.FOLDERS.root().relativize(test) + ": test "
                        + m.group(2) + " has no @Points(...): say what it is worth");
                }
            }
        }
    }

    /** Java's assert is off unless the JVM runs with -ea: a check that relied on it would pass failing work. */
    @Test
    void noTestReliesOnJavasAssertStatement() throws IOException {
        Pattern assertStatement = Pattern.compile("(?m)^\\s*assert\\s*[(\\w!]");
        for (Path file : javaFiles(SOLUTIONS, ".java")) {
            assertTrue(!assertStatement.matcher(Files.readString(file, StandardCharsets.UTF_8)).find(),
                Course.FOLDERS.root().relativize(file) + " uses Java's assert statement, which the JVM skips unless run "
                    + "with -ea: judge with expect(...) instead");
        }
    }

    @Test
    void visibleTestsCarryTheirExpectedValues() throws IOException {
        for (Map.Entry<String, byte[]> file : Generator.generate(SOLUTIONS).entrySet()) {
            if (file.getKey().endsWith("Test.java")) {
                assertTrue(!new String(file.getValue(), StandardCharsets.UTF_8).contains("sameAsReference"),
                    "solutions/" + file.getKey() + " is visible to students but uses sameAsReference, which check() "
                        + "in a notebook cannot judge: give the expected value, or move the test to a @Hidden class");
            }
        }
    }

    @Test
    void aNotebooksClassCellIsTheClassesJavaFile() throws IOException {
        for (Path folder : Generator.exerciseFolders(SOLUTIONS)) {
            for (Path notebook : filesEndingWith(folder, ".ipynb")) {
                List<String> cells = new ArrayList<>();
                for (JsonObject cell : NotebookJson.cells(NotebookJson.read(notebook))) {
                    if (NotebookJson.isCode(cell)) {
                        cells.add(NotebookJson.source(cell).strip());
                    }
                }
                for (String type : Notebooks.typeNames(folder)) {
                    String java = Notebooks.cellText(Files.readString(folder.resolve(type + ".java")));
                    String cell = cells.stream().filter(c -> TypeDeclarations.in(c).containsKey(type)).findFirst()
                        .orElseThrow(() -> new AssertionError(folder.getFileName() + ": " + notebook.getFileName()
                            + " has no cell declaring " + type + "; give it one with the text of " + type + ".java"));
                    assertSameLines(folder.getFileName() + ": the cell of " + type + " in " + notebook.getFileName()
                        + " differs from " + type + ".java (without its package and imports)", java, cell);
                }
            }
        }
    }

    private static int firstDifferentLine(byte[] a, byte[] b) {
        List<String> x = new String(a, StandardCharsets.UTF_8).lines().toList();
        List<String> y = new String(b, StandardCharsets.UTF_8).lines().toList();
        int line = 0;
        while (line < Math.min(x.size(), y.size()) && x.get(line).equals(y.get(line))) {
            line++;
        }
        return line + 1;
    }

    private static void assertSameLines(String what, String file, String cell) {
        List<String> want = file.lines().toList();
        List<String> have = cell.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "(the end)";
            String h = i < have.size() ? have.get(i) : "(the end)";
            assertEquals(w, h, what + ", first at line " + (i + 1) + " of the class");
        }
    }

    /** The files of the exercise folders of {@code root}, relative to it, leaving out hidden ones. */
    private static List<String> exerciseFiles(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        for (Path folder : Generator.exerciseFolders(root)) {
            try (Stream<Path> all = Files.walk(folder)) {
                all.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.contains("/.")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static List<Path> javaFiles(Path root, String ending) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : Generator.exerciseFolders(root)) {
            files.addAll(filesEndingWith(folder, ending));
        }
        return files;
    }

    private static List<Path> filesEndingWith(Path folder, String ending) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(f -> f.getFileName().toString().endsWith(ending)).sorted().toList();
        }
    }
}
