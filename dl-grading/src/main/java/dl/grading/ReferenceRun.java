package dl.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes an {@link AnswerKey}: compiles the reference solution and the tests of {@code solutions/ex*}, runs every test
 * on it (trusted code: no sandbox) and checks it passes each of its own judges, else the teacher hears which test
 * fails. The reference's compiled classes are thrown away after the run: only the tests go into the key.
 */
final class ReferenceRun {

    /** The reference solution gets twice each test's time limit: a busy machine must not fail the teacher's code. */
    private static final double TIME_SCALE = 2;

    private final Path solutions;
    private final Path keyFolder;
    private final List<Path> toolkit;

    ReferenceRun(Path solutions, Path keyFolder, List<Path> toolkit) {
        this.solutions = solutions;
        this.keyFolder = keyFolder;
        this.toolkit = List.copyOf(toolkit);
    }

    AnswerKey.Contents run() throws IOException {
        Path referenceClasses = Files.createTempDirectory("dl-reference-");
        Path work = Files.createTempDirectory("dl-reference-work-");
        try {
            List<AnswerKey.Exercise> exercises = new ArrayList<>();
            List<Path> testClassPath = new ArrayList<>(toolkit);
            testClassPath.add(referenceClasses);
            Path tests = Files.createDirectories(keyFolder.resolve("tests"));
            for (Path folder : Generator.exerciseFolders(solutions)) {
                exercises.add(compile(folder, referenceClasses, testClassPath, tests));
            }
            testClassPath.add(tests);
            List<TestCase> all = exercises.stream().flatMap(e -> e.tests().stream()).toList();
            Map<String, Outcome> outcomes = new TestRunner(Sandbox.none(), testClassPath, List.of(), work, TIME_SCALE)
                .run(all);
            Map<String, List<Observation>> reference = new LinkedHashMap<>();
            for (TestCase test : all) {
                reference.put(test.id(), checked(test, outcomes.get(test.id()), work));
            }
            return new AnswerKey.Contents(exercises, reference);
        } finally {
            deleteTree(referenceClasses);
            deleteTree(work);
        }
    }

    private AnswerKey.Exercise compile(Path folder, Path referenceClasses, List<Path> testClassPath, Path tests)
            throws IOException {
        String id = folder.getFileName().toString();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        List<Path> solution = files.stream().filter(f -> isJava(f) && !isTest(f)).toList();
        List<Path> testSources = files.stream().filter(ReferenceRun::isTest).toList();
        failOnErrors(id, ExerciseCompiler.compile(sources(solution), toolkit, referenceClasses));
        failOnErrors(id, ExerciseCompiler.compile(sources(testSources), testClassPath, tests));
        List<TestCase> cases = new ArrayList<>(AnswerKey.discover(testSources, List.of(tests, referenceClasses)));
        cases.sort(Comparator.comparing(TestCase::hidden));   // visible tests first, each class in source order
        String notebook = files.stream().map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
            .map(n -> id + "/" + n).findFirst().orElse("");
        return new AnswerKey.Exercise(id, solution.stream().map(f -> id + "/" + f.getFileName()).toList(), notebook,
            List.copyOf(cases));
    }

    /** The test's observations, after checking that the reference solution passes each of their judges. */
    private static List<Observation> checked(TestCase test, Outcome outcome, Path work) {
        String teacher = "the reference solution fails its own test " + test.id() + ": ";
        if (!outcome.ranToTheEnd()) {
            String why = Marker.mark(test, outcome, List.of(), work).message();
            throw new GradingException(teacher + why + " (fix solutions/" + test.exercise() + ")");
        }
        List<Observation> observations = new ArrayList<>();
        for (Observation seen : outcome.observations()) {
            Observation kept = seen.judge().kind() == Judge.Kind.TEST_ACCURACY_AT_LEAST
                ? seen.withValues(ModelExpectation.testAccuracy(dl.nn.Net.load(work.resolve(seen.text()))))
                : seen;
            Verdict verdict = kept.judge().verdict(kept, kept);
            if (!verdict.passed()) {
                throw new GradingException(teacher + verdict.message() + " (fix solutions/" + test.exercise() + ")");
            }
            observations.add(kept);
        }
        return observations;
    }

    private static void failOnErrors(String exercise, List<String> errors) {
        if (!errors.isEmpty()) {
            throw new GradingException("solutions/" + exercise + " does not compile:\n" + String.join("\n", errors));
        }
    }

    /** Each file's text, by its path in the exercises' folder: {@code ex2/Sigmoid.java}. */
    static Map<String, String> sources(List<Path> files) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path file : files) {
            sources.put(file.getParent().getFileName() + "/" + file.getFileName(), Files.readString(file));
        }
        return sources;
    }

    static boolean isJava(Path file) {
        return file.getFileName().toString().endsWith(".java");
    }

    static boolean isTest(Path file) {
        return file.getFileName().toString().endsWith("Test.java");
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
