package dl.grading;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Grades submissions against an {@link AnswerKey}: compiles each exercise of the submission on its own (one that
 * does not compile loses only its own points), runs the tests in the student's program (sandboxed where bubblewrap
 * is installed) and marks each test with the reference's judges, in this process.
 * <pre>{@code
 * Grade grade = Grader.forCourse(CourseFolders.find(), 1).grade(Path.of("alice.zip"));
 * System.out.print(ScoreTable.format(grade));
 * }</pre>
 */
public final class Grader {

    private final AnswerKey key;
    private final Path exercises;
    private final Sandbox sandbox;
    private final List<Path> toolkit;
    private final double timeScale;

    /**
     * @param exercises the exercises as handed out: a notebook is graded when it differs from its copy there
     * @param toolkit   the class path of dl-core, dl-grading and what they use
     */
    Grader(AnswerKey key, Path exercises, Sandbox sandbox, List<Path> toolkit, double timeScale) {
        this.key = key;
        this.exercises = exercises;
        this.sandbox = sandbox;
        this.toolkit = List.copyOf(toolkit);
        this.timeScale = timeScale;
    }

    /**
     * A grader for the course's solutions (its answer key made once and kept), sandboxed where bubblewrap works.
     * {@code timeScale} multiplies every test's time limit: 1 unless a slow machine needs more.
     */
    static Grader forCourse(CourseFolders course, double timeScale) {
        List<Path> toolkit = toolkitClassPath(course);
        AnswerKey key = AnswerKey.prepare(course.solutions(), course.answerKeys(), toolkit);
        return new Grader(key, course.exercises(), Sandbox.detect(), toolkit, timeScale);
    }

    /** A grader of only these exercises (the others are left out of the grade). */
    Grader only(java.util.Collection<String> exercises) {
        List<String> known = key.exercises().stream().map(AnswerKey.Exercise::id).toList();
        for (String id : exercises) {
            if (!known.contains(id)) {
                throw new GradingException("there is no exercise " + id + "; the course has "
                    + String.join(", ", known));
            }
        }
        return new Grader(key.only(exercises), this.exercises, sandbox, toolkit, timeScale);
    }

    AnswerKey key() {
        return key;
    }

    /** Grades the folder or zip at {@code path}. */
    public Grade grade(Path path) throws IOException {
        Path work = Files.createTempDirectory("dl-grade-");
        try {
            Submission submission = Submission.open(path, work);
            Path studentWork = Files.createDirectories(work.resolve("work"));
            List<Path> classPath = new ArrayList<>(toolkit);
            classPath.add(key.testClasses());
            Map<String, TestResult> notRun = new LinkedHashMap<>();
            List<TestCase> toRun = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            if (!sandbox.isolated()) {
                notes.add(Sandbox.NOT_ISOLATED);
            }
            for (AnswerKey.Exercise exercise : key.exercises()) {
                Submission.Sources sources = submission.sources(exercise, exercises);
                if (!sources.graded().isEmpty()) {
                    notes.add(exercise.id() + ": graded " + sources.graded());
                }
                String why = compile(sources, work.resolve("classes").resolve(exercise.id()), classPath);
                if (why.isEmpty()) {
                    toRun.addAll(exercise.tests());
                } else {
                    exercise.tests().forEach(test -> notRun.put(test.id(), Marker.notRun(test, why)));
                }
            }
            Map<String, Outcome> outcomes = new TestRunner(sandbox, classPath, dataFolders(), studentWork, timeScale)
                .run(toRun);
            List<TestResult> results = new ArrayList<>();
            for (AnswerKey.Exercise exercise : key.exercises()) {
                for (TestCase test : exercise.tests()) {
                    results.add(outcomes.containsKey(test.id())
                        ? Marker.mark(test, outcomes.get(test.id()), key.reference(test), studentWork)
                        : notRun.get(test.id()));
                }
            }
            return new Grade(results, notes);
        } finally {
            ReferenceRun.deleteTree(work);
        }
    }

    /** Compiles one exercise's files; on success adds their classes to the class path. Why not, or empty. */
    private String compile(Submission.Sources sources, Path output, List<Path> classPath) throws IOException {
        if (!sources.missing().isEmpty()) {
            return sources.missing();
        }
        Files.createDirectories(output);
        List<String> errors = ExerciseCompiler.compile(sources.files(), toolkit, output);
        if (!errors.isEmpty()) {
            return "does not compile:\n" + String.join("\n", errors);
        }
        classPath.add(output);
        return "";
    }

    /**
     * What {@code check("ex3")} in a notebook runs: the exercise's visible tests (from {@code exercises/ex3}) on the
     * student's Java sources (file name → source), in a separate program (sandboxed where bubblewrap works), each
     * judged by its own judge, since a student's machine has no reference solution.
     */
    public static List<TestResult> checkVisible(Path exercisesRoot, String exercise, Map<String, String> sources) {
        return VisibleCheck.run(exercisesRoot.resolve(exercise), sources);
    }

    /** The data sets the tests may read (read-only in the sandbox). */
    static List<Path> dataFolders() {
        String data = System.getenv("DL_DATA");
        return List.of(data != null ? Path.of(data) : Path.of("/usr/share/datasets"));
    }

    /**
     * The toolkit's class path, as this program runs: dl-core, dl-grading and the libraries they use. Never the
     * solutions' classes, which must not reach a student's program. A jar that only names others in its manifest
     * (Maven's test runner starts the tests so) stands for those.
     */
    static List<Path> toolkitClassPath(CourseFolders course) {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            boolean solutions = course != null && path.startsWith(course.solutions())
                || path.toString().contains(File.separator + "solutions" + File.separator + "target");
            if (!entry.isEmpty() && Files.exists(path) && !solutions) {
                entries.addAll(manifestClassPath(path).orElse(List.of(path)));
            }
        }
        return entries;
    }

    private static Optional<List<Path>> manifestClassPath(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return Optional.empty();
            }
            List<Path> paths = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                paths.add(Path.of(jar.toUri().resolve(url)).normalize());
            }
            return Optional.of(paths);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
