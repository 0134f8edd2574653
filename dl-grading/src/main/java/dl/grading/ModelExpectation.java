package dl.grading;

import dl.data.FashionMnist;
import dl.grading.Judge.Kind;
import dl.nn.Net;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trained model waiting for its judge. Under the grader the model is saved to the test's working folder and the
 * grader measures its accuracy itself, so the student's program never reports its own score.
 */
public final class ModelExpectation {

    private static final AtomicInteger SAVED = new AtomicInteger();

    private final String what;
    private final Net model;

    ModelExpectation(String what, Net model) {
        this.what = what;
        this.model = model;
    }

    /** Accuracy on the 10,000 Fashion-MNIST test images of at least {@code bar} (0.85 is 85%). */
    public void reachesTestAccuracy(double bar) {
        Judge judge = Judge.bound(Kind.TEST_ACCURACY_AT_LEAST, bar);
        if (Expect.recorder == null) {
            double accuracy = testAccuracy(model);
            Expect.record(new Observation(what, new double[] {accuracy}, new int[0], "", judge));
            return;
        }
        String file = "model-" + SAVED.incrementAndGet() + ".dlm";
        model.save(Path.of(file));
        Expect.record(new Observation(what, new double[0], new int[0], file, judge));
    }

    /** The accuracy the {@code TEST_ACCURACY_AT_LEAST} judge compares with its bar. */
    public static double testAccuracy(Net model) {
        return model.evaluate(FashionMnist.load(0, 10_000).test()).accuracy();
    }
}
