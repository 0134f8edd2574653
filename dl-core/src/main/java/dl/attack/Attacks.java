package dl.attack;

import dl.autograd.NoGrad;
import dl.data.Batch;
import dl.data.Dataset;
import dl.nn.Net;
import dl.nn.loss.Losses;
import dl.tensor.Tensor;

/**
 * Adversarial examples, for "learn a CNN and fool it": small changes to an image, chosen with the gradient of the
 * loss with respect to the pixels, that change the model's answer.
 * <pre>
 *   FGSM (Goodfellow et al.):  x' = clamp(x + epsilon sign(dL/dx), 0, 1)
 *   PGD (Madry et al.):        x_0 = x;  x_{t+1} = clamp(P(x_t + alpha sign(dL/dx_t)), 0, 1)
 *                              where P keeps every pixel within epsilon of x
 * </pre>
 * L is the cross-entropy of the model's logits against the true labels; the model is used in evaluation mode.
 * Only the pixels' gradient is wanted: the parameters' gradients, which the same backward pass computes, are cleared,
 * so that an attack leaves nothing for the next training step to add in.
 */
public final class Attacks {

    /** The perturbed images, the perturbation, and the model's answers before and after. */
    public record Result(Tensor adversarial, Tensor perturbation, int[] before, int[] after) {

        /** How many answers the perturbation changed. */
        public int changed() {
            int n = 0;
            for (int i = 0; i < before.length; i++) {
                n += before[i] != after[i] ? 1 : 0;
            }
            return n;
        }

        /** The share of the perturbed images that the model still classifies as {@code labels} says. */
        public double accuracy(int[] labels) {
            if (labels.length != after.length) {
                throw new IllegalArgumentException("accuracy: " + labels.length + " labels for " + after.length
                        + " attacked images");
            }
            int right = 0;
            for (int i = 0; i < after.length; i++) {
                right += after[i] == labels[i] ? 1 : 0;
            }
            return (double) right / after.length;
        }
    }

    private Attacks() {
    }

    /** One step of size {@code epsilon} (pixels in [0, 1]; 0.1 is visible, 0.02 hardly). */
    public static Result fgsm(Net model, Tensor images, int[] labels, double epsilon) {
        return pgd(model, images, labels, epsilon, epsilon, 1);
    }

    /**
     * FGSM on every example of {@code data}, against its labels:
     * {@code Attacks.fgsm(model, test, 0.1).accuracy(test.labels())}.
     */
    public static Result fgsm(Net model, Dataset data, double epsilon) {
        Batch all = all(data);
        return fgsm(model, all.inputs(), all.labels(), epsilon);
    }

    /** PGD on every example of {@code data}, against its labels: {@code Attacks.pgd(model, test, 0.1, 0.01, 20)}. */
    public static Result pgd(Net model, Dataset data, double epsilon, double alpha, int steps) {
        Batch all = all(data);
        return pgd(model, all.inputs(), all.labels(), epsilon, alpha, steps);
    }

    /** Every example of {@code data} as one batch {@code [N, ...shape]}, with its labels. */
    static Batch all(Dataset data) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("attack: the data set has no class labels to attack");
        }
        return data.batch();
    }

    /** {@code steps} steps of size {@code alpha}, staying within {@code epsilon} of the original pixels. */
    public static Result pgd(Net model, Tensor images, int[] labels, double epsilon, double alpha, int steps) {
        model.eval();
        try {
            Tensor x = images.detach();
            Tensor classes = Tensor.of(asFloats(labels));
            for (int step = 0; step < steps; step++) {
                Tensor input = x.detach().requiresGrad();
                Losses.crossEntropy().apply(model.forward(input), classes).backward();
                model.parameters().forEach(Tensor::zeroGrad);
                try (var off = NoGrad.scope()) {
                    Tensor moved = input.detach().add(input.grad().sign().mul(alpha));
                    x = images.add(moved.sub(images).clamp(-epsilon, epsilon)).clamp(0, 1);
                }
            }
            return new Result(x, x.sub(images), predictions(model, images), predictions(model, x));
        } finally {
            model.train();
        }
    }

    private static float[] asFloats(int[] labels) {
        float[] f = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            f[i] = labels[i];
        }
        return f;
    }

    private static int[] predictions(Net model, Tensor images) {
        float[] p = model.outputs(images).argmax(1).toFloatArray();
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (int) p[i];
        }
        return out;
    }
}
