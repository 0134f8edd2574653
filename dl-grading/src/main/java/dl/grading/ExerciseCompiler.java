package dl.grading;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles one exercise's Java files with the JDK's compiler, in the grader's process, into a folder of its own.
 * A file that does not compile gives the compiler's messages as a student reads them: {@code Sigmoid.java:21: ';'
 * expected}.
 */
final class ExerciseCompiler {

    private ExerciseCompiler() {
    }

    /**
     * Compiles {@code sources} (file name → its text) against {@code classPath} into {@code output}; the compiler's
     * errors, one {@code file:line: message} each, or none when it compiled.
     */
    static List<String> compile(Map<String, String> sources, List<Path> classPath, Path output) {
        javax.tools.JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new GradingException("the grader needs a JDK, not only a Java runtime: it compiles the submissions"
                + " (Debian: sudo apt-get install openjdk-17-jdk-headless)");
        }
        List<JavaFileObject> files = new ArrayList<>();
        sources.forEach((name, text) -> files.add(new Source(name, text)));
        List<String> options = List.of("-d", output.toString(), "-cp",
            String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
            "--release", "17", "--add-modules", "jdk.incubator.vector", "-implicit:none", "-proc:none",
            "-XDsuppressNotes", "-nowarn", "-g", "-encoding", "UTF-8");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = javac.getTask(null, null, diagnostics, options, null, files).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
                errors.add(file + d.getMessage(Locale.ROOT));
            }
        }
        if (!compiled && errors.isEmpty()) {
            errors.add("the compiler stopped without saying why");
        }
        return errors;
    }

    /** A source file held in memory, named as the student named it. */
    private static final class Source extends SimpleJavaFileObject {
        private final String name;
        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name.replace('\\', '/')), Kind.SOURCE);
            this.name = name;
            this.text = text;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
