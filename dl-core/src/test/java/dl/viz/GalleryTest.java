package dl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.demo.CommandLine.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./dl gallery [DIR]: the folder is made and checked before any training, and a bad one is one line of usage. */
class GalleryTest {

    @TempDir
    Path tmp;

    @Test
    void makesTheFolderItWillDrawInto() {
        Path dir = tmp.resolve("pictures/gallery");
        assertEquals(dir, Gallery.folder(new String[] {dir.toString()}));
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aFolderThatCannotBeWrittenIsOneLineOfUsage() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder");
        Path inside = file.resolve("gallery");
        UsageException e = assertThrows(UsageException.class, () -> Gallery.folder(new String[] {inside.toString()}));
        assertEquals("cannot write to the folder " + inside + " (Not a directory); usage: " + Gallery.USAGE,
                e.getMessage());

        e = assertThrows(UsageException.class, () -> Gallery.folder(new String[] {file.toString()}));
        assertEquals("cannot write to the folder " + file + " (it is a file); usage: " + Gallery.USAGE,
                e.getMessage());
    }

    @Test
    void takesOneFolderAtMost() {
        UsageException e = assertThrows(UsageException.class, () -> Gallery.folder(new String[] {"a", "b"}));
        assertEquals("takes at most one folder, got 2 arguments; usage: " + Gallery.USAGE, e.getMessage());
    }
}
