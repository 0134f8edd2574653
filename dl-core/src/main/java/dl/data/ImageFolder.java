package dl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Your own pictures as a {@link Dataset}: a folder with one sub-folder per class, as Keras's {@code
 * image_dataset_from_directory} and torchvision's {@code ImageFolder} read it.
 *
 * <pre>
 * shoes/
 *   boot/     1.png  2.png ...
 *   sandal/   a.jpg  b.jpg ...
 * </pre>
 *
 * The classes are the sub-folders sorted by name (label 0 is {@code boot}, 1 is {@code sandal}) and are the data's
 * {@link Dataset#classNames()}. The examples come class by class, each class's files sorted by name, so a folder
 * always loads in the same order ({@code fit} shuffles each epoch). Every picture is read by {@link ImageFile}: made
 * grey or colour and resized to one size. Files that are not pictures ({@code .png}, {@code .jpg}, {@code .jpeg},
 * {@code .bmp}, {@code .gif}) are skipped, as are hidden folders such as Jupyter's {@code .ipynb_checkpoints}, which
 * torchvision would take for a class.
 *
 * <pre>{@code
 * Dataset shoes = ImageFolder.load(Path.of("shoes"), 1, 28, 28);   // grey 28 x 28, labels 0 (boot) and 1 (sandal)
 * var parts = shoes.split(0.8, 42);
 * }</pre>
 */
public final class ImageFolder {

    private static final List<String> PICTURES = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");
    private static final String LAYOUT = "put the pictures of each class in a sub-folder named after the class:"
            + " folder/cat/1.png, folder/dog/2.png, ...";

    private ImageFolder() {
    }

    /**
     * The pictures in colour, resized to {@code height x width}: inputs {@code [3, height, width]}. Colour is the
     * default of Keras and torchvision; use {@link #load(Path, int, int, int)} with 1 channel for grey.
     *
     * <pre>{@code
     * Dataset pets = ImageFolder.load(Path.of("pets"), 32, 32);
     * net(input(3, 32, 32)).conv(3, 16).relu().pool(2).flatten().dense(pets.classes());
     * }</pre>
     */
    public static Dataset load(Path folder, int height, int width) {
        return load(folder, 3, height, width);
    }

    /**
     * The pictures as {@code channels} (1 grey, 3 colour) of {@code height x width}: inputs {@code [channels,
     * height, width]} with values in [0, 1], the shape {@code input(channels, height, width)} takes.
     *
     * <pre>{@code
     * Dataset digits = ImageFolder.load(Path.of("my-digits"), 1, 28, 28);
     * digits.classNames();   // the sub-folders: [0, 1, ..., 9]
     * }</pre>
     */
    public static Dataset load(Path folder, int channels, int height, int width) {
        List<Path> classes = classFolders(folder);
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            for (Path file : pictures(classes.get(k))) {
                files.add(file);
                labels.add(k);
            }
        }
        int size = channels * height * width;
        if ((long) files.size() * size > Integer.MAX_VALUE - 8) {
            throw new DataException(folder + ": " + files.size() + " pictures of " + channels + " x " + height + " x "
                    + width + " floats do not fit in one Java array; load them smaller or in fewer folders", null);
        }
        float[] inputs = new float[files.size() * size];
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(ImageFile.pixels(files.get(i), channels, height, width), 0, inputs, i * size, size);
        }
        List<String> names = classes.stream().map(c -> c.getFileName().toString()).toList();
        return Dataset.of(inputs, new int[] {channels, height, width},
                labels.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    /** The class sub-folders of {@code folder}, sorted by name; hidden ones are not classes. */
    private static List<Path> classFolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            String why = Files.exists(folder) ? "" : " (it does not exist)";
            throw new DataException("ImageFolder: " + folder.toAbsolutePath() + " is not a folder" + why + "; "
                    + LAYOUT, null);
        }
        List<Path> entries = sorted(folder);
        List<Path> classes = entries.stream().filter(Files::isDirectory).toList();
        if (classes.isEmpty()) {
            String why = entries.stream().anyMatch(ImageFolder::isPicture) ? " (its pictures lie directly in it)"
                    : entries.isEmpty() ? " (it is empty)" : "";
            throw new DataException("ImageFolder: " + folder + " has no class sub-folders" + why + "; " + LAYOUT, null);
        }
        for (Path c : classes) {
            if (pictures(c).isEmpty()) {
                throw new DataException("ImageFolder: the class folder " + c + " holds no pictures (.png, .jpg,"
                        + " .jpeg, .bmp, .gif); add some, or move the folder out if it is not a class", null);
            }
        }
        return classes;
    }

    /** The picture files of a class folder, sorted by name. */
    private static List<Path> pictures(Path classFolder) {
        return sorted(classFolder).stream().filter(ImageFolder::isPicture).toList();
    }

    private static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && PICTURES.stream().anyMatch(name::endsWith);
    }

    /** The entries of a folder that are not hidden, sorted by name so that every machine loads the same order. */
    private static List<Path> sorted(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new DataException("ImageFolder: cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
