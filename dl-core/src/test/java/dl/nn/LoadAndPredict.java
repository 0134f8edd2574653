package dl.nn;

import dl.tensor.Tensor;
import java.nio.file.Path;
import java.util.Random;

/**
 * Run by {@link ModelFileTest} in a fresh JVM: loads the model file named by its argument and prints the bits of
 * each number of its predictions on {@link #input()}, in hexadecimal, one a line.
 */
public final class LoadAndPredict {

    private LoadAndPredict() {
    }

    /** The batch both JVMs predict on. */
    static Tensor input() {
        return Tensor.rand(new Random(13), 5, 2, 4, 4);
    }

    public static void main(String[] args) {
        Net model = Net.load(Path.of(args[0]));
        for (float v : model.outputs(input()).toFloatArray()) {
            System.out.println(Integer.toHexString(Float.floatToRawIntBits(v)));
        }
    }
}
