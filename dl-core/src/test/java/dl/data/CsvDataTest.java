package dl.data;

import static dl.optim.Optimizers.adam;
import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Net;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

    /**
     * {@code n} flowers: petal length and width in cm and the species, "small" below the line length + width = 4,
     * "large" above it.
     */
    static Path flowers(Path file, int n, long seed) throws IOException {
        Random rng = new Random(seed);
        StringBuilder csv = new StringBuilder("length,species,width\n");
        for (int i = 0; i < n; i++) {
            double length = 4 * rng.nextDouble(), width = 4 * rng.nextDouble();
            String species = length + width < 4 ? "small" : "large";
            csv.append(String.format(Locale.ROOT, "%.2f,%s,%.2f%n", length, species, width));
        }
        return Files.writeString(file, csv);
    }

    @Test
    void aTableOfFeaturesAndLabelsIsTrainedOn(@TempDir Path dir) throws IOException {
        Dataset train = CsvData.load(flowers(dir.resolve("train.csv"), 200, 1), "species");
        Dataset test = CsvData.load(flowers(dir.resolve("test.csv"), 100, 2), "species");
        assertEquals(List.of("large", "small"), train.classNames(), "the label's values, sorted");
        assertArrayEquals(new int[] {2}, train.inputShape(), "length and width, in file order");

        Net model = net(input(2)).dense(8).relu().dense(2).seed(0);
        model.fit(train, epochs(30).batch(16).optimizer(adam(0.02)).seed(0).quiet());
        assertTrue(model.evaluate(test).accuracy() > 0.9, "well above chance (1 in 2): " + model.evaluate(test));
    }

    @Test
    void numberLabelsAreSortedByValue(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("grades.csv"), "hours,grade\n1,10\n2,9\n3,2\n4,10\n");
        Dataset grades = CsvData.load(csv, "grade");
        assertEquals(List.of("2", "9", "10"), grades.classNames());
        assertArrayEquals(new int[] {2, 1, 0, 2}, grades.labels());
        assertArrayEquals(new float[] {1, 2, 3, 4}, grades.inputs());
    }

    @Test
    void aColumnOfTextIsNamed(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("pets.csv"), "weight,colour,kind\n4.1,black,cat\n30,brown,dog\n");
        var e = assertThrows(DataException.class, () -> CsvData.load(csv, "kind"));
        assertEquals(csv + ": the column \"colour\" holds string values such as \"black\", not numbers; every column"
                + " but the label must be a number. Drop it from the file or write it as numbers", e.getMessage());
    }

    @Test
    void aMissingLabelColumnOrCellIsNamed(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("pets.csv"), "weight,kind\n4.1,cat\n,dog\n");
        var noColumn = assertThrows(DataException.class, () -> CsvData.load(csv, "Kind"));
        assertEquals(csv + " has no column \"Kind\" to take the classes from; its columns are [weight, kind] (names"
                + " are case-sensitive)", noColumn.getMessage());
        var emptyCell = assertThrows(DataException.class, () -> CsvData.load(csv, "kind"));
        assertEquals(csv + ": the column \"weight\" is empty on line 3 (the header is line 1); fill it in or remove"
                + " the row", emptyCell.getMessage());
    }
}
