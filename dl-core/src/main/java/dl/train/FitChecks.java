package dl.train;

import dl.autograd.NoGrad;
import dl.backend.Device;
import dl.data.Dataset;
import dl.nn.Module;
import dl.nn.Net;
import dl.nn.loss.Loss;
import dl.nn.loss.Losses;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code fit} checks before its first step, so that a mistake in the setup fails at once, with a message that
 * names it, instead of after an epoch of training (whose History would be lost): empty data, a model with fewer
 * outputs than the data has classes, a softmax that the loss would apply a second time, validation data the model
 * cannot take, a checkpoint that cannot be written.
 */
final class FitChecks {

    private FitChecks() {
    }

    static void beforeTraining(Module model, Dataset train, Fit config) {
        notEmpty(train, "fit: the training data");
        onTheCurrentDevice(model);
        noSoftmaxBeforeCrossEntropy(model, config.loss);
        outputsForEveryClass(firstOutput(model, train), train, "training");
        if (config.validation != null) {
            notEmpty(config.validation, "fit: the validation data");
            validationFits(model, train, config.validation, config.loss);
        }
        if (config.checkpoint != null) {
            writable(config.checkpoint);
        }
    }

    /** The batches are created on the current device: the model must be there too, or its first op would fail. */
    static void onTheCurrentDevice(Module model) {
        Device here = Device.current();
        for (Tensor w : model.parameters()) {
            if (!w.device().equals(here)) {
                throw new IllegalArgumentException("fit: the model is on " + w.device() + " and the data's batches are"
                        + " created on " + here + " (the current device); move the model with model.to(" + here.code()
                        + "), or make its device current with Device.use(" + w.device().code() + ")");
            }
        }
    }

    /** A mean over no examples is NaN: refuse, rather than report it as a loss or an accuracy. */
    static void notEmpty(Dataset data, String what) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(what + " is empty (0 examples of " + Shapes.str(data.inputShape())
                    + "); check how it was loaded, limited or split");
        }
    }

    /**
     * {@code crossEntropy()} takes the logits and applies the softmax itself, as PyTorch's does; after a model's own
     * {@code softmax()} it would squash probabilities a second time, and training would crawl without an error.
     */
    private static void noSoftmaxBeforeCrossEntropy(Module model, Loss loss) {
        if (model instanceof Net net && !net.layers().isEmpty()
                && net.layers().get(net.layers().size() - 1).kind().equals("softmax")
                && loss.name().equals(Losses.crossEntropy().name())) {
            throw new IllegalArgumentException("fit: the model ends in softmax(), and crossEntropy() applies a softmax"
                    + " to the outputs itself, so the probabilities would be squashed twice; end the model with its"
                    + " last dense layer (predict() still gives probabilities), or end it with logSoftmax() and"
                    + " train with nll()");
        }
    }

    /** Runs the first example through the model, in evaluation mode and without gradients. */
    private static Tensor firstOutput(Module model, Dataset data) {
        return Trainer.outputOf(model, data.batch(new int[] {0}).inputs());
    }

    private static void outputsForEveryClass(Tensor output, Dataset data, String which) {
        if (data.hasLabels() && !data.hasTargets() && output.rank() == 2 && output.size(1) < data.classes()) {
            throw new IllegalArgumentException("fit: the model has " + output.size(1) + " outputs but the " + which
                    + " data has " + data.classes() + " classes (labels 0.." + (data.classes() - 1)
                    + "); end the model with dense(" + data.classes() + ")");
        }
    }

    /** The validation set is first used after epoch 1: try its first example now, through the model and loss. */
    private static void validationFits(Module model, Dataset train, Dataset validation, Loss loss) {
        Tensor output;
        try {
            output = firstOutput(model, validation);
        } catch (RuntimeException e) {
            throw doesNotFit(train, validation, e);
        }
        outputsForEveryClass(output, validation, "validation");
        try (var off = NoGrad.scope()) {
            loss.apply(output, validation.batch(new int[] {0}).targets());
        } catch (RuntimeException e) {
            throw doesNotFit(train, validation, e);
        }
    }

    private static IllegalArgumentException doesNotFit(Dataset train, Dataset validation, RuntimeException e) {
        return new IllegalArgumentException("fit: the validation data does not fit the model: its examples are "
                + Shapes.str(validation.inputShape()) + " with " + targets(validation) + ", the training data's "
                + Shapes.str(train.inputShape()) + " with " + targets(train) + " (" + e.getMessage() + ")", e);
    }

    private static String targets(Dataset data) {
        return data.hasTargets() ? "targets of " + data.targetSize() : data.classes() + " classes";
    }

    /** Checkpoints are written after each epoch: try the folder now, with a file that is deleted at once. */
    private static void writable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String reason;
        try {
            if (!Files.isDirectory(file)) {
                Files.createDirectories(folder);
                Files.delete(Files.createTempFile(folder, file.getFileName().toString(), ".probe"));
                return;
            }
            reason = file + " is a folder";
        } catch (FileAlreadyExistsException e) {
            reason = e.getFile() + " is a file, not a folder";
        } catch (AccessDeniedException e) {
            reason = "no permission to write in " + e.getFile();
        } catch (IOException e) {
            reason = e.toString();
        }
        throw new IllegalArgumentException("fit: cannot write the checkpoint " + file + ": " + reason
                + "; choose a path in a folder you can write to");
    }
}
