package dl.train;

import dl.autograd.NoGrad;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and restores a model's weights (and an optimizer's state) as named float arrays, in a small binary file:
 * {@code "DLCK"}, a version, then for each tensor its name, shape and numbers. The file is written under a
 * temporary name and renamed when complete, so a crash never leaves half a checkpoint behind.
 *
 * <pre>{@code
 * Checkpoint.save(Path.of("lenet.ckpt"), model.state(), optimizer.state());
 * Checkpoint.load(Path.of("lenet.ckpt"), model.state(), optimizer.state());
 * }</pre>
 */
public final class Checkpoint {

    private static final int MAGIC = 0x444C434B;   // "DLCK"
    private static final int VERSION = 1;

    private Checkpoint() {
    }

    /** Writes the model's tensors and the optimizer's arrays to {@code file}, whole or not at all. */
    public static void save(Path file, Map<String, Tensor> model, Map<String, float[]> optimizer) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(model.size());
                for (Map.Entry<String, Tensor> e : model.entrySet()) {
                    write(out, e.getKey(), e.getValue().shape(), e.getValue().toFloatArray());
                }
                out.writeInt(optimizer.size());
                for (Map.Entry<String, float[]> e : optimizer.entrySet()) {
                    write(out, e.getKey(), new int[] {e.getValue().length}, e.getValue());
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("checkpoint: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code file} into the model's tensors (same names, same shapes, in place) and the optimizer's
     * arrays. A file of another architecture is refused, naming the first tensor that differs.
     */
    public static void load(Path file, Map<String, Tensor> model, Map<String, float[]> optimizer) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("checkpoint: " + file + " is not a checkpoint of this library");
            }
            int count = in.readInt();
            Map<String, float[]> saved = new LinkedHashMap<>();
            Map<String, int[]> shapes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                read(in, saved, shapes);
            }
            checkSameArchitecture(file, model, shapes);
            try (var off = NoGrad.scope()) {
                model.forEach((name, t) -> t.copyFrom(Tensor.of(saved.get(name), t.shape()).to(t.backend())));
            }
            int arrays = in.readInt();
            Map<String, float[]> state = new LinkedHashMap<>();
            for (int i = 0; i < arrays; i++) {
                read(in, state, new LinkedHashMap<>());
            }
            optimizer.clear();
            optimizer.putAll(state);
        } catch (EOFException e) {
            throw new IllegalArgumentException("checkpoint: " + file + " ends too early; it is damaged", e);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkSameArchitecture(Path file, Map<String, Tensor> model, Map<String, int[]> shapes) {
        var names = model.keySet().iterator();
        var savedNames = shapes.keySet().iterator();
        while (names.hasNext() || savedNames.hasNext()) {
            String mine = names.hasNext() ? names.next() : null, theirs = savedNames.hasNext() ? savedNames.next() : null;
            if (mine == null || !mine.equals(theirs)) {
                throw new IllegalArgumentException("checkpoint: " + file + " was saved from another architecture:"
                        + " the model's next tensor is " + (mine == null ? "none" : mine) + ", the file's "
                        + (theirs == null ? "none" : theirs));
            }
            if (!Arrays.equals(model.get(mine).shape(), shapes.get(theirs))) {
                throw new IllegalArgumentException("checkpoint: " + file + " was saved from another architecture: "
                        + mine + " is " + Shapes.str(shapes.get(theirs)) + " in the file but "
                        + Shapes.str(model.get(mine).shape()) + " in the model");
            }
        }
    }

    private static void write(DataOutputStream out, String name, int[] shape, float[] values) throws IOException {
        out.writeUTF(name);
        out.writeInt(shape.length);
        for (int d : shape) {
            out.writeInt(d);
        }
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static void read(DataInputStream in, Map<String, float[]> values, Map<String, int[]> shapes)
            throws IOException {
        String name = in.readUTF();
        int[] shape = new int[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = in.readInt();
        }
        float[] v = new float[Shapes.size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        values.put(name, v);
        shapes.put(name, shape);
    }

    private static void deleteQuietly(Path temp) {
        try {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
