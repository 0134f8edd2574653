package dl.backend.cpu;

import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loads the classes behind the SIMD operations the kernels use, before any kernel runs.
 *
 * <p>The JIT turns a kernel's Vector API calls into SIMD instructions only when the vector, mask and shuffle
 * classes they name are already loaded. A kernel that gets hot early (a first layer's gradient runs within the
 * first batches) can be compiled before then, and its compiled code keeps the slow path, which allocates an object
 * per operation, for the rest of the run: a weight gradient measured ten times slower in one JVM out of ten.
 * {@link Gemm} calls {@link #load} when it is initialized, and every kernel reads {@link Gemm#SPECIES}.
 */
final class VectorClasses {

    private VectorClasses() {
    }

    /** Runs each kind of operation once, on each vector shape the kernels use. */
    static void load(VectorSpecies<Float> preferred) {
        VectorSpecies<Float> half = VectorSpecies.of(float.class,
                VectorShape.forBitSize(Math.max(128, preferred.vectorBitSize() / 2)));
        for (VectorSpecies<Float> species : List.of(preferred, half, FloatVector.SPECIES_256)) {
            float[] numbers = new float[2 * species.length()];
            FloatVector v = FloatVector.fromArray(species, numbers, 0);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            v = v.fma(FloatVector.broadcast(species, 1f), v).add(1f).max(0f).blend(v, positive)
                    .rearrange(VectorShuffle.iota(species, 0, 1, true));
            v.reinterpretShape(half, 0);
            v.intoArray(numbers, species.length());
        }
    }
}
