package dl.bench;

import dl.autograd.NoGrad;
import dl.data.FashionMnist;
import dl.demo.LeNet5;
import dl.demo.Training;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;

/**
 * LeNet-5 on one batch of 64 Fashion-MNIST images: the median time of the forward pass alone (no graph
 * recorded), of forward + backward, and of forward + backward + an SGD-with-momentum step, over 50 runs each.
 * Prints one JSON line with the field names of {@code torch_peer.py --batch}.
 *
 * <p>The JIT compiles the hot code during the first runs, so a longer warm-up comes first than PyTorch needs
 * (its kernels are compiled ahead of time); the figures are the steady state a training loop sees.
 */
public final class LenetBatchBench {

    static final int BATCH = 64;
    static final int RUNS = 50;
    /** Seconds of warm-up: the JIT compiles in the background on the same two cores until it is done. */
    static final double WARM_UP_SECONDS = 4;

    public static void main(String[] args) {
        FashionMnist.Split train = FashionMnist.load(BATCH, 0).train();
        Tensor images = Tensor.of(Arrays.copyOf(train.images(), BATCH * 28 * 28), BATCH, 1, 28, 28);
        int[] labels = Arrays.copyOf(train.labels(), BATCH);

        LeNet5 model = new LeNet5(new Random(0));
        Training.Momentum sgd = new Training.Momentum(model.parameters(), 0.01f, 0.9f);
        Runnable forward = () -> {
            try (var off = NoGrad.scope()) {
                model.forward(images);
            }
        };
        Runnable forwardBackward = () -> {
            model.parameters().forEach(Tensor::zeroGrad);
            Training.crossEntropy(model.forward(images), labels).backward();
        };
        Runnable withStep = () -> {
            forwardBackward.run();
            sgd.step();
        };
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            forward.run();
            withStep.run();
        }
        double[] fwd = Stats.time(RUNS, forward), fwdBwd = Stats.time(RUNS, forwardBackward);
        double[] step = Stats.time(RUNS, withStep);
        System.out.println(new Json().put("bench", "lenet5_batch").put("batch", BATCH).put("runs", RUNS)
                .put("fwd_bwd_median_ms", Stats.median(fwdBwd)).put("fwd_bwd_min_ms", Stats.min(fwdBwd))
                .put("fwd_only_nograd_median_ms", Stats.median(fwd))
                .put("fwd_bwd_sgd_step_median_ms", Stats.median(step)).put("params", model.parameterCount())
                .withEnvironment());
    }
}
