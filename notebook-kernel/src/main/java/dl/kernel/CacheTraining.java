package dl.kernel;

import java.util.List;

/**
 * The training run of the kernel's start-up cache: what a fresh kernel does in a notebook's first minute, without
 * Jupyter. {@code ./dl kernel install} (and {@code ./dl kernel run} after a rebuild) runs it in a JVM that records
 * the classes it loads into a file the next kernels start from:
 * <pre>  java [the kernel's flags] -XX:AOTCacheOutput=FILE -cp ... dl.kernel.CacheTraining      (JDK 25+)
 *   java [the kernel's flags] -XX:ArchiveClassesAtExit=FILE -cp ... dl.kernel.CacheTraining (JDK 17 to 24)</pre>
 * JShell and its compiler, the DSL, the renderers and a training step are then loaded from the file, already
 * parsed and linked, instead of from the jars.
 */
public final class CacheTraining {

    /**
     * Cells as a notebook's first ones: a value, a model's summary, a tensor, a chart, a short fit of LeNet-5 on
     * random pictures.
     */
    static final List<String> CELLS = List.of(
            "1 + 1",
            """
            var model = net(input(1, 28, 28))
                .conv(5, 6).padSame().relu().pool(2)
                .conv(5, 16).relu().pool(2)
                .flatten().dense(120).relu().dense(84).relu().dense(10);
            model.summary()""",
            "Tensor.arange(12).reshape(3, 4)",
            "FunctionCharts.activations()",
            """
            var rng = new Random(0);
            var pixels = new float[512 * 28 * 28];
            for (int i = 0; i < pixels.length; i++) pixels[i] = rng.nextFloat();
            var labels = new int[512];
            for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(10);
            var data = Dataset.of(pixels, new int[] {1, 28, 28}, labels, 10);
            model.fit(data, epochs(2).batch(64).optimizer(adam(1e-3)).quiet())""");

    private CacheTraining() {
    }

    /** Starts the kernel as Jupyter would (start-up script included), runs {@link #CELLS}, shows their values. */
    public static void main(String[] args) {
        DlKernel kernel = new DlKernel();
        for (String cell : CELLS) {
            kernel.eval(cell);
        }
        kernel.onShutdown(false);
        System.exit(0);
    }
}
