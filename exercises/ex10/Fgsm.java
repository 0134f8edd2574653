package ex10;

import static dl.nn.loss.Losses.crossEntropy;

import dl.grading.TodoException;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Exercise 10: the fast gradient sign method (FGSM), an attack that fools a trained network (learn a CNN and fool
 * it).
 * <p>
 * Training moves the weights against the gradient of the loss, so that the loss goes down. The attack keeps the
 * weights and moves the pixels along the gradient, so that the loss of the true class goes up. Every pixel takes
 * one step of size ε, up or down, as the sign of its gradient says (Goodfellow, Shlens and Szegedy 2015), then is
 * clipped back into [0, 1]:
 * <pre>
 *   x' = clip(x + ε · sign(∇ₓ L(x, label)), 0, 1)        so |x'_i − x_i| ≤ ε for every pixel
 * </pre>
 * L is the cross-entropy of the model's output for x against the true label, and ∇ₓ L comes from autograd: the
 * pixels are one more input of the graph.
 */
class Fgsm {

    /**
     * The image after one FGSM step of size {@code epsilon} against its true {@code label}: the same shape
     * {@code [1, 28, 28]} as {@code image}, pixels in [0, 1]. The model takes a batch {@code [N, 1, 28, 28]}, so the
     * image goes in as {@code image.reshape(1, 1, 28, 28)}; the loss is
     * {@code crossEntropy().apply(model.forward(x), Tensor.of(new float[] {label}))}.
     */
    static Tensor fgsm(Net model, Tensor image, int label, double epsilon) {
        if (!Arrays.equals(image.shape(), new int[] {1, 28, 28})) {
            throw new IllegalArgumentException("fgsm: expects one Fashion-MNIST image [1, 28, 28], got "
                + Arrays.toString(image.shape()) + "; data.test().input(i) gives one");
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("fgsm: ε is how far each pixel may move, at least 0, got " + epsilon);
        }
        throw new TodoException("ex10: x' = clip(x + ε · sign(∇ₓ L), 0, 1), with ∇ₓ L from autograd");
    }
}
