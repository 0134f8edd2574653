package dl.bench;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.momentum;
import static dl.train.Fit.epochs;

import dl.data.Batch;
import dl.data.Dataset;
import dl.data.FashionMnist;
import dl.data.TrainTest;
import dl.demo.CommandLine;
import dl.nn.Net;
import dl.nn.loss.Losses;
import dl.train.History;
import dl.train.Warmup;
import dl.zoo.Models;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code ./dl bench train --model mlp|lenet5|nn4|vgg_small|all --epochs E --n N}: trains the four models of
 * {@code torch_peer.py} the same way (its layers, PyTorch's initial distributions, SGD with momentum 0.9 and
 * learning rate 0.01, batches of 64, cross-entropy, seed 0 or {@code --seed}, three warm-up batches without a step)
 * on the first N Fashion-MNIST training images, then tests on the 10,000 test images. One JSON line per model, with
 * the peer's fields; each model runs in a JVM of its own so that its peak RSS is its own.
 *
 * <p>Before its clock starts, each JVM runs the {@link Warmup} that the notebook kernel runs when it starts, so the
 * epochs are timed as a student's are in a notebook; {@code warmup_sec} says how long it took. {@code --warmup off}
 * times a cold JVM instead, whose first epoch also pays for the JIT's compilations.
 */
public final class TrainBench {

    static final List<String> MODELS = List.of("mlp", "lenet5", "nn4", "vgg_small");
    static final String USAGE = "./dl bench train [--model mlp|lenet5|nn4|vgg_small|all] [--epochs E] [--n N]"
            + " [--seed S] [--warmup on|off]";

    /** What to run: one model or all, and how; {@code n} is the number of training images. */
    record Options(String model, int epochs, int n, long seed, boolean warmup) {
    }

    private TrainBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = CommandLine.parseOrExit(args, TrainBench::parse);
        if (options.model().equals("all") || args.length > 0 && !isChild()) {
            for (String m : options.model().equals("all") ? MODELS : List.of(options.model())) {
                if (!runInItsOwnJvm(m, options.epochs(), options.n(), options.seed(), options.warmup())) {
                    System.exit(1);
                }
            }
            return;
        }
        System.out.println(train(options.model(), options.epochs(), options.n(), options.seed(), options.warmup()));
    }

    /** Pairs of an option and its value, in any order; each option has a default. */
    static Options parse(String[] args) {
        CommandLine line = new CommandLine(USAGE);
        String model = "all";
        int epochs = 1, n = 60_000;
        long seed = 0;
        boolean warmup = true;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (!List.of("--model", "--epochs", "--n", "--seed", "--warmup").contains(option)) {
                throw line.error("unknown option '" + option + "'");
            }
            if (i + 1 == args.length) {
                throw line.error(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--model" -> model = modelName(line, value);
                case "--epochs" -> epochs = line.count("--epochs", value);
                case "--n" -> n = line.count("--n", value);
                case "--seed" -> seed = line.number("--seed", value);
                default -> warmup = onOrOff(line, value);
            }
        }
        return new Options(model, epochs, n, seed, warmup);
    }

    private static String modelName(CommandLine line, String value) {
        if (!value.equals("all") && !MODELS.contains(value)) {
            throw line.error("--model must be one of " + String.join(", ", MODELS) + " or all, got '" + value + "'");
        }
        return value;
    }

    private static boolean onOrOff(CommandLine line, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw line.error("--warmup must be on or off, got '" + value + "'");
        };
    }

    private static boolean isChild() {
        return Boolean.getBoolean("dl.bench.child");
    }

    /** The torch_peer.py models, layer for layer. */
    static Net model(String name) {
        return switch (name) {
            case "mlp" -> net(input(1, 28, 28)).flatten().dense(50).sigmoid().dense(10);
            case "lenet5" -> Models.lenet5();
            case "nn4" -> net(input(1, 28, 28))
                    .conv(3, 64).pad(1).relu().pool(2)
                    .conv(3, 32).pad(1).relu().pool(2)
                    .conv(3, 16).pad(1).relu().pool(2)
                    .flatten().dense(10);
            case "vgg_small" -> net(input(1, 28, 28))
                    .conv(3, 32).pad(1).relu().conv(3, 32).pad(1).relu().pool(2)
                    .conv(3, 64).pad(1).relu().conv(3, 64).pad(1).relu().pool(2)
                    .flatten().dense(128).relu().dense(10);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** {@code seed}: of the initial weights and of the shuffling, as the peer's {@code --seed}. */
    static Json train(String name, int epochs, int n, long seed, boolean warmup) {
        double warmupSeconds = warmup ? Warmup.run() : 0;
        TrainTest data = FashionMnist.load(n, 10_000);
        Dataset train = data.train();
        Net model = model(name).seed(seed);
        Batch first = train.batch(IntStream.range(0, Math.min(64, train.size())).toArray());
        for (int i = 0; i < 3; i++) {   // warm-up as the peer does: gradients computed, then discarded
            Losses.crossEntropy().apply(model.forward(first.inputs()), first.targets()).backward();
        }
        model.parameters().forEach(dl.tensor.Tensor::zeroGrad);
        History history = model.fit(train, epochs(epochs).batch(64).optimizer(momentum(0.01, 0.9)).seed(seed)
                .quiet());
        long t0 = System.nanoTime();
        double accuracy = model.evaluate(data.test()).accuracy();
        double evalSeconds = (System.nanoTime() - t0) / 1e9;
        double[] seconds = history.epochs().stream().mapToDouble(History.Epoch::seconds).toArray();
        double mean = java.util.Arrays.stream(seconds).average().orElse(Double.NaN);
        return new Json().put("model", name).put("params", model.parameterCount()).put("n", train.size())
                .put("epochs", epochs).put("sec_per_epoch", mean).put("img_per_sec", train.size() / mean)
                .put("test_acc", accuracy).put("epoch_secs", java.util.Arrays.toString(seconds))
                .put("train_loss", history.epochs().stream().map(e -> String.format(java.util.Locale.ROOT, "%.4f",
                        e.loss())).toList().toString())
                .put("eval_sec_10k", evalSeconds).put("batch", 64).put("seed", seed)
                .put("warmup_sec", warmupSeconds).withEnvironment();
    }

    /**
     * Runs this class again for one model in a fresh JVM with the same flags, and passes its line on; false, with
     * a line that says so, if that JVM failed (its own error is above on standard error).
     */
    private static boolean runInItsOwnJvm(String model, int epochs, int n, long seed, boolean warmup)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-Ddl.bench.child=true", "-cp", System.getProperty("java.class.path"),
                TrainBench.class.getName(), "--model", model, "--epochs", String.valueOf(epochs),
                "--n", String.valueOf(n), "--seed", String.valueOf(seed), "--warmup", warmup ? "on" : "off"));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            out.lines().filter(line -> line.startsWith("{")).forEach(System.out::println);
        }
        if (child.waitFor() != 0) {
            System.err.println("the benchmark of " + model + " failed (exit status " + child.exitValue() + ")");
            return false;
        }
        return true;
    }
}
