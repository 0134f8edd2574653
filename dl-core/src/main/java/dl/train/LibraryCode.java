package dl.train;

import dl.nn.Layer;
import dl.nn.Module;
import dl.nn.Net;
import dl.nn.Residual;
import dl.nn.loss.Loss;
import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Whether a training step runs dl-core's code alone: the model (a {@link Net} whose every layer, residual blocks'
 * too, is one of dl-core's), the loss, the optimizer and the augmentation; or an evaluation batch: the model and the
 * loss. dl-core's code keeps no tensor of a step beyond the step, so the backend may then give the step's memory to
 * the next ({@link dl.backend.StepMemory}). A student's layer, loss or optimizer may keep a tensor to read in the next
 * step, so a fit or an evaluation with one reuses nothing.
 */
final class LibraryCode {

    /** Where dl-core's classes were loaded from: its jar or its classes folder. */
    private static final URL DL_CORE = location(Trainer.class);

    private LibraryCode() {
    }

    /** Whether {@code fit(model, config)}'s steps run dl-core's code alone. */
    static boolean only(Module model, Fit config) {
        return only(model, config.loss) && isLibrary(config.optimizerOrDefault())
                && (config.augmentation == null || isLibrary(config.augmentation));
    }

    /** Whether scoring {@code model} with {@code loss}, batch after batch, runs dl-core's code alone. */
    static boolean only(Module model, Loss loss) {
        return isLibrary(loss) && model instanceof Net net && layersAreLibrary(net);
    }

    private static boolean layersAreLibrary(Net net) {
        for (Layer layer : net.layers()) {
            if (!isLibrary(layer) || layer instanceof Residual r && !layersAreLibrary(r.block())) {
                return false;
            }
        }
        return isLibrary(net);
    }

    /** Whether {@code o}'s class is dl-core's own, not a student's (a subclass, a class typed in a notebook). */
    static boolean isLibrary(Object o) {
        return DL_CORE != null && Objects.equals(location(o.getClass()), DL_CORE);
    }

    private static URL location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
