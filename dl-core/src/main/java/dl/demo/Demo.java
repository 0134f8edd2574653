package dl.demo;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.momentum;
import static dl.train.Fit.epochs;

import dl.backend.Device;
import dl.backend.DeviceUnavailable;
import dl.data.DataException;
import dl.data.Dataset;
import dl.data.FashionMnist;
import dl.data.TrainTest;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.Locale;

/**
 * {@code ./dl demo [epochs] [training images]}: trains LeNet-5 on Fashion-MNIST in the terminal, with a progress
 * line, then prints the accuracy on the 10,000 test images, per class and overall. The code is what a student
 * writes in a notebook.
 */
public final class Demo {

    static final String USAGE = "./dl demo [E] [N]  (E epochs, default 1; the first N training images, default all)";

    /** What to run: {@code epochs} over the first {@code images} training images. */
    record Settings(int epochs, int images) {
    }

    private Demo() {
    }

    public static void main(String[] args) {
        Settings settings = CommandLine.parseOrExit(args, Demo::parse);
        try {
            Device.current().backend();   // DL_DEVICE=cuda on a machine without one: say what is missing, and stop
        } catch (DeviceUnavailable | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        TrainTest data;
        try {
            data = FashionMnist.load(settings.images(), 10_000);
        } catch (DataException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.printf(Locale.ROOT, "Fashion-MNIST: %,d training and %,d test images of 28x28, on %s, %d cores%n",
                data.train().size(), data.test().size(), Device.current(), Runtime.getRuntime().availableProcessors());

        Net model = net(input(1, 28, 28))
                .conv(5, 6).pad(2).relu().pool(2)
                .conv(5, 16).relu().pool(2)
                .flatten().dense(120).relu().dense(84).relu().dense(10);
        System.out.println(model.summary());
        model.fit(data.train(), epochs(settings.epochs()).batch(64).optimizer(momentum(0.01, 0.9)));
        printTestAccuracy(model, data.test());
    }

    /** {@code [E] [N]}: two counts, both optional. */
    static Settings parse(String[] args) {
        CommandLine line = new CommandLine(USAGE);
        if (args.length > 2) {
            throw line.error("takes at most two numbers, got " + args.length + " arguments");
        }
        int epochs = args.length > 0 ? line.count("E (epochs)", args[0]) : 1;
        int images = args.length > 1 ? line.count("N (training images)", args[1]) : 60_000;
        return new Settings(epochs, images);
    }

    private static void printTestAccuracy(Net model, Dataset test) {
        int[] right = new int[10], total = new int[10];
        for (int start = 0; start < test.size(); start += 1000) {
            int[] indices = java.util.stream.IntStream.range(start, Math.min(start + 1000, test.size())).toArray();
            Tensor predicted = model.outputs(test.batch(indices).inputs()).argmax(1);
            float[] p = predicted.toFloatArray();
            for (int i = 0; i < indices.length; i++) {
                int label = test.label(indices[i]);
                total[label]++;
                right[label] += (int) p[i] == label ? 1 : 0;
            }
        }
        System.out.println("Test accuracy per class:");
        int all = 0;
        for (int c = 0; c < 10; c++) {
            System.out.printf(Locale.ROOT, "  %-12s %5.1f%%%n", FashionMnist.CLASSES.get(c),
                    100.0 * right[c] / Math.max(1, total[c]));
            all += right[c];
        }
        System.out.printf(Locale.ROOT, "Test accuracy: %.2f%% of %,d images%n", 100.0 * all / test.size(), test.size());
    }
}
