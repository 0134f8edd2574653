package dl.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private final LocalEngine engine;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private volatile boolean stopped;

    Evaluator() {
        LocalEngine.Provider provider = new LocalEngine.Provider();
        this.engine = provider.engine();
        this.shell = JShell.builder().executionEngine(provider, null).build();
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
     * @return the value of the cell's last snippet when it is an expression (null included), else {@link #NO_VALUE}
     */
    Object eval(String cell) {
        stopped = false;
        Object result = NO_VALUE;
        int start = 0;
        while (start < cell.length() && !cell.substring(start).isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(cell.substring(start));
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : cell.substring(start);
            int offset = start;   // diagnostics count from the snippet's first character, blanks included
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
        return result;
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

    Completions complete(String code, int cursor) {
        int start = snippetStart(code, cursor);
        int[] anchor = new int[1];
        List<String> choices = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(code.substring(start), cursor - start,
                anchor)) {
            if (!choices.contains(s.continuation())) {
                choices.add(s.continuation());
            }
        }
        return new Completions(start + anchor[0], choices);
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
        if (problem instanceof EvalException && thrown instanceof Exception) {
            sneakyThrow(thrown);
        }
        if (problem instanceof EvalException && thrown != null) {
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
