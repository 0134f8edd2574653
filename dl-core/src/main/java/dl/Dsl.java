package dl;

import dl.nn.Net;

/**
 * The words of the DSL, to import statically ({@code import static dl.Dsl.*;}, as the notebook kernel and
 * {@code ./dl jshell} do):
 *
 * <pre>{@code
 * var model = net(input(1, 28, 28)).conv(3, 64).relu().pool(2).flatten().dense(10);
 * }</pre>
 */
public final class Dsl {

    private Dsl() {
    }

    /** The shape of one sample (no batch axis): {@code input(784)}, {@code input(1, 28, 28)}. */
    public static int[] input(int... shape) {
        return shape.clone();
    }

    /** Starts a network whose samples have {@code inputShape}. */
    public static Net net(int[] inputShape) {
        return new Net(inputShape);
    }
}
