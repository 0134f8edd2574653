package dl.train;

import dl.nn.Module;
import dl.optim.Optimizer;
import dl.tensor.Tensor;

/**
 * What {@code fit} keeps for following learning, as the course's nn2 logged it for TensorBoard: the learning rate
 * of every step, and after every epoch a histogram of each parameter's weights and of its gradients at the epoch's
 * last step. The histograms cost one copy of the weights and gradients per epoch, none per step.
 */
final class Recorder implements TrainingListener {

    private final Module model;
    private final History history;
    private final int batchesPerEpoch;
    private int epoch = 1;

    Recorder(Module model, History history, int batchesPerEpoch) {
        this.model = model;
        this.history = history;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /**
     * Called between backward and the optimizer's step: the rate this step uses and, at an epoch's last batch, the
     * gradients it follows (copied into a histogram: the next step's gradients are new tensors).
     */
    void beforeUpdate(int batchNumber, Optimizer optimizer) {
        history.addLearningRate(optimizer.learningRate());
        if (batchNumber == batchesPerEpoch) {
            model.namedParameters().forEach((name, w) -> {
                Tensor g = w.grad();
                if (g != null) {
                    history.addGradientHistogram(name, Histogram.of(epoch, g.toFloatArray()));
                }
            });
        }
    }

    /** The weights as the epoch leaves them. */
    @Override
    public void onEpoch(History.Epoch row) {
        model.namedParameters().forEach((name, w) ->
                history.addWeightHistogram(name, Histogram.of(row.epoch(), w.toFloatArray())));
        epoch = row.epoch() + 1;
    }
}
