package dl.demo;

import dl.autograd.NoGrad;
import dl.data.FashionMnist;
import dl.tensor.Tensor;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./dl demo [epochs] [training images]}: trains {@link LeNet5} on Fashion-MNIST in the terminal, with a
 * progress line, then prints the accuracy on the 10,000 test images, per class and overall.
 */
public final class Demo {

    private static final int BATCH = 64;

    private Demo() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        PrintStream out = System.out;
        FashionMnist data = FashionMnist.load(limit, 10_000);
        FashionMnist.Split train = data.train(), test = data.test();
        out.printf(Locale.ROOT, "Fashion-MNIST: %,d training and %,d test images of 28x28; LeNet-5, SGD with momentum"
                + " 0.9, learning rate 0.01, batch %d, on %d cores%n", train.count(), test.count(), BATCH,
                Runtime.getRuntime().availableProcessors());

        Random rng = new Random(0);
        LeNet5 model = new LeNet5(rng);
        Training.Momentum sgd = new Training.Momentum(model.parameters(), 0.01f, 0.9f);
        Progress progress = new Progress(out, train.count());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            progress.startEpoch(epoch, epochs);
            int[] order = shuffled(train.count(), rng);
            for (int start = 0; start < train.count(); start += BATCH) {
                int[] batch = Arrays.copyOfRange(order, start, Math.min(start + BATCH, train.count()));
                Tensor logits = model.forward(images(train, batch));
                int[] labels = labels(train, batch);
                Tensor loss = Training.crossEntropy(logits, labels);
                loss.backward();
                sgd.step();
                progress.batchDone(batch.length, loss.item(), correct(logits, labels));
            }
            progress.endEpoch();
        }
        printTestAccuracy(out, model, test);
    }

    private static void printTestAccuracy(PrintStream out, LeNet5 model, FashionMnist.Split test) {
        int[] right = new int[10], total = new int[10];
        try (var off = NoGrad.scope()) {
            for (int start = 0; start < test.count(); start += 1000) {
                int[] batch = java.util.stream.IntStream.range(start, Math.min(start + 1000, test.count())).toArray();
                float[] predicted = model.forward(images(test, batch)).argmax(1).toFloatArray();
                for (int i = 0; i < batch.length; i++) {
                    int label = test.labels()[batch[i]];
                    total[label]++;
                    right[label] += predicted[i] == label ? 1 : 0;
                }
            }
        }
        out.println("Test accuracy per class:");
        for (int c = 0; c < 10; c++) {
            out.printf(Locale.ROOT, "  %-12s %5.1f%%%n", FashionMnist.CLASSES.get(c), 100.0 * right[c] / Math.max(1, total[c]));
        }
        out.printf(Locale.ROOT, "Test accuracy: %.2f%% of %,d images%n",
                100.0 * Arrays.stream(right).sum() / test.count(), test.count());
    }

    /** The images at {@code indices}, as a batch {@code [n, 1, 28, 28]}. */
    static Tensor images(FashionMnist.Split split, int[] indices) {
        int pixels = split.rows() * split.cols();
        float[] values = new float[indices.length * pixels];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(split.images(), indices[i] * pixels, values, i * pixels, pixels);
        }
        return Tensor.of(values, indices.length, 1, split.rows(), split.cols());
    }

    static int[] labels(FashionMnist.Split split, int[] indices) {
        return Arrays.stream(indices).map(i -> split.labels()[i]).toArray();
    }

    private static int correct(Tensor logits, int[] labels) {
        float[] predicted = logits.detach().argmax(1).toFloatArray();
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            n += predicted[i] == labels[i] ? 1 : 0;
        }
        return n;
    }

    /** A seeded Fisher-Yates shuffle of {@code 0 .. n-1}. */
    static int[] shuffled(int n, Random rng) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
