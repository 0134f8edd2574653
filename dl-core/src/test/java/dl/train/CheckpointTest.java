package dl.train;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Net;
import dl.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void savesAndRestoresWeightsBuffersAndOptimizerState() {
        Net saved = net(input(1, 8, 8)).conv(3, 4).batchNorm().relu().flatten().dense(3).seed(1);
        saved.forward(Tensor.rand(new java.util.Random(2), 5, 1, 8, 8));   // moves batch norm's running statistics
        Path file = dir.resolve("model.ckpt");
        Checkpoint.save(file, saved.state(), Map.of("momentum.velocity.0", new float[] {1, 2, 3}));

        Net restored = net(input(1, 8, 8)).conv(3, 4).batchNorm().relu().flatten().dense(3).seed(99);
        Map<String, float[]> optimizer = new HashMap<>();
        Checkpoint.load(file, restored.state(), optimizer);
        saved.state().forEach((name, t) -> assertArrayEquals(t.toFloatArray(), restored.state().get(name)
                .toFloatArray(), name));
        assertArrayEquals(new float[] {1, 2, 3}, optimizer.get("momentum.velocity.0"));
    }

    @Test
    void leavesNoPartialFileBehind() throws IOException {
        Net model = net(input(4)).dense(2);
        Checkpoint.save(dir.resolve("a.ckpt"), model.state(), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the finished file");
        }
    }

    @Test
    void refusesAnotherArchitectureNamingTheTensor() {
        Path file = dir.resolve("small.ckpt");
        Checkpoint.save(file, net(input(4)).dense(2).state(), Map.of());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(file, net(input(4)).dense(3).state(), new HashMap<>()));
        assertTrue(e.getMessage().contains("dense1.weight is [4, 2] in the file but [4, 3] in the model"),
                e.getMessage());
    }
}
