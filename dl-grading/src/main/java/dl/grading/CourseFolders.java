package dl.grading;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the course's folders are: {@code solutions/}, {@code exercises/}, and {@code target/grading/} for the
 * grader's answer keys. The root is the system property {@code dl.home} (the {@code dl} script sets it), else the
 * first folder up from the working folder that holds both {@code solutions/} and {@code exercises/}.
 */
record CourseFolders(Path root) {

    static CourseFolders find() {
        String home = System.getProperty("dl.home");
        if (home != null) {
            return new CourseFolders(Path.of(home).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("solutions")) && Files.isDirectory(dir.resolve("exercises"))) {
                return new CourseFolders(dir);
            }
        }
        throw new GradingException("cannot find the course's solutions/ and exercises/ folders: run from the toolkit's"
            + " folder, or set -Ddl.home=FOLDER");
    }

    Path solutions() {
        return root.resolve("solutions");
    }

    Path exercises() {
        return root.resolve("exercises");
    }

    Path answerKeys() {
        return root.resolve("target").resolve("grading");
    }
}
