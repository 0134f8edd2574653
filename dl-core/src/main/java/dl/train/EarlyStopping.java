package dl.train;

import dl.nn.Module;
import dl.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers the best epoch's weights; says when patience has run out. */
final class EarlyStopping {

    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int waited;
    private boolean stopped;
    private Map<String, float[]> bestWeights;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    boolean enabled() {
        return patience > 0;
    }

    /** True when training should stop. */
    boolean update(Module model, int epoch, double loss) {
        if (loss < best) {
            best = loss;
            bestEpoch = epoch;
            waited = 0;
            bestWeights = new LinkedHashMap<>();
            model.state().forEach((name, t) -> bestWeights.put(name, t.toFloatArray()));
            return false;
        }
        waited++;
        stopped = waited >= patience;
        return stopped;
    }

    void restoreBest(Module model) {
        if (bestWeights != null) {
            model.state().forEach((name, t) -> t.copyFrom(Tensor.of(bestWeights.get(name), t.shape())));
        }
    }

    boolean stopped() {
        return stopped;
    }

    int bestEpoch() {
        return bestEpoch;
    }
}
