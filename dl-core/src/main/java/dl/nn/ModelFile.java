package dl.nn;

import dl.optim.Optimizer;
import dl.train.Checkpoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole model in one file, for {@code model.save(path)} and {@code Net.load(path)}: a {@link Checkpoint} (its
 * atomic write, its CRC-32, its checks before anything is built) whose texts hold the architecture, as the DSL
 * sentence that builds the network ({@link Architecture}), the names of its classes, and the kind of the optimizer
 * whose state it holds.
 */
final class ModelFile {

    private static final String ARCHITECTURE = "architecture";
    private static final String OPTIMIZER = "optimizer";
    private static final String CLASSES = "classes";

    private ModelFile() {
    }

    /** An optimizer's kind (its class's name, {@code "Adam"}) and its state: moments, step counts. */
    record SavedOptimizer(String kind, Map<String, float[]> state) {

        /** What {@code optimizer} keeps now. */
        static SavedOptimizer of(Optimizer optimizer) {
            return new SavedOptimizer(optimizer.getClass().getSimpleName(), optimizer.state());
        }

        /** Gives {@code optimizer} (bound already) this state if it is of the same kind. */
        void resume(Optimizer optimizer) {
            if (optimizer.getClass().getSimpleName().equals(kind)) {
                optimizer.loadState(state);
            }
        }
    }

    /** A network read back, and the optimizer state that waits for its next fit (null if none was saved). */
    record Loaded(Net net, SavedOptimizer optimizer) {
    }

    /** Writes {@code net} (built with {@code seed}) and an optimizer's state, which may be null. */
    static void save(Net net, long seed, SavedOptimizer optimizer, Path file) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(ARCHITECTURE, Architecture.of(net, seed));
        if (!net.classNames().isEmpty()) {
            texts.put(CLASSES, String.join("\n", net.classNames()));   // one name a line, in label order
        }
        if (optimizer != null) {
            texts.put(OPTIMIZER, optimizer.kind());
        }
        Checkpoint.save(file, texts, net.state(), optimizer == null ? Map.of() : optimizer.state());
    }

    /** Checks the whole file, then builds the network it describes and puts the saved weights into it. */
    static Loaded load(Path file) {
        Checkpoint.Contents saved = Checkpoint.read(file);
        String architecture = saved.texts().get(ARCHITECTURE);
        if (architecture == null) {
            throw new IllegalArgumentException("Net.load: " + file + " holds weights only (written by"
                    + " Checkpoint.save or by fit's checkpoint(...)), not the network that they belong to; build the"
                    + " network with the same calls as before, then load the weights into it:"
                    + " Checkpoint.load(path, model.state(), new HashMap<>()). model.save(path) writes the whole"
                    + " model, for Net.load");
        }
        Net net = Architecture.rebuild(architecture, file.toString());
        String classes = saved.texts().get(CLASSES);
        if (classes != null) {
            net.classNames(List.of(classes.split("\n", -1)));
        }
        Map<String, float[]> optimizer = new LinkedHashMap<>();
        Checkpoint.load(saved, net.state(), optimizer);
        String kind = saved.texts().get(OPTIMIZER);
        return new Loaded(net, kind == null ? null : new SavedOptimizer(kind, optimizer));
    }
}
