package dl.bench;

import dl.backend.Device;
import dl.backend.StepMemory;
import dl.data.Batch;
import dl.data.FashionMnist;
import dl.demo.CommandLine;
import dl.nn.Net;
import dl.nn.loss.Loss;
import dl.nn.loss.Losses;
import dl.optim.Optimizer;
import dl.optim.Optimizers;
import dl.zoo.Models;
import java.util.stream.IntStream;

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
        CommandLine.noArgumentsOrExit(args, "./dl bench lenet-batch");
        Batch batch = FashionMnist.load(BATCH, 0).train().batch(IntStream.range(0, BATCH).toArray());
        Net model = Models.lenet5();
        Optimizer sgd = Optimizers.momentum(0.01, 0.9).bind(model.parameters());
        Loss loss = Losses.crossEntropy();
        // as in fit, each run's temporaries are reused by the next (PyTorch's caching allocator does the same)
        StepMemory memory = Device.current().backend().stepMemory();
        Runnable forward = () -> {
            model.outputs(batch.inputs());
            memory.endStep();
        };
        Runnable forwardBackward = () -> {
            sgd.zeroGrad();
            loss.apply(model.forward(batch.inputs()), batch.targets()).backward();
            memory.endStep();
        };
        Runnable withStep = () -> {
            sgd.zeroGrad();
            loss.apply(model.forward(batch.inputs()), batch.targets()).backward();
            sgd.step();
            memory.endStep();
        };
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        while (System.nanoTime() < warmUpEnd) {   // each of the three, so that none is compiled while it is timed
            forward.run();
            forwardBackward.run();
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
