package dl.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * JShell for the notebook: runs a cell snippet by snippet, returns the value of its last expression as an object,
 * and turns what went wrong into an exception the kernel can show: a {@link CompileError} that points at the code,
 * the exception the student's code threw (its own class, message and stack trace), or {@link Interrupted}.
 */
final class Evaluator implements AutoCloseable {

    /** What {@link #eval} returns when the cell ends with a statement or a declaration rather than an expression. */
    static final Object NO_VALUE = new Object();

    /** The names of Object's public methods, which Tab leaves out until a name is begun. */
    private static final Set<String> OBJECTS_METHODS = Arrays.stream(Object.class.getMethods()).map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final LocalEngine engine;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private volatile boolean stopped;

    Evaluator() {
        LocalEngine.Provider provider = new LocalEngine.Provider();
        this.engine = provider.engine();
        // -g keeps the names of a cell's local variables, which helpful NullPointerException messages quote
        this.shell = JShell.builder().executionEngine(provider, null).compilerOptions("-g").build();
        this.analysis = shell.sourceCodeAnalysis();
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    /** Runs the start-up script of {@code ./dl jshell} (the DSL's imports) and then {@code extra}. */
    void startUp(String extra) {
        eval(resource("/dl/startup.jsh") + "\n" + extra);
    }

    /**
     * Runs every snippet of {@code cell} in order and stops at the first that fails.
     *
     * @return the value of the cell's last snippet when it is an expression (null included), else {@link #NO_VALUE};
     *     also {@link #NO_VALUE} when that value is the stream the cell printed to ({@code System.out.printf(...)}
     *     returns {@code System.out}): like Python's {@code print}, printing shows its text and no result
     */
    Object eval(String cell) {
        stopped = false;
        Object result = NO_VALUE;
        int start = 0;
        while (start < cell.length() && !cell.substring(start).isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(cell.substring(start));
            boolean complete = info.completeness().isComplete();
            String raw = complete ? info.source() : cell.substring(start);
            // JShell numbers a snippet's lines from its first line of code (blank lines before it confuse it)
            String source = raw.stripLeading();
            int offset = start + raw.length() - source.length();   // diagnostics count from the snippet's start
            start = complete ? cell.length() - info.remaining().length() : cell.length();
            result = NO_VALUE;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue;   // a dependent snippet updated, not the one just run
                }
                check(event, cell, offset);
                result = value(event);
            }
        }
        return result instanceof PrintStream || result instanceof PrintWriter ? NO_VALUE : result;
    }

    /** Stops the running cell at its next loop iteration or method call (JShell's stop). */
    void stop() {
        stopped = true;
        shell.stop();
    }

    /** "complete", "incomplete" or "invalid", as Jupyter's is_complete_request wants to know. */
    String completeness(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return "incomplete";
            }
            if (c == Completeness.UNKNOWN) {
                return "invalid";
            }
            rest = info.remaining();
        }
        return "complete";
    }

    /** Completion at {@code cursor}: the text to replace starts at {@code anchor}. */
    record Completions(int anchor, List<String> choices) {
    }

    /**
     * What Tab offers at {@code cursor}. Object's methods ({@code wait}, {@code notify}, {@code hashCode}...) are
     * left out until the student has begun a name: every object has them, and they would crowd the DSL's words
     * out of the list. So {@code model.} lists {@code fit(}, {@code summary()}...; {@code model.has} offers
     * {@code hashCode()}.
     */
    Completions complete(String code, int cursor) {
        int start = snippetStart(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code.substring(start),
                cursor - start, anchor);
        boolean nameBegun = start + anchor[0] < cursor;
        List<String> choices = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            String choice = s.continuation();
            if (!choices.contains(choice) && (nameBegun || !isObjectsMethod(choice))) {
                choices.add(choice);
            }
        }
        return new Completions(start + anchor[0], choices);
    }

    /** True for a method call that Object declares, as JShell writes it: {@code "wait("}, {@code "hashCode()"}. */
    private static boolean isObjectsMethod(String continuation) {
        int parenthesis = continuation.indexOf('(');
        return parenthesis > 0 && OBJECTS_METHODS.contains(continuation.substring(0, parenthesis));
    }

    /** JShell's documentation of what is at {@code cursor}: signatures, and the Javadoc of the JDK's classes. */
    List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor) {
        int start = snippetStart(code, cursor);
        String snippet = code.substring(start);
        int at = cursor - start;
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, at, true);
        if (docs.isEmpty()) {   // the cursor on a method's name rather than inside its parentheses
            int end = at;
            while (end < snippet.length() && Character.isJavaIdentifierPart(snippet.charAt(end))) {
                end++;
            }
            String call = snippet.substring(0, end) + "(";
            String rest = snippet.substring(snippet.startsWith("(", end) ? end + 1 : end);
            docs = analysis.documentation(call + rest, call.length(), true);
            if (docs.isEmpty()) {
                docs = analysis.documentation(snippet.substring(0, end), end, true);
            }
        }
        return docs;
    }

    /**
     * The source of the type named {@code name} as the cells last declared it ({@code class Sigmoid {...}}, with
     * its Javadoc), or null when no cell has.
     */
    String typeSource(String name) {
        return shell.types().filter(t -> t.name().equals(name)).map(Snippet::source).reduce((a, b) -> b).orElse(null);
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Where the snippet holding {@code cursor} starts: after every complete snippet before it. */
    private int snippetStart(String code, int cursor) {
        int start = 0;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(code.substring(start, cursor));
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                return start;
            }
            start = cursor - info.remaining().length();
        }
    }

    private void check(SnippetEvent event, String cell, int offset) {
        if (event.status() == Snippet.Status.REJECTED) {
            List<Diag> errors = shell.diagnostics(event.snippet()).filter(Diag::isError).toList();
            throw new CompileError(cell, offset, errors.isEmpty() ? null : errors.get(0),
                    errors.isEmpty() ? "this code does not compile" : errors.get(0).getMessage(Locale.ROOT));
        }
        JShellException problem = event.exception();
        if (problem == null && stopped) {
            throw new Interrupted();
        }
        Throwable thrown = engine.takeThrown();
        if (problem instanceof EvalException && thrown != null) {
            placeInCell(thrown, problem, event.snippet().id(), lineOf(cell, offset));
            if (thrown instanceof Exception) {
                sneakyThrow(thrown);
            }
            throw new ErrorInCell(thrown);
        }
        if (problem instanceof UnresolvedReferenceException unresolved) {
            throw new IllegalStateException(unresolved.getSnippet().source().strip() + " uses something not yet "
                    + "declared: declare it in a cell and run that cell first");
        }
        if (problem != null) {
            throw new IllegalStateException(problem.getMessage(), problem);
        }
    }

    /**
     * Gives the frames of {@code thrown} that run this snippet's code the file name {@link StackTraces#CELL} and
     * the line number in the cell. JShell's own copy of the trace ({@code problem}, frame for frame the same) names
     * them {@code #id} with the line counted in the snippet; the student counts from the top of the cell.
     */
    private static void placeInCell(Throwable thrown, JShellException problem, String snippetId, int firstLine) {
        StackTraceElement[] frames = thrown.getStackTrace();
        StackTraceElement[] inSnippets = problem.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, inSnippets.length); i++) {
            if (("#" + snippetId).equals(inSnippets[i].getFileName())) {
                frames[i] = new StackTraceElement(frames[i].getClassName(), frames[i].getMethodName(),
                        StackTraces.CELL, firstLine + inSnippets[i].getLineNumber() - 1);
            }
        }
        thrown.setStackTrace(frames);
    }

    /** The line number (from 1) of the character at {@code offset} in {@code cell}. */
    private static int lineOf(String cell, int offset) {
        return 1 + (int) cell.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    private Object value(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return read(v);
        }
        if (snippet instanceof ExpressionSnippet e) {
            VarSnippet variable = shell.variables().filter(v -> v.name().equals(e.name()))
                    .reduce((a, b) -> b).orElse(null);
            return variable == null ? NO_VALUE : read(variable);
        }
        return NO_VALUE;
    }

    private Object read(VarSnippet variable) {
        shell.varValue(variable);
        return engine.value();
    }

    private static String resource(String name) {
        try (InputStream in = Evaluator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path: is dl-core?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** Rethrows the student's exception as it is, checked or not, so the kernel shows its own class. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
