package dl.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The autograder zip Gradescope takes: {@code setup.sh} (installs a JDK, bubblewrap and Fashion-MNIST),
 * {@code run_autograder} (grades {@code /autograder/submission} into {@code /autograder/results/results.json}), the
 * toolkit's jars, the {@link AnswerKey} (the compiled tests and the reference's observations: not the solutions)
 * and the {@code exercises/} files.
 */
final class GradescopeBundle {

    static final String SETUP = """
        #!/usr/bin/env bash
        # Gradescope runs this once, when it builds the autograder's image.
        set -euo pipefail
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless bubblewrap dataset-fashion-mnist
        # a zip made by Java keeps no Unix permissions: Gradescope runs run_autograder as a program
        chmod +x /autograder/source/run_autograder
        """;

    /** Paths can be pointed elsewhere (DL_SUBMISSION, DL_RESULTS) to try the bundle outside Gradescope. */
    static final String RUN = """
        #!/usr/bin/env bash
        # Gradescope runs this for each submission: grades it into results.json.
        set -euo pipefail
        HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        SOURCE="$HERE"
        [ -d "$SOURCE/lib" ] || SOURCE="$HERE/source"   # Gradescope copies this file up from /autograder/source
        exec java --add-modules=jdk.incubator.vector -cp "$SOURCE/lib/*" dl.grading.GradeCommand \\
          --answer-key "$SOURCE/answer-key" --exercises "$SOURCE/exercises" \\
          "${DL_SUBMISSION:-/autograder/submission}" \\
          --json "${DL_RESULTS:-/autograder/results/results.json}" "$@"
        """;

    private GradescopeBundle() {
    }

    /** Writes the zip whole: a temporary file beside it, moved in place at the end. */
    static void write(Path zip, AnswerKey key, List<Path> toolkit, Path exercises) throws IOException {
        Path folder = zip.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, "." + zip.getFileName(), ".part");
        try {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(draft))) {
                text(out, "setup.sh", SETUP);
                text(out, "run_autograder", RUN);
                for (Path entry : toolkit) {
                    if (entry.endsWith(Path.of("target", "test-classes"))) {
                        continue;   // a module's own tests, on the class path only while Maven tests the grader
                    }
                    if (entry.endsWith(Path.of("target", "classes"))) {
                        jarOfFolder(out, "lib/" + entry.getParent().getParent().getFileName() + ".jar", entry);
                    } else if (Files.isDirectory(entry)) {
                        jarOfFolder(out, "lib/" + entry.getFileName() + ".jar", entry);
                    } else {
                        file(out, "lib/" + entry.getFileName(), entry);
                    }
                }
                tree(out, "answer-key/", key.folder());
                tree(out, "exercises/", exercises);
            }
            Files.move(draft, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void text(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static void file(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, out);
        out.closeEntry();
    }

    private static void tree(ZipOutputStream out, String prefix, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                file(out, prefix + root.relativize(file).toString().replace('\\', '/'), file);
            }
        }
    }

    /** A folder of classes (a module's target/classes) as a jar inside the zip. */
    private static void jarOfFolder(ZipOutputStream out, String name, Path classes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        ZipOutputStream jar = new ZipOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        });
        tree(jar, "", classes);
        jar.finish();
        out.closeEntry();
    }
}
