package dl.viz;

import static dl.optim.Optimizers.adam;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.adagrad;
import static dl.optim.Optimizers.momentum;
import static dl.optim.Optimizers.nesterov;
import static dl.optim.Optimizers.rmsprop;
import static dl.optim.Optimizers.sgd;
import static dl.train.Fit.epochs;

import dl.data.DataException;
import dl.data.Dataset;
import dl.data.FashionMnist;
import dl.data.ToySets;
import dl.data.TrainTest;
import dl.nn.Net;
import dl.optim.Optimizer;
import dl.tensor.Tensor;
import dl.train.History;
import dl.demo.CommandLine;
import dl.zoo.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./dl gallery [DIR]}: one PNG of every kind of picture the library draws, to look at. A LeNet-5 trained for
 * a few seconds on part of Fashion-MNIST supplies the history, predictions, filters and feature maps.
 */
public final class Gallery {

    static final String USAGE = "./dl gallery [DIR]  (a folder you can write to, default gallery/)";

    private Gallery() {
    }

    public static void main(String[] args) {
        Path dir = CommandLine.parseOrExit(args, Gallery::folder);
        try {
            draw(dir);
        } catch (DataException | UncheckedIOException e) {   // no data set, or a disk that filled up meanwhile
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("wrote the gallery to " + dir.toAbsolutePath());
    }

    /**
     * {@code [DIR]}: the folder to draw into, created if missing. It is checked before the training starts, so a
     * folder that cannot be written fails in a second, not after the pictures are computed.
     */
    static Path folder(String[] args) {
        CommandLine line = new CommandLine(USAGE);
        if (args.length > 1) {
            throw line.error("takes at most one folder, got " + args.length + " arguments");
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "gallery");
        String problem;
        try {
            Files.createDirectories(dir);
            problem = Files.isWritable(dir) ? null : "permission denied";
        } catch (IOException e) {
            problem = whyNot(e);
        }
        if (problem != null) {
            throw line.error("cannot write to the folder " + dir.toAbsolutePath() + " (" + problem + ")");
        }
        return dir;
    }

    /** Why a folder could not be made, in words: the exceptions of {@code Files} often carry only the path. */
    private static String whyNot(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            return "it is a file";
        } else if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "it cannot be created there";
        }
        return e.getMessage();
    }

    private static void draw(Path dir) {
        TrainTest data = FashionMnist.load(3000, 1000);
        Net lenet = Models.lenet5();
        History history = lenet.fit(data.train(), epochs(3).batch(32).optimizer(adam(1e-3))
                .validation(data.test()).quiet());
        write(dir, "history.png", history.plot());

        drawPredictions(dir, lenet, data.test());
        write(dir, "weights.png", Comparisons.weights(lenet));
        dl.data.Batch batch = data.train().take(64).batch();
        dl.nn.loss.Losses.crossEntropy().apply(lenet.forward(batch.inputs()), batch.targets()).backward();
        write(dir, "gradients.png", Comparisons.gradients(lenet));

        Map<String, History> runs = new LinkedHashMap<>();
        TrainTest few = FashionMnist.load(1000, 500);
        for (double eta : new double[] {0.1, 0.01, 0.001}) {   // the CIFAR-10 exercise's three learning rates
            runs.put("learning rate " + eta, Models.lenet5().fit(few.train(), epochs(3).batch(32)
                    .optimizer(sgd(eta)).validation(few.test()).quiet()));
        }
        write(dir, "learning-rates.png", Comparisons.histories(runs));

        write(dir, "activations.png", FunctionCharts.activations());
        write(dir, "learning-rate-schedules.png", Schedules.learningRates(100));
        write(dir, "softmax-temperature.png", Schedules.softmaxTemperature(new float[] {1, 2, 3, 0.5f}, 0.5, 1, 2, 5));
        for (Surface surface : List.of(Surface.BOWL, Surface.ROSENBROCK)) {
            double scale = surface == Surface.BOWL ? 1 : 0.02;   // Rosenbrock's walls are steep: smaller steps
            Map<String, Supplier<Optimizer>> optimizers = new LinkedHashMap<>();
            optimizers.put("sgd", () -> sgd(0.05 * scale));
            optimizers.put("momentum", () -> momentum(0.02 * scale, 0.9));
            optimizers.put("nesterov", () -> nesterov(0.02 * scale, 0.9));
            optimizers.put("adagrad", () -> adagrad(0.5));
            optimizers.put("rmsprop", () -> rmsprop(0.01 + 0.04 * scale));
            optimizers.put("adam", () -> adam(0.05 + 0.05 * scale));
            var paths = OptimizerPaths.run(surface, surface == Surface.BOWL ? 80 : 400, optimizers);
            String name = surface.name().toLowerCase();
            write(dir, "optimizers-" + name + ".png", OptimizerPaths.chart(surface, paths));
            write(dir, "optimizers-" + name + "-loss.png", OptimizerPaths.lossChart(surface, paths));
        }

        Dataset moons = ToySets.moons(300, 0.15, 1);
        Net small = net(input(2)).dense(16).tanh().dense(16).tanh().dense(2).seed(1);
        small.fit(moons, epochs(100).batch(30).optimizer(adam(0.02)).quiet());
        Images.save(DecisionBoundary.of(small, moons), dir.resolve("decision-boundary.png"));
    }

    /**
     * What a classifier with a layer "conv1" (a LeNet-5) makes of {@code test}: the confusion matrix, 24 images
     * captioned with its answers, the feature maps of the first image and the filters of conv1, and an FGSM attack.
     * The classes are named as the data names them.
     */
    static void drawPredictions(Path dir, Net model, Dataset test) {
        Charts.save(model.confusionMatrix(test).plot(), dir.resolve("confusion.png"));
        Images.save(Images.grid(test.take(24), model), dir.resolve("samples.png"));
        Tensor first = test.input(0);
        Images.save(Images.channels(model.activations("conv1", first)), dir.resolve("feature-maps.png"));
        Images.save(Images.channels(model.weights("conv1")), dir.resolve("filters.png"));
        Dataset few = test.take(8);
        Tensor fooled = few.batch().inputs();
        var attack = dl.attack.Attacks.fgsm(model, fooled, few.labels(), 0.1);
        Images.save(Images.adversarial(attack, fooled, 0, test.classNames()), dir.resolve("adversarial.png"));
    }

    private static void write(Path dir, String name, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        Charts.save(chart, dir.resolve(name));
    }
}
