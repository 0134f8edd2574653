package dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every word of the course can be typed unqualified, whatever the student has imported: the imports of the notebook
 * kernel's start-up script, and the static imports of every class that makes the DSL's words, compile together
 * with a cell that uses the words, and no call is ambiguous (two imported {@code adam(double)} would be).
 */
class ImportSurfaceTest {

    /**
     * Every class whose public static methods a student types unqualified. Left out: {@code Fit} (its one static,
     * {@code epochs}, is {@link Dsl#epochs}), and the data loaders, which are called by their class's name
     * ({@code FashionMnist.load()}, {@code Mnist.load()}).
     */
    private static final List<String> FACTORIES = List.of("dl.Dsl", "dl.nn.loss.Losses", "dl.optim.Optimizers",
            "dl.optim.LearningRate", "dl.nn.init.Initializers", "dl.data.Augmentation", "dl.nn.init.Lsuv",
            "dl.autograd.GradCheck", "dl.attack.Attacks", "dl.zoo.Models", "dl.train.Metrics", "dl.data.ToySets",
            "dl.tensor.Tensor");

    /** The DSL's words in a notebook's cells, from nn1 to the data augmentation, unqualified. */
    private static final String WORDS = """
            var nn1 = net(input(2304)).init(truncatedNormal()).dense(50).sigmoid().dense(2).sigmoid();
            var config = epochs(3).batch(256).loss(sumSquaredError()).optimizer(momentum(0.01, 0.9));
            Loss[] losses = {crossEntropy(), mse(), nll(), binaryCrossEntropy(), binaryCrossEntropyWithLogits()};
            Optimizer[] optimizers = {sgd(1e-5), momentum(0.01), nesterov(0.01), nesterov(0.01, 0.9),
                    adagrad(0.01), rmsprop(1e-3), adam(1e-3), sgd(0.1).schedule(inverseTime(0.1, 1))};
            LearningRate[] rates = {fixed(0.1), stepDecay(0.1, 0.5, 1000)};
            WeightInit[] inits = {zeros(), constant(0.5), uniform(0.1), normal(0.01), truncatedNormal(0.1),
                    standard(), xavier(), he(), orthogonal(), lsuv()};
            Augmentation augmentation = flip().then(crop(4)).then(noise(0.1));
            """;

    /** The other classes' statics, which the start-up script leaves to be called by their class's name. */
    private static final String QUALIFIED = """
            Tensor t = Tensor.zeros(2, 3).add(Tensor.ones(2, 3)).add(Tensor.randn(new java.util.Random(0), 2, 3));
            Net lenet = Models.lenet5();
            double accuracy = Metrics.accuracy(nn1.outputs(x), labels);
            var attack = Attacks.fgsm(nn1, x, labels, 0.1);
            var check = GradCheck.check(in -> in[0].mul(in[0]).sum(), x);
            var points = ToySets.moons(100, 0.1, 0);
            """;

    /** The same, unqualified: what a student who imports every factory class types. */
    private static final String UNQUALIFIED = """
            Tensor t = zeros(2, 3).add(ones(2, 3)).add(randn(new java.util.Random(0), 2, 3));
            Net lenet = lenet5();
            double accuracy = accuracy(nn1.outputs(x), labels);
            var attack = fgsm(nn1, x, labels, 0.1);
            var check = check(in -> in[0].mul(in[0]).sum(), x);
            var points = moons(100, 0.1, 0);
            """;

    @TempDir
    Path out;

    @Test
    void everyFactoryImportedTogetherLeavesNoCallAmbiguous() throws IOException {
        String imports = "import dl.tensor.*; import dl.nn.*; import dl.nn.loss.*; import dl.optim.*; import dl.data.*;\n"
                + FACTORIES.stream().map(c -> "import static " + c + ".*;").collect(Collectors.joining("\n"));
        assertEquals(List.of(), compile(imports, UNQUALIFIED));
    }

    /** The start-up script's imports alone: its types ({@code Loss}, {@code Models}...) and words are reachable. */
    @Test
    void theKernelsStartUpImportsCompileTogether() throws IOException {
        String imports;
        try (InputStream startup = Dsl.class.getResourceAsStream("/dl/startup.jsh")) {
            imports = new String(startup.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
        }
        assertFalse(imports.isEmpty(), "startup.jsh has no imports");
        assertEquals(List.of(), compile(imports, QUALIFIED));
    }

    /** The compiler's errors for the words and {@code others} under these imports, with the test's own class path. */
    private List<String> compile(String imports, String others) throws IOException {
        String header = imports + "\nclass Cells {\n    void cells(Tensor x, int[] labels) {\n";
        String source = header + WORDS + others + "    }\n}\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Cells.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"));
        javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("line " + (d.getLineNumber() - header.lines().count()) + " of the cells: "
                        + d.getMessage(null));
            }
        }
        return errors;
    }
}
