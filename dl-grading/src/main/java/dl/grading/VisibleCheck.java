package dl.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code check("ex3")} in a notebook: the exercise's visible tests (from {@code exercises/ex3}) run on the student's
 * classes in a separate program, sandboxed where bubblewrap works, as the grader runs them. A student's machine has
 * no reference solution, so each observation is judged by the judge its own test gave; hidden tests are not there.
 */
final class VisibleCheck {

    private VisibleCheck() {
    }

    /** The visible tests' results on {@code sources} (file name → source, {@code "TwoLayerNet.java"}). */
    static List<TestResult> run(Path exerciseFolder, Map<String, String> sources) {
        Path work = null;
        try {
            work = Files.createTempDirectory("dl-check-");
            return check(exerciseFolder, sources, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                ReferenceRun.deleteTree(work);
            }
        }
    }

    private static List<TestResult> check(Path folder, Map<String, String> sources, Path work) throws IOException {
        String exercise = folder.getFileName().toString();
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path tests = Files.createDirectories(work.resolve("tests"));
        List<Path> testSources;
        try (Stream<Path> files = Files.list(folder)) {
            testSources = files.filter(ReferenceRun::isTest).sorted().toList();
        }
        List<Path> toolkit = Grader.toolkitClassPath(null);
        Map<String, String> named = new LinkedHashMap<>();
        sources.forEach((name, text) -> named.put(exercise + "/" + name, text));
        List<String> errors = ExerciseCompiler.compile(named, toolkit, classes);
        List<Path> classPath = new ArrayList<>(toolkit);
        classPath.add(classes);
        if (errors.isEmpty()) {
            errors = ExerciseCompiler.compile(ReferenceRun.sources(testSources), classPath, tests);
        }
        if (!errors.isEmpty()) {
            return List.of(new TestResult(exercise, "compiling", 0, 0, false, false,
                "does not compile:\n" + String.join("\n", errors), ""));
        }
        classPath.add(tests);
        List<TestCase> cases = AnswerKey.discover(testSources, List.of(tests, classes));
        Path run = Files.createDirectories(work.resolve("work"));
        Map<String, Outcome> outcomes = new TestRunner(Sandbox.detect(), classPath, Grader.dataFolders(), run, 1)
            .run(cases);
        List<TestResult> results = new ArrayList<>();
        for (TestCase test : cases) {
            Outcome outcome = outcomes.get(test.id());
            results.add(Marker.mark(test, outcome, outcome.observations(), run));
        }
        return results;
    }
}
