package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseStandInTest {

    @Test
    void sandalsAndSneakersBecomeTheCoursesShapes() {
        float[] pixels = new float[4 * 784];
        java.util.Arrays.fill(pixels, 784, 2 * 784, 1f);      // the sandal is white
        Dataset fashion = Dataset.of(pixels, new int[] {1, 28, 28}, new int[] {0, 5, 7, 5}, 10);
        Dataset course = CourseStandIn.from(fashion, 2);
        assertEquals(2, course.size(), "the first two shoes; the T-shirt is left out");
        assertArrayEquals(new int[] {2304}, course.inputShape());
        assertArrayEquals(new float[] {1, 0, 0, 1}, course.targets(), "Sandal [1, 0], Sneaker [0, 1]");
        assertEquals(255f, course.inputs()[0], "pixel values 0..255 as in the course's files");
        assertEquals(0f, course.inputs()[2304]);
        assertEquals(List.of("Sandal", "Sneaker"), course.classNames());
    }

    @Test
    void theStandInFromTheDebianPackage() {
        NeedsTool.fashionMnist();
        Dataset train = CourseData.standIn(1000);
        assertEquals(1000, train.size());
        assertEquals(2, train.classes());
        int sneakers = java.util.Arrays.stream(train.labels()).sum();
        assertEquals(500, sneakers, 60, "about as many sandals as sneakers");
        assertEquals(300, CourseData.standInTest(300).size());
    }
}
