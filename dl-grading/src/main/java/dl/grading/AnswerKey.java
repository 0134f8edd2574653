package dl.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the grader knows of the exercises: their tests, compiled against the reference solution, each test's points
 * and visibility, and what each test saw on the reference solution, whose judges decide every student's score. It
 * is made once from {@code solutions/} and kept in {@code target/grading/<hash of solutions/>/}, so a class of 100
 * students pays for the reference run once; a Gradescope bundle carries this folder instead of the solutions.
 */
final class AnswerKey {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting()
        .create();
    private static final String FILE = "answer-key.json";

    /**
     * One exercise.
     *
     * @param id        {@code "ex2"}
     * @param javaFiles the files students write, at their paths in {@code exercises/}: {@code ex2/Sigmoid.java}
     * @param notebook  its notebook's path ({@code ex2/ex2-sigmoid.ipynb}), or empty when it has none
     * @param tests     its tests, visible ones first
     */
    record Exercise(String id, List<String> javaFiles, String notebook, List<TestCase> tests) {
    }

    /** What the key's file holds: the exercises, and each test's observations on the reference solution. */
    record Contents(List<Exercise> exercises, Map<String, List<Observation>> reference) {
    }

    private final Path folder;
    private final Contents contents;
    private final boolean madeNow;

    private AnswerKey(Path folder, Contents contents, boolean madeNow) {
        this.folder = folder;
        this.contents = contents;
        this.madeNow = madeNow;
    }

    /** Whether this key was made from the solutions just now (they are new or changed), not read from the cache. */
    boolean madeNow() {
        return madeNow;
    }

    List<Exercise> exercises() {
        return contents.exercises();
    }

    /** The same key with only the exercises named: to grade a few of them. */
    AnswerKey only(java.util.Collection<String> ids) {
        List<Exercise> kept = exercises().stream().filter(e -> ids.contains(e.id())).toList();
        return new AnswerKey(folder, new Contents(kept, contents.reference()), madeNow);
    }

    /** What the test saw on the reference solution. */
    List<Observation> reference(TestCase test) {
        return contents.reference().get(test.id());
    }

    /**
     * The hidden tests whose judges carry expected values ({@code closeTo}, {@code isEqualTo}): their compiled class
     * runs in the student's program, which can read those values from it. {@code sameAsReference} keeps them out.
     */
    List<String> hiddenTestsWithTheirAnswers() {
        return exercises().stream().flatMap(e -> e.tests().stream()).filter(TestCase::hidden)
            .filter(test -> reference(test).stream().anyMatch(seen -> seen.judge().kind() == Judge.Kind.CLOSE_TO
                || seen.judge().kind() == Judge.Kind.EQUAL_TEXT))
            .map(TestCase::id).toList();
    }

    /** The compiled tests of every exercise: they run in the students' programs. */
    Path testClasses() {
        return folder.resolve("tests");
    }

    Path folder() {
        return folder;
    }

    /** A key made before: in a Gradescope bundle, or {@link #prepare}'s cache. */
    static AnswerKey load(Path folder) {
        try {
            Contents contents = GSON.fromJson(Files.readString(folder.resolve(FILE)), Contents.class);
            return new AnswerKey(folder, contents, false);
        } catch (IOException | RuntimeException e) {
            throw new GradingException("cannot read the answer key in " + folder + " (" + e.getMessage() + "):"
                + " delete the folder and grade again to make it anew");
        }
    }

    /**
     * The key of these solutions: read from {@code cacheRoot} when made before, else made (the reference solution's
     * compiled and run, its tests judged) and kept there. Fails, naming the test, when the reference solution does
     * not pass its own tests.
     *
     * @param toolkit the class path of the toolkit (dl-core, dl-grading and what they use)
     */
    static AnswerKey prepare(Path solutions, Path cacheRoot, List<Path> toolkit) {
        Path folder = cacheRoot.resolve(hash(solutions, toolkit));
        if (Files.isRegularFile(folder.resolve(FILE))) {
            return load(folder);
        }
        Path draft = null;
        try {
            Files.createDirectories(cacheRoot);
            draft = Files.createTempDirectory(cacheRoot, "draft-");
            Contents contents = new ReferenceRun(solutions, draft, toolkit).run();
            Files.writeString(draft.resolve(FILE), GSON.toJson(contents), StandardCharsets.UTF_8);
            try {
                Files.move(draft, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException madeMeanwhile) {
                // another grader made it first: theirs is the same, and the draft goes below
            }
            AnswerKey key = load(folder);
            return new AnswerKey(key.folder, key.contents, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (draft != null) {
                ReferenceRun.deleteTree(draft);   // gone already when it became the key; left by a failed run else
            }
        }
    }

    /**
     * SHA-256 of every file of {@code solutions/ex*} (paths and contents) and of the toolkit's files (paths, sizes
     * and times: the tests are compiled against it and the reference's numbers come from it), as a short hex name.
     */
    static String hash(Path solutions, List<Path> toolkit) {
        try (Stream<Path> files = Files.walk(solutions)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = solutions.relativize(file).toString().replace('\\', '/');
                if (relative.matches("ex\\d+/.*")) {
                    sha.update(relative.getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(file));
                }
            }
            for (Path entry : toolkit) {
                if (Files.exists(entry)) {
                    try (Stream<Path> parts = Files.walk(entry)) {
                        for (Path part : parts.filter(Files::isRegularFile).sorted().toList()) {
                            sha.update((part + " " + Files.size(part) + " " + Files.getLastModifiedTime(part))
                                .getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException e) {
            throw new GradingException("cannot read the solutions in " + solutions + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tests of compiled test classes, read from their annotations. */
    static List<TestCase> discover(List<Path> testSources, List<Path> classPath) {
        List<TestCase> tests = new ArrayList<>();
        URL[] urls = classPath.stream().map(AnswerKey::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, AnswerKey.class.getClassLoader())) {
            for (Path source : testSources) {
                String exercise = source.getParent().getFileName().toString();
                String name = exercise + "." + source.getFileName().toString().replace(".java", "");
                tests.addAll(TestCase.of(Class.forName(name, false, loader), Files.readString(source)));
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new GradingException("cannot read the compiled tests: " + e);
        }
        return tests;
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
