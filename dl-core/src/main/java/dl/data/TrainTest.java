package dl.data;

/**
 * A data set as it is published: examples to train on and examples to test on, never mixed.
 * {@code FashionMnist.load()}, {@code Mnist.load(dir)} and {@code Cifar10.load()} return one.
 */
public record TrainTest(Dataset train, Dataset test) {
}
