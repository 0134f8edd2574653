package dl.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every op code is one a device must implement, so none may be dead: each is emitted by some code above the seam
 * (named as {@code UnaryOp.EXP}, or as a {@code case EXP} of an op's switch), and {@code neg()} and {@code sqrt()}
 * need no codes of their own.
 */
class OpCodesTest {

    /** The sources above the seam: dl-core's main code outside {@code dl/backend}. */
    private static String sourcesAboveTheSeam() throws IOException {
        Path main = Path.of("src/main/java/dl");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(main.resolve("backend")))
                    .sorted().toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void everyOpCodeIsEmittedAboveTheSeam() throws IOException {
        String sources = sourcesAboveTheSeam();
        List<String> unused = new ArrayList<>();
        Stream.of(UnaryOp.values(), BinaryOp.values(), ReduceOp.values()).flatMap(Stream::of).forEach(code -> {
            String name = code.getDeclaringClass().getSimpleName() + "." + code.name();
            if (!Pattern.compile("(" + Pattern.quote(name) + "|case " + code.name() + ")\\b").matcher(sources).find()) {
                unused.add(name);
            }
        });
        assertEquals(List.of(), unused, "op codes that no op emits: drop them from the enum and the backends");
    }

    @Test
    void negAndSqrtAreMadeOfOtherCodes() {
        Tensor x = Tensor.of(new float[] {0, 1, 4, 9});
        assertArrayEquals(new float[] {-0f, -1, -4, -9}, x.neg().toFloatArray(), 0f);
        assertArrayEquals(new float[] {0, 1, 2, 3}, x.sqrt().toFloatArray(), 1e-6f);
    }
}
