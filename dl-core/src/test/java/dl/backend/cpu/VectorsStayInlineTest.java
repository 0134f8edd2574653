package dl.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GEMM's, the convolutions' and the pooling's loops hand no vector to a method of their own. Once the method the
 * JIT compiles is large it stops inlining ordinary calls (the Vector API's own methods it always inlines), and each
 * vector passed to a call left out of line is put on the heap: the GEMM's weight-gradient tile once added its sums
 * to C through such a helper, and half of them went through the heap. And every vector of the CPU backend has the
 * machine's width: where {@code Exponential} used vectors half as wide, some runs of LeNet-5 compiled the
 * convolutions' micro-kernel for the narrower vectors and trained at a fraction of their speed.
 */
class VectorsStayInlineTest {

    /** The classes whose loops run in every training step of a network with dense or convolution layers. */
    private static final List<String> KERNELS = List.of("Gemm", "GemmKernel", "GemmPacking", "ConvWeightKernel",
            "Convolution", "Im2col", "ShiftedConvolution", "RowWinograd", "Pooling", "ElementWise", "Reductions");

    /** A method declaration whose return type or one of whose parameters is a vector, a mask or a shuffle. */
    private static final Pattern VECTOR_METHOD = Pattern.compile("^\\s*(private |static |final |public )*("
            + "\\w*(Vector|VectorMask<\\w+>|VectorShuffle<\\w+>) \\w+\\("    // returns one
            + "|\\w+ \\w+\\(.*\\b\\w*Vector(<\\w+>)? \\w+[,)])");       // or takes one

    @Test
    void kernelsHandNoVectorToTheirOwnMethods() throws IOException {
        Path sources = Path.of("src/main/java/dl/backend/cpu");
        List<String> found = new ArrayList<>();
        for (String kernel : KERNELS) {
            List<String> lines = Files.readAllLines(sources.resolve(kernel + ".java"));
            for (int i = 0; i < lines.size(); i++) {
                if (VECTOR_METHOD.matcher(lines.get(i)).find()) {
                    found.add(kernel + ".java:" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "write these steps where their vectors are made, not in a method:\n"
                + String.join("\n", found));
    }

    /** A species, shape or conversion other than the machine's width. */
    private static final Pattern OTHER_WIDTH = Pattern.compile(
            "VectorShape|withShape\\(|reinterpretShape\\(|SPECIES_(64|128|256|512|MAX)\\b|VectorSpecies\\.of\\(");

    @Test
    void everyVectorHasTheMachinesWidth() throws IOException {
        List<String> found = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/java/dl/backend/cpu"))) {
            for (Path file : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (OTHER_WIDTH.matcher(lines.get(i)).find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "use Gemm.SPECIES (and DoubleVector.SPECIES_PREFERRED) only:\n"
                + String.join("\n", found));
    }

    @Test
    void theWidthCheckFindsANarrowerVector() {
        assertTrue(OTHER_WIDTH.matcher("        FloatVector.SPECIES_256.length()").find());
        assertTrue(OTHER_WIDTH.matcher("        ((FloatVector) v.reinterpretShape(HALF, 0)).intoArray(y, 0);").find());
        assertFalse(OTHER_WIDTH.matcher("    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;")
                .find());
    }

    @Test
    void theCheckFindsAHelperThatTakesOrReturnsAVector() {
        assertTrue(VECTOR_METHOD.matcher("    private static void add(FloatVector sum, float[] c, int at) {").find());
        assertTrue(VECTOR_METHOD.matcher("    private static FloatVector load(float[] a, int at) {").find());
        assertTrue(VECTOR_METHOD.matcher("        private void add(FloatVector v, int e) {").find());
        assertFalse(VECTOR_METHOD.matcher("    static void relu(float[] x, int xi, float[] out, int oi, int len) {")
                .find());
    }
}
