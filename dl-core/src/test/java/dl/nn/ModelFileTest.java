package dl.nn;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.adam;
import static dl.train.Fit.epochs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.backend.Device;
import dl.data.Dataset;
import dl.nn.Residual.Shortcut;
import dl.tensor.Tensor;
import dl.train.Checkpoint;
import dl.zoo.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    /** Every layer kind of the DSL, and every shortcut of a residual block, in small networks. */
    static List<Net> everyLayerKind() {
        return List.of(
                net(input(1, 12, 12)).seed(3).conv(3, 4).stride(2).pad(1).noBias().batchNorm().leakyRelu(0.1)
                        .avgPool(2, 1).pad(1).pool(3, 2).flatten().dropout(0.25).dense(6).layerNorm().tanh()
                        .dense(3).logSoftmax(),
                net(input(20)).unflatten(2, 2, 5).flatten().dense(5).batchNorm().sigmoid().dense(4).softmax(),
                net(input(2, 16, 16)).conv(3, 4).padSame().relu()
                        .residual(b -> b.conv(3, 4).padSame().relu().conv(3, 4).padSame())
                        .residual(Shortcut.PROJECTION, b -> b.conv(3, 8).stride(2).pad(1))
                        .residual(Shortcut.TORCHVISION, b -> b.conv(3, 16).stride(2).pad(1).noBias().batchNorm())
                        .residual(Shortcut.ZERO_PAD, b -> b.conv(3, 32).stride(2).pad(1).relu())
                        .globalAvgPool().dense(2));
    }

    @Test
    void everyLayerKindComesBackWithItsWeightsAndPredictsTheSameToTheBit() {
        int n = 0;
        for (Net model : everyLayerKind()) {
            Tensor x = Tensor.rand(new Random(7), batchOf(model, 4));
            model.forward(x);   // a training pass: moves batch norm's running statistics away from 0 and 1
            Path file = dir.resolve("model" + n++ + ".dl");
            model.save(file);

            Net loaded = Net.load(file);
            assertEquals(model.toString(), loaded.toString());
            assertEquals(model.summary().toString(), loaded.summary().toString());
            model.state().forEach((name, t) ->
                    assertArrayEquals(t.toFloatArray(), loaded.state().get(name).toFloatArray(), name));
            assertArrayEquals(model.outputs(x).toFloatArray(), loaded.outputs(x).toFloatArray(), model.toString());
        }
    }

    @Test
    void everyZooModelIsWrittenAsTheDslSentenceThatRebuildsIt() {
        List<Supplier<Net>> zoo = List.of(Models::lenet5, Models::alexnet, Models::vgg16, Models::vgg19,
                Models::resnet18, Models::resnet34, Models::resnet50, Models::resnet18Slides, Models::nn4,
                Models::kerasMnist, Models::convnetjsMnist);
        for (Supplier<Net> make : zoo) {
            Net model = make.get();   // only shapes: VGG16's 138 million weights are never drawn here
            String sentence = Architecture.of(model, 0);
            Net rebuilt = Architecture.rebuild(sentence, "test");
            assertEquals(model.summary().toString(), rebuilt.summary().toString(), sentence);
            assertEquals(model.toString(), rebuilt.toString());
            assertEquals(sentence, Architecture.of(rebuilt, 0));
        }
        assertTrue(Architecture.of(Models.lenet5(), 0).startsWith("net(input(1, 28, 28))\n  .conv(5, 6).pad(2)\n"
                + "  .relu()\n  .pool(2)\n"), Architecture.of(Models.lenet5(), 0));
    }

    /**
     * Not run on the reference device: the zoo's layers are among {@link #everyLayerKind}'s, which are saved and
     * loaded there, and a ResNet-18 forward pass is long in the reference's one-number-at-a-time loops.
     */
    @Test
    @DisabledIfSystemProperty(named = "dl.device", matches = "reference", disabledReason = "the zoo on the CPU only")
    void zooModelsSmallEnoughToRunAreSavedAndLoadedWithTheirWeights() {
        for (Net model : List.of(Models.lenet5(), Models.nn4(), Models.kerasMnist(), Models.convnetjsMnist(),
                Models.resnet18())) {
            Tensor x = Tensor.rand(new Random(5), batchOf(model, 1));
            Path file = dir.resolve("zoo.dl");
            model.save(file);
            Net loaded = Net.load(file);
            assertEquals(model.summary().toString(), loaded.summary().toString());
            assertArrayEquals(model.outputs(x).toFloatArray(), loaded.outputs(x).toFloatArray(), model.toString());
        }
    }

    @Test
    void fitAfterLoadGoesOnWithTheSavedOptimizerState() {
        Dataset data = blobs(64);
        Net model = net(input(2, 4, 4)).seed(1).conv(3, 4).relu().flatten().dense(3);
        var optimizer = adam(0.01);
        model.fit(data, epochs(2).batch(16).optimizer(optimizer).quiet());
        assertSame(optimizer, model.lastOptimizer());
        Path file = dir.resolve("trained.dl");
        model.save(file);

        Path again = dir.resolve("loaded-and-saved.dl");
        Net.load(file).save(again);   // not trained in between: the optimizer state goes on to the next file
        Net resumed = Net.load(again);
        resumed.fit(data, epochs(1).batch(16).optimizer(adam(0.01)).quiet());   // a new Adam, given the saved state
        model.fit(data, epochs(1).batch(16).optimizer(optimizer).quiet());      // the same Adam, its m, v and t
        assertArrayEquals(model.weights("dense1").toFloatArray(), resumed.weights("dense1").toFloatArray());

        Net weightsOnly = net(input(2, 4, 4)).seed(1).conv(3, 4).relu().flatten().dense(3);
        Checkpoint.load(file, weightsOnly.state(), new HashMap<>());
        weightsOnly.fit(data, epochs(1).batch(16).optimizer(adam(0.01)).quiet());
        assertFalse(Arrays.equals(model.weights("dense1").toFloatArray(), weightsOnly.weights("dense1")
                .toFloatArray()), "a fresh Adam (m = v = 0, t = 0) takes other steps than the saved one");
    }

    @Test
    void theClassNamesComeBackWithTheModel() {
        Net model = net(input(2, 4, 4)).seed(1).flatten().dense(3).classNames(List.of("circle", "square", "star"));
        Path file = dir.resolve("named.dl");
        model.save(file);
        assertEquals(List.of("circle", "square", "star"), Net.load(file).classNames());
    }

    @Test
    void aWeightsOnlyCheckpointIsRefusedWithHowToLoadIt() {
        Net model = net(input(4)).dense(2);
        Path file = dir.resolve("weights.ckpt");
        Checkpoint.save(file, model.state(), Map.of());
        var e = assertThrows(IllegalArgumentException.class, () -> Net.load(file));
        assertEquals("Net.load: " + file + " holds weights only (written by Checkpoint.save or by fit's"
                + " checkpoint(...)), not the network that they belong to; build the network with the same calls as"
                + " before, then load the weights into it: Checkpoint.load(path, model.state(), new HashMap<>())."
                + " model.save(path) writes the whole model, for Net.load", e.getMessage());
    }

    @Test
    void aDamagedFileIsRefusedBeforeAnythingIsBuilt() throws IOException {
        Path file = dir.resolve("model.dl");
        net(input(4)).dense(2).save(file);
        byte[] bytes = Files.readAllBytes(file);
        int architecture = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("dense(2)");
        bytes[architecture + 6] = '9';   // dense(9): a network the weights do not fit, if it were ever built
        Files.write(file, bytes);
        var e = assertThrows(IllegalArgumentException.class, () -> Net.load(file));
        assertEquals("checkpoint: " + file + " is damaged: its CRC-32 does not match its contents: bytes changed"
                + " after it was written. Load an earlier checkpoint, or train again", e.getMessage());
    }

    @Test
    void aWordThisLibraryDoesNotKnowIsNamed() {
        Path file = dir.resolve("newer.dl");
        Net model = net(input(4)).dense(2);
        Checkpoint.save(file, Map.of("architecture", "net(input(4))\n  .dense(2)\n  .swish()\n"), model.state(),
                Map.of());
        var e = assertThrows(IllegalArgumentException.class, () -> Net.load(file));
        assertEquals("Net.load: " + file + " describes a network this library cannot build, in line 3 of its"
                + " architecture: no DSL word 'swish'; was it written by a newer version? Load it with the library"
                + " that wrote it", e.getMessage());
    }

    @Test
    void aLayerOfYourOwnIsNamedWhenTheModelCannotBeSavedWhole() {
        Layer doubling = new Layer() {
            @Override
            public String kind() {
                return "doubling";
            }

            @Override
            protected int[] outputShapeFor(int[] input) {
                return input;
            }

            @Override
            public Tensor forward(Tensor x) {
                return x.mul(2);
            }
        };
        Net model = net(input(4)).dense(3).add(doubling);
        Path file = dir.resolve("own.dl");
        var e = assertThrows(IllegalArgumentException.class, () -> model.save(file));
        assertTrue(e.getMessage().startsWith("save: layer 2 (doubling, "), e.getMessage());
        assertTrue(e.getMessage().contains("override spec() in it to return the DSL call that makes it"),
                e.getMessage());
        assertFalse(Files.exists(file));
    }

    /**
     * A model trained a few steps, saved, and loaded by another JVM ({@link LoadAndPredict}): its predictions, as
     * the bits of each float, are the original's, on the same device.
     */
    @Test
    void aModelLoadedInAFreshJvmPredictsTheSameToTheBit() throws Exception {
        Net model = net(input(2, 4, 4)).seed(2).conv(3, 4).batchNorm().relu().flatten().dropout(0.5).dense(3);
        model.fit(blobs(48), epochs(1).batch(16).optimizer(adam(0.01)).quiet());
        Path file = dir.resolve("fresh.dl");
        model.save(file);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-Ddl.device=" + Device.current(),
                "-cp", System.getProperty("java.class.path"), LoadAndPredict.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        List<String> printed = out.lines().filter(line -> line.matches("-?[0-9a-f]+")).toList();
        float[] predicted = model.outputs(LoadAndPredict.input()).toFloatArray();
        List<String> original = IntStream.range(0, predicted.length)
                .mapToObj(i -> Integer.toHexString(Float.floatToRawIntBits(predicted[i]))).toList();
        assertEquals(original, printed, out);
    }

    private static int[] batchOf(Net model, int n) {
        int[] sample = model.inputShape();
        int[] shape = new int[sample.length + 1];
        shape[0] = n;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }

    /** {@code n} 2x4x4 images of three classes, each class brighter in its own place. */
    static Dataset blobs(int n) {
        Random rng = new Random(11);
        float[] x = new float[n * 32];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 32; j++) {
                x[i * 32 + j] = (float) rng.nextGaussian() + (j % 3 == y[i] ? 1 : 0);
            }
        }
        return Dataset.of(x, new int[] {2, 4, 4}, y, 3);
    }
}
