package dl.train;

import dl.tensor.Tensor;

/** Counting right answers: the predicted class is the largest output of each row. */
public final class Metrics {

    private Metrics() {
    }

    /** How many rows of {@code output [N, K]} have their largest value at the label. */
    public static int correct(Tensor output, int[] labels) {
        float[] predicted = output.detach().argmax(1).toFloatArray();
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            n += (int) predicted[i] == labels[i] ? 1 : 0;
        }
        return n;
    }

    /** The fraction of right answers. */
    public static double accuracy(Tensor output, int[] labels) {
        return (double) correct(output, labels) / labels.length;
    }
}
