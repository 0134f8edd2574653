package dl.train;

import dl.autograd.NoGrad;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Saves and restores a model's weights (and an optimizer's state) as named float arrays, in a small binary file:
 * {@code "DLCK"}, the version, the model's tensors and the optimizer's arrays (each a name, a shape and the
 * numbers), then the CRC-32 of all the bytes before it. The file is written as {@code <name>.partial}, forced to
 * the disk and renamed when complete, so a crash never leaves half a checkpoint behind; the next save clears a
 * {@code .partial} that a killed one left. Loading checks the whole file (checksum, every size against the bytes
 * left) before it changes the model or the optimizer.
 *
 * <pre>{@code
 * Checkpoint.save(Path.of("lenet.ckpt"), model.state(), optimizer.state());
 * Checkpoint.load(Path.of("lenet.ckpt"), model.state(), optimizer.state());
 * }</pre>
 *
 * <p>A file may also hold named texts (version 3: after the optimizer's arrays, before the CRC-32), which
 * {@code model.save} uses for the network's architecture; a file without texts is still written as version 2.
 */
public final class Checkpoint {

    private static final int MAGIC = 0x444C434B;   // "DLCK"
    /** Version 2 ends with the CRC-32; version 1 files (without it) still load. */
    private static final int VERSION = 2;
    /** Version 3 adds named texts after the optimizer's arrays. */
    private static final int VERSION_WITH_TEXTS = 3;
    private static final int MAX_RANK = 8;

    private Checkpoint() {
    }

    /** Writes the model's tensors and the optimizer's arrays to {@code file}, whole or not at all. */
    public static void save(Path file, Map<String, Tensor> model, Map<String, float[]> optimizer) {
        save(file, Map.of(), model, optimizer);
    }

    /**
     * Writes named texts (a network's architecture, say) with the model's tensors and the optimizer's arrays,
     * under the same checksum, whole or not at all.
     */
    public static void save(Path file, Map<String, String> texts, Map<String, Tensor> model,
            Map<String, float[]> optimizer) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve(file.getFileName() + ".partial");
        boolean saved = false;
        try {
            Files.createDirectories(dir);
            clearPartials(dir, file.getFileName().toString());
            write(temp, texts, model, optimizer);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            saved = true;
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot write " + file + ": " + why(e, file), e);
        } finally {
            if (!saved) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Reads {@code file} into the model's tensors (same names, same shapes, in place) and the optimizer's
     * arrays. A damaged file, or one of another architecture (naming the first tensor that differs), is refused
     * and leaves both untouched.
     */
    public static void load(Path file, Map<String, Tensor> model, Map<String, float[]> optimizer) {
        load(read(file), model, optimizer);
    }

    /** Puts what {@link #read} checked into the model's tensors and the optimizer's arrays, as {@link #load} does. */
    public static void load(Contents saved, Map<String, Tensor> model, Map<String, float[]> optimizer) {
        checkSameArchitecture(saved.file, model, saved.shapes);
        try (var off = NoGrad.scope()) {
            model.forEach((name, t) -> t.copyFrom(Tensor.of(saved.model.get(name), t.shape())));
        }
        optimizer.clear();
        optimizer.putAll(saved.optimizer);
    }

    /** A file, read whole and checked: its named texts, its tensors and their shapes, and its optimizer arrays. */
    public record Contents(Path file, Map<String, String> texts, Map<String, float[]> model, Map<String, int[]> shapes,
            Map<String, float[]> optimizer) {
    }

    private static void write(Path temp, Map<String, String> texts, Map<String, Tensor> model,
            Map<String, float[]> optimizer) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var checked = new CheckedOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16),
                    new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
            out.writeInt(texts.isEmpty() ? VERSION : VERSION_WITH_TEXTS);
            out.writeInt(model.size());
            for (Map.Entry<String, Tensor> e : model.entrySet()) {
                writeArray(out, e.getKey(), e.getValue().shape(), e.getValue().toFloatArray());
            }
            out.writeInt(optimizer.size());
            for (Map.Entry<String, float[]> e : optimizer.entrySet()) {
                writeArray(out, e.getKey(), new int[] {e.getValue().length}, e.getValue());
            }
            if (!texts.isEmpty()) {
                writeTexts(out, texts);
            }
            out.writeInt((int) checked.getChecksum().getValue());
            out.flush();
            channel.force(true);   // on the disk before the rename makes it the checkpoint
        }
    }

    private static void writeArray(DataOutputStream out, String name, int[] shape, float[] values)
            throws IOException {
        out.writeUTF(name);
        out.writeInt(shape.length);
        for (int d : shape) {
            out.writeInt(d);
        }
        ByteBuffer chunk = ByteBuffer.allocate(4 * Math.min(values.length, 1 << 14));   // big-endian, as writeFloat
        for (int i = 0; i < values.length; i += chunk.capacity() / 4) {
            int n = Math.min(values.length - i, chunk.capacity() / 4);
            chunk.clear();
            chunk.asFloatBuffer().put(values, i, n);
            out.write(chunk.array(), 0, 4 * n);
        }
    }

    /** Each text as its name, its length in bytes and its UTF-8 bytes (no 64 KB limit, as writeUTF has). */
    private static void writeTexts(DataOutputStream out, Map<String, String> texts) throws IOException {
        out.writeInt(texts.size());
        for (Map.Entry<String, String> e : texts.entrySet()) {
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            out.writeUTF(e.getKey());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /**
     * The whole file, checked (its CRC-32, every size against the bytes left), or an exception that says what is
     * wrong with it; nothing is changed, so a caller can look at the texts before it builds anything.
     */
    public static Contents read(Path file) {
        try (Tally tally = new Tally(file); DataInputStream in = new DataInputStream(tally)) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("checkpoint: " + file + " is not a checkpoint of this library: it"
                        + " does not start with DLCK");
            }
            int version = in.readInt();
            if (version > VERSION_WITH_TEXTS) {
                throw new IllegalArgumentException("checkpoint: " + file + " was written by a newer version "
                        + version + " of this library; this one reads versions 1 to " + VERSION_WITH_TEXTS
                        + ", so load it with the library that wrote it");
            }
            if (version < 1) {
                throw damaged(file, "its version number is " + version);
            }
            Map<String, float[]> model = new LinkedHashMap<>(), optimizer = new LinkedHashMap<>();
            Map<String, int[]> shapes = new LinkedHashMap<>();
            readArrays(in, tally, file, model, shapes);
            readArrays(in, tally, file, optimizer, new LinkedHashMap<>());
            Map<String, String> texts = version >= VERSION_WITH_TEXTS ? readTexts(in, tally, file) : Map.of();
            int computed = (int) tally.crc.getValue();
            if (version >= 2 && in.readInt() != computed) {
                throw damaged(file, "its CRC-32 does not match its contents: bytes changed after it was written");
            }
            if (tally.left != 0) {
                throw damaged(file, tally.left + " bytes follow its end");
            }
            return new Contents(file, texts, model, shapes, optimizer);
        } catch (EOFException e) {
            throw damaged(file, "it ends too early (cut off while it was written or copied?)");
        } catch (UTFDataFormatException e) {
            throw damaged(file, "the name of an array is not text");
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot read " + file + ": " + why(e, file), e);
        }
    }

    /** A count, then that many arrays, each checked to fit in the bytes left before anything is allocated. */
    private static void readArrays(DataInputStream in, Tally tally, Path file, Map<String, float[]> values,
            Map<String, int[]> shapes) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > tally.left / 6) {   // an array takes at least 6 bytes: name length and rank
            throw damaged(file, "it says it holds " + count + " arrays in its " + tally.left + " bytes left");
        }
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int rank = in.readInt();
            if (rank < 0 || rank > MAX_RANK) {
                throw damaged(file, name + " has " + rank + " axes; expected 0 to " + MAX_RANK);
            }
            long room = Math.min(tally.left / 4, Integer.MAX_VALUE - 8);   // the numbers that one array may hold
            int[] shape = new int[rank];
            long size = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readInt();
                if (shape[d] < 0 || shape[d] > 0 && size > room / shape[d]) {
                    throw damaged(file, name + "'s axis " + d + " has the size " + shape[d] + ", more numbers than the "
                            + tally.left + " bytes left hold: the file is cut short or the size is wrong");
                }
                size *= shape[d];
            }
            values.put(name, readFloats(in, (int) size));
            shapes.put(name, shape);
        }
    }

    /** A count, then that many named texts, each length checked against the bytes left before it is read. */
    private static Map<String, String> readTexts(DataInputStream in, Tally tally, Path file) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > tally.left / 6) {   // a text takes at least 6 bytes: name length and its length
            throw damaged(file, "it says it holds " + count + " texts in its " + tally.left + " bytes left");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > tally.left) {
                throw damaged(file, "the text " + name + " has " + length + " bytes, but " + tally.left + " are left");
            }
            byte[] text = new byte[length];
            in.readFully(text);
            texts.put(name, new String(text, StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** {@code n} big-endian floats, read a chunk at a time. */
    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] v = new float[n];
        byte[] chunk = new byte[4 * Math.min(n, 1 << 14)];
        for (int i = 0; i < n; i += chunk.length / 4) {
            int k = Math.min(n - i, chunk.length / 4);
            in.readFully(chunk, 0, 4 * k);
            ByteBuffer.wrap(chunk, 0, 4 * k).asFloatBuffer().get(v, i, k);
        }
        return v;
    }

    /**
     * The file's bytes as they are read, with their CRC-32 so far and how many are left (which bounds every size
     * field). It sits above the buffer, so it counts exactly the bytes read, not those read ahead.
     */
    private static final class Tally extends FilterInputStream {
        final CRC32 crc = new CRC32();
        long left;

        Tally(Path file) throws IOException {
            this(Files.size(file), file);
        }

        private Tally(long size, Path file) throws IOException {
            super(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            left = size;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                crc.update(b);
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                left -= n;
            }
            return n;
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

    private static IllegalArgumentException damaged(Path file, String what) {
        return new IllegalArgumentException("checkpoint: " + file + " is damaged: " + what + ". Load an earlier"
                + " checkpoint, or train again");
    }

    /** What went wrong, in words: Java's file exceptions carry only the path as their message. */
    private static String why(IOException e, Path file) {
        String what = e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e instanceof FileSystemException ? e.getClass().getSimpleName()
                : e.getMessage();
        String where = e instanceof FileSystemException f ? f.getFile() : null;
        return where == null || where.equals(file.toString()) ? what : what + " (" + where + ")";
    }

    /** Removes what killed saves of {@code name} left: {@code name.partial}, and older {@code name<digits>.partial}. */
    private static void clearPartials(Path dir, String name) throws IOException {
        DirectoryStream.Filter<Path> partial = p -> {
            String n = p.getFileName().toString();
            return n.startsWith(name) && n.endsWith(".partial") && n.length() >= name.length() + ".partial".length()
                    && n.substring(name.length(), n.length() - ".partial".length()).matches("[0-9]*");
        };
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, partial)) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
