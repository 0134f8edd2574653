package dl.train;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Net;
import dl.tensor.Tensor;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Test
    void aFlippedByteIsRefusedBeforeTheModelChanges() throws IOException {
        Path file = dir.resolve("wide.ckpt");
        Checkpoint.save(file, net(input(4)).dense(64).seed(1).state(), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;   // the middle of the weights' 1 KB
        Files.write(file, bytes);

        Net model = net(input(4)).dense(64).seed(2);
        float[] before = model.state().get("dense1.weight").toFloatArray();
        var e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(file, model.state(), new HashMap<>()));
        assertEquals("checkpoint: " + file + " is damaged: its CRC-32 does not match its contents: bytes changed after"
                + " it was written. Load an earlier checkpoint, or train again", e.getMessage());
        assertArrayEquals(before, model.state().get("dense1.weight").toFloatArray(), "the weights are untouched");
    }

    @Test
    void aFileCutInItsOptimizerSectionLeavesModelAndOptimizerAlone() throws IOException {
        Path file = dir.resolve("cut.ckpt");
        Checkpoint.save(file, net(input(4)).dense(2).seed(1).state(), Map.of("adam.m.0", new float[100]));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));   // 36 of adam.m.0's 400 bytes are gone

        Net model = net(input(4)).dense(2).seed(2);
        float[] before = model.state().get("dense1.weight").toFloatArray();
        Map<String, float[]> optimizer = new HashMap<>(Map.of("adam.m.0", new float[] {7}));
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file, model.state(), optimizer));
        assertTrue(e.getMessage().startsWith("checkpoint: " + file + " is damaged: adam.m.0's axis 0 has the size 100,"
                + " more numbers than the 364 bytes left hold: the file is cut short"), e.getMessage());
        assertArrayEquals(before, model.state().get("dense1.weight").toFloatArray(), "the weights are untouched");
        assertArrayEquals(new float[] {7}, optimizer.get("adam.m.0"), "the optimizer's state is untouched");
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 2));   // half the checksum is gone
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file, model.state(), optimizer));
        assertTrue(e.getMessage().startsWith("checkpoint: " + file + " is damaged: it ends too early"), e.getMessage());
    }

    /** A version-1 file (no checksum) with one array {@code w} of shape {@code dims}, and no numbers. */
    private Path headerOnly(int... dims) throws IOException {
        Path file = dir.resolve("sizes.ckpt");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x444C434B);
            out.writeInt(1);
            out.writeInt(1);
            out.writeUTF("w");
            out.writeInt(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(new byte[16]);
        }
        return file;
    }

    @Test
    void corruptSizesAreExplainedWithoutAllocating() throws IOException {
        Map<String, Tensor> model = net(input(4)).dense(2).state();
        Path negative = headerOnly(2, -3);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(negative, model, new HashMap<>()));
        assertTrue(e.getMessage().contains("is damaged: w's axis 1 has the size -3"), e.getMessage());
        Path huge = headerOnly(2_000_000_000);
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(huge, model, new HashMap<>()));
        assertTrue(e.getMessage().contains("is damaged: w's axis 0 has the size 2000000000, more numbers than the 16"
                + " bytes left hold"), e.getMessage());
    }

    @Test
    void aVersionOneFileStillLoads() throws IOException {
        Path file = dir.resolve("v1.ckpt");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x444C434B);
            out.writeInt(1);
            out.writeInt(2);
            out.writeUTF("dense1.weight");
            out.writeInt(2);
            out.writeInt(1);
            out.writeInt(2);
            out.writeFloat(0.5f);
            out.writeFloat(-2f);
            out.writeUTF("dense1.bias");
            out.writeInt(1);
            out.writeInt(2);
            out.writeFloat(3f);
            out.writeFloat(4f);
            out.writeInt(0);   // no optimizer arrays, and no checksum
        }
        Map<String, Tensor> model = net(input(1)).dense(2).state();
        Checkpoint.load(file, model, new HashMap<>());
        assertArrayEquals(new float[] {0.5f, -2f}, model.get("dense1.weight").toFloatArray());
        assertArrayEquals(new float[] {3f, 4f}, model.get("dense1.bias").toFloatArray());
    }

    @Test
    void messagesSayWhatIsWrong() throws IOException {
        Map<String, Tensor> model = net(input(4)).dense(2).state();
        Path missing = dir.resolve("missing.ckpt");
        var io = assertThrows(UncheckedIOException.class, () -> Checkpoint.load(missing, model, new HashMap<>()));
        assertEquals("checkpoint: cannot read " + missing + ": no such file or folder", io.getMessage());

        Path newer = dir.resolve("newer.ckpt");
        Files.write(newer, new byte[] {'D', 'L', 'C', 'K', 0, 0, 0, 4});
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(newer, model, new HashMap<>()));
        assertEquals("checkpoint: " + newer + " was written by a newer version 4 of this library; this one reads"
                + " versions 1 to 3, so load it with the library that wrote it", e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(text, model, new HashMap<>()));
        assertEquals("checkpoint: " + text + " is not a checkpoint of this library: it does not start with DLCK",
                e.getMessage());
    }

    @Test
    void keepsNamedTextsUnderTheChecksum() throws IOException {
        Net model = net(input(4)).dense(2);
        Path file = dir.resolve("with-texts.ckpt");
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("architecture", "net(input(4))\n  .dense(2)\n");
        texts.put("notes", "é".repeat(40_000));   // 80,000 bytes of UTF-8: more than writeUTF could hold
        Checkpoint.save(file, texts, model.state(), Map.of("t", new float[] {3}));

        Checkpoint.Contents saved = Checkpoint.read(file);
        assertEquals(texts, saved.texts());
        assertArrayEquals(new float[] {3}, saved.optimizer().get("t"));
        assertArrayEquals(model.weights("dense1").toFloatArray(), saved.model().get("dense1.weight"));

        byte[] bytes = Files.readAllBytes(file);
        assertEquals(3, bytes[7], "a file with texts is version 3");
        bytes[bytes.length - 100] ^= 1;   // inside the notes
        Files.write(file, bytes);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("is damaged: its CRC-32 does not match"), e.getMessage());
    }

    @Test
    void aFileWithoutTextsIsStillVersionTwo() throws IOException {
        Path file = dir.resolve("weights.ckpt");
        Checkpoint.save(file, net(input(4)).dense(2).state(), Map.of());
        assertEquals(2, Files.readAllBytes(file)[7], "readable by the versions before texts");
        assertEquals(Map.of(), Checkpoint.read(file).texts());
    }

    @Test
    void theNextSaveClearsWhatKilledSavesLeft() throws IOException {
        Files.write(dir.resolve("a.ckpt.partial"), new byte[100]);
        Files.write(dir.resolve("a.ckpt4821972394.partial"), new byte[100]);   // named so by earlier versions
        Files.write(dir.resolve("b.ckpt.partial"), new byte[100]);             // another checkpoint's: kept
        Checkpoint.save(dir.resolve("a.ckpt"), net(input(4)).dense(2).state(), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("a.ckpt", "b.ckpt.partial"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void aFailedSaveLeavesNoPartialFile() throws IOException {
        Path taken = Files.createDirectories(dir.resolve("taken.ckpt"));
        Files.write(taken.resolve("inside"), new byte[1]);   // a folder that is not empty cannot be replaced
        var e = assertThrows(UncheckedIOException.class,
                () -> Checkpoint.save(taken, net(input(4)).dense(2).state(), Map.of()));
        assertTrue(e.getMessage().startsWith("checkpoint: cannot write " + taken + ": "), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("taken.ckpt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
