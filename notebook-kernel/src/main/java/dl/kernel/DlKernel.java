package dl.kernel;

import dl.train.Interrupt;
import dl.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

/**
 * The Java kernel of the course: JShell with the DSL preloaded, on jjava's implementation of Jupyter's protocol.
 * A cell's last expression is shown through {@link Renderers}; {@code fit} shows its progress in place;
 * Jupyter's interrupt stops training at the next batch (keeping the model) and any other cell at its next loop
 * iteration; a failing cell says what went wrong first and the kernel carries on.
 */
public final class DlKernel extends BaseKernel {

    /**
     * What every cell sees besides the start-up script of {@code ./dl jshell}: {@code display(...)}, and for the
     * exercise notebooks {@code check("ex3")} and the {@code TodoException} of the parts not written yet.
     */
    static final String KERNEL_IMPORTS = """
            import static dl.kernel.Notebook.*;
            import static dl.kernel.Check.check;
            import dl.grading.TodoException;
            """;

    /** How long an interrupted training may take to finish its batch before the cell is stopped the hard way. */
    private static final long TRAINING_GRACE_SECONDS = 10;

    /**
     * JShell with the start-up script run. It starts on its own thread while the kernel opens its sockets and
     * answers Jupyter's first requests; a cell or a completion that comes before it is ready waits for it.
     */
    private final CompletableFuture<Evaluator> shell = CompletableFuture.supplyAsync(() -> {
        Evaluator evaluator = new Evaluator();
        try {
            evaluator.startUp(KERNEL_IMPORTS);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the kernel's start-up script failed: " + e.getMessage(), e);
        }
        return evaluator;
    }, task -> new Thread(task, "dl-jshell-start").start());
    private final Javadocs javadocs = new Javadocs(System.getProperty("dl.sources"));
    private final ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dl-interrupt");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong cellNumber = new AtomicLong();
    /** The source of the cell that ran last, whose failing line {@link #formatError} quotes. */
    private volatile String lastCell = "";

    public DlKernel() {
        super("java-dl", version(), new LanguageInfo.Builder("java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("text/x-java")
                        .build(), List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                null, new JupyterIO(java.nio.charset.StandardCharsets.UTF_8), new CommManager(), new Renderer(), null,
                new MagicsRegistry(), false, new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RED_FG)
                        .addSecondaryStyle(TextColor.RESET_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        Renderers.registerAll(getRenderer());
        Trainer.showProgressWith(() -> new NotebookProgress(getIO().display));
    }

    /** The source of the type {@code name} as the cells last declared it, or null: what {@link Check} grades. */
    String typeSource(String name) {
        return evaluator().typeSource(name);
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " with the dl toolkit " + version() + ": the DSL is imported";
    }

    @Override
    public Object evalRaw(String source) {
        cellNumber.incrementAndGet();
        lastCell = source;
        Interrupt.clear();
        DeviceLine.Result device = DeviceLine.apply(source);
        lastCell = device.rest();   // what runs, whose lines a stack trace numbers
        if (device.said() != null) {
            System.out.println(device.said());
            if (device.rest().isBlank()) {
                return null;
            }
        }
        Object value = evaluator().eval(device.rest());
        if (Interrupt.requested()) {
            System.err.println("Interrupted: training stopped at the next batch; the model and its History are kept.");
        }
        if (value == Evaluator.NO_VALUE) {
            return null;
        }
        return value == null ? new DisplayData("null") : value;
    }

    /** The stop button: training stops at its next batch; any other code at its next loop or call. */
    @Override
    public void interrupt() {
        Interrupt.request();
        if (!shell.isDone()) {
            return;   // no cell has run yet
        }
        if (!Interrupt.trainingRunning()) {
            evaluator().stop();
            return;
        }
        long cell = cellNumber.get();
        stopper.schedule(() -> {
            if (cellNumber.get() == cell && Interrupt.trainingRunning()) {
                evaluator().stop();
            }
        }, TRAINING_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = evaluator().documentation(code, at);
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            String javadoc = d.javadoc() != null ? d.javadoc() : javadocs.find(d.signature());
            text.append(d.signature()).append('\n');
            if (javadoc != null) {
                text.append('\n').append(javadoc.strip()).append("\n");
            }
            text.append('\n');
        }
        return new DisplayData(text.toString().strip());
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Evaluator.Completions c = evaluator().complete(code, at);
        return new ReplacementOptions(c.choices(), c.anchor(), at);
    }

    @Override
    public String isComplete(String code) {
        return switch (evaluator().completeness(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "incomplete" -> "    ";
            default -> IS_COMPLETE_BAD;
        };
    }

    /**
     * What a student reads when a cell fails: the message first (dl's shape errors read as they are written), then
     * a short stack trace that ends at the line of the cell that failed and leaves out JShell's own frames.
     */
    @Override
    public List<String> formatError(Throwable e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof CompileError) {
            lines.add(errorStyler.primary("The cell does not compile: ") + e.getMessage().lines().findFirst().orElse(""));
            e.getMessage().lines().skip(1).forEach(lines::add);
            return lines;
        }
        if (e instanceof Interrupted) {
            lines.add(errorStyler.primary("Interrupted: ") + e.getMessage());
            return lines;
        }
        Throwable shown = e instanceof ErrorInCell && e.getCause() != null ? e.getCause() : e;
        lines.add(errorStyler.primary(shown.getClass().getSimpleName() + ": ") + StackTraces.message(shown));
        if (shown instanceof OutOfMemoryError) {
            lines.add("The kernel's memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB) cannot hold this: "
                    + "try smaller tensors or batches. The kernel and your variables are still there.");
        }
        lines.addAll(StackTraces.shortTrace(shown, lastCell));
        return lines;
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        shell.thenAccept(Evaluator::close);
        stopper.shutdownNow();
        super.onShutdown(isRestarting);
    }

    /** The shell, once its start-up has run; if that failed, what it threw. */
    private Evaluator evaluator() {
        try {
            return shell.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static String version() {
        String v = DlKernel.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
