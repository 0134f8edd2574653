package dl.optim;

import dl.autograd.NoGrad;
import dl.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient descent in one of its forms. An optimizer is made with its hyper-parameters ({@code adam(1e-3)}) and
 * bound to the tensors it changes, by {@code fit} or by hand; then each {@link #step()} moves every parameter that
 * has a gradient, and {@link #zeroGrad()} forgets the gradients before the next backward pass.
 *
 * <pre>{@code
 * var opt = Optimizers.momentum(0.01f).bind(model.parameters());
 * loss.backward();
 * opt.step();
 * opt.zeroGrad();
 * }</pre>
 *
 * L2 regularization ({@link #weightDecay}) adds {@code lambda w} to each gradient, so that plain SGD computes the
 * slides' {@code w <- w - eta dL/dw - eta lambda w}.
 */
public abstract class Optimizer {

    private List<Tensor> params;
    private final Map<String, Tensor> slots = new LinkedHashMap<>();
    private LearningRate schedule;
    private float lambda;
    /** The number of steps taken so far. */
    protected int t;

    protected Optimizer(float eta) {
        this.schedule = LearningRate.constant(eta);
    }

    /** The tensors to change (leaves that require gradients); returns this optimizer. */
    public Optimizer bind(List<Tensor> parameters) {
        this.params = List.copyOf(parameters);
        return this;
    }

    /** L2 regularization strength {@code lambda}. */
    public Optimizer weightDecay(double lambda) {
        this.lambda = (float) lambda;
        return this;
    }

    /** A learning rate that changes with the step, e.g. {@link LearningRate#inverseTime}. */
    public Optimizer schedule(LearningRate schedule) {
        this.schedule = schedule;
        return this;
    }

    /** The learning rate of the next step. */
    public float learningRate() {
        return schedule.at(t);
    }

    /** One update of every bound parameter that has a gradient. */
    public void step() {
        if (params == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ": not bound to any parameters; call"
                    + " bind(model.parameters()) first (fit does it for you)");
        }
        float eta = schedule.at(t);
        t++;
        try (var off = NoGrad.scope()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor w = params.get(i);
                if (w.grad() == null) {
                    continue;
                }
                Tensor g = lambda == 0 ? w.grad() : w.grad().add(w.mul(lambda));
                update(i, w, g, eta);
            }
        }
    }

    /** Forgets every bound parameter's gradient. */
    public void zeroGrad() {
        if (params != null) {
            params.forEach(Tensor::zeroGrad);
        }
    }

    /**
     * Moves parameter {@code i}, {@code w}, in place, given its gradient {@code g} and the learning rate; the
     * slots are changed in place too ({@link Tensor#mulInPlace}, {@link Tensor#addInPlace}), so a step makes no
     * copies of the weights.
     */
    protected abstract void update(int i, Tensor w, Tensor g, float eta);

    /** Per-parameter memory ("velocity", "m", "v"), zeros at first; it is what {@link #state()} saves. */
    protected Tensor slot(String name, int i, Tensor like) {
        return slots.computeIfAbsent(name + "." + i, k -> Tensor.zeros(like.shape()).to(like.backend()));
    }

    /** Every slot tensor: what the optimizer keeps from one step to the next. */
    public java.util.Collection<Tensor> slots() {
        return java.util.Collections.unmodifiableCollection(slots.values());
    }

    /** The step count and every slot, by name, for checkpoints. */
    public Map<String, float[]> state() {
        Map<String, float[]> state = new LinkedHashMap<>();
        state.put("t", new float[] {t});
        slots.forEach((name, tensor) -> state.put(name, tensor.toFloatArray()));
        return state;
    }

    /** Restores what {@link #state()} saved, onto the parameters' device; bind the optimizer first. */
    public void loadState(Map<String, float[]> state) {
        if (params == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ": bind(model.parameters()) before"
                    + " loading a saved state, so that it knows the parameters' shapes");
        }
        t = state.containsKey("t") ? (int) state.get("t")[0] : 0;
        slots.clear();
        state.forEach((name, values) -> {
            if (!name.equals("t")) {
                Tensor param = params.get(Integer.parseInt(name.substring(name.lastIndexOf('.') + 1)));
                slots.put(name, Tensor.of(values, param.shape()).to(param.backend()));
            }
        });
    }

    /** Whether parameter {@code i} already has the slot {@code name} (false before its first update). */
    protected boolean hasSlot(String name, int i) {
        return slots.containsKey(name + "." + i);
    }
}
