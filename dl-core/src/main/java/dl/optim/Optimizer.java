package dl.optim;

import dl.autograd.NoGrad;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient descent in one of its forms. An optimizer is made with its hyper-parameters ({@code adam(1e-3)}) and
 * bound to the tensors it changes, by {@code fit} or by hand; then each {@link #step()} moves every parameter that
 * has a gradient, and {@link #zeroGrad()} forgets the gradients before the next backward pass.
 *
 * <pre>{@code
 * var opt = Optimizers.momentum(0.01).bind(model.parameters());
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
    /** The number of steps taken so far: the learning-rate schedule's {@code t}. */
    protected int t;
    /** How many updates each parameter has had; a parameter without a gradient at a step is not counted. */
    private int[] updates = new int[0];

    protected Optimizer(double eta) {
        this.schedule = LearningRate.fixed(eta);
    }

    /**
     * The tensors to change (leaves that require gradients); returns this optimizer. Bound again to the same tensors
     * (a second fit of one model), it keeps its state and goes on; bound to other tensors (another model), it starts
     * afresh, as a new optimizer would: step 0, no slots. A state is only ever the state of its own parameters.
     */
    public Optimizer bind(List<Tensor> parameters) {
        if (params != null && !sameTensors(params, parameters)) {
            t = 0;
            updates = new int[0];
            slots.clear();
        }
        this.params = List.copyOf(parameters);
        this.updates = Arrays.copyOf(updates, params.size());
        return this;
    }

    /** The same tensor objects in the same order: the same model's parameters, not lookalikes of its shapes. */
    private static boolean sameTensors(List<Tensor> a, List<Tensor> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
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

    /** The learning-rate schedule now in use, for whoever changes it for a while and puts it back. */
    public LearningRate schedule() {
        return schedule;
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
                updates[i]++;
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

    /**
     * How many updates parameter {@code i} has had, this one included: 1 at its first. It counts the steps at
     * which the parameter had a gradient, so a parameter that joins late starts at 1, as in
     * {@code torch.optim.Adam}, whose step count is kept per parameter.
     */
    protected int updates(int i) {
        return updates[i];
    }

    /** Per-parameter memory ("velocity", "m", "v"), zeros at first; it is what {@link #state()} saves. */
    protected Tensor slot(String name, int i, Tensor like) {
        return slots.computeIfAbsent(name + "." + i, k -> Tensor.empty(like.backend(), like.shape()));
    }

    /** Every slot tensor: what the optimizer keeps from one step to the next. */
    public java.util.Collection<Tensor> slots() {
        return java.util.Collections.unmodifiableCollection(slots.values());
    }

    /**
     * The step count {@code "t"}, each updated parameter's own count ({@code "t.0"}, {@code "t.1"}, ...) and every
     * slot, by name, for checkpoints.
     */
    public Map<String, float[]> state() {
        Map<String, float[]> state = new LinkedHashMap<>();
        state.put("t", new float[] {t});
        for (int i = 0; i < updates.length; i++) {
            if (updates[i] > 0) {
                state.put("t." + i, new float[] {updates[i]});
            }
        }
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
        Arrays.fill(updates, 0);
        slots.clear();
        state.forEach((name, values) -> {
            if (name.equals("t")) {
                return;
            }
            int i = parameterIndex(name);
            if (name.startsWith("t.")) {
                updates[i] = (int) values[0];
            } else {
                Tensor param = params.get(i);
                slots.put(name, Tensor.of(values, param.shape()).to(param.device()));
                if (!state.containsKey("t." + i)) {
                    updates[i] = t;   // saved before the counts were kept per parameter: it took every step
                }
            }
        });
    }

    /** The parameter a state entry belongs to: 3 for {@code "m.3"} or {@code "t.3"}. */
    private static int parameterIndex(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }
}
