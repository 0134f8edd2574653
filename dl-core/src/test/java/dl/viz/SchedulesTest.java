package dl.viz;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.attack.Attacks;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class SchedulesTest {

    @Test
    void schedulesFollowTheirFormulas() {
        XYChart chart = Schedules.learningRates(100);
        double[] inverse = chart.getSeriesMap().get("1/t decay: eta / (1 + 0.05 t)").getYData();
        assertEquals(0.1 / (1 + 0.05 * 20), inverse[20], 1e-7);
        double[] step = chart.getSeriesMap().get("step decay: eta 0.5^floor(t / 25)").getYData();
        assertEquals(0.025, step[60], 1e-7);
    }

    @Test
    void aLowTemperatureSharpensSoftmax() {
        XYChart chart = Schedules.softmaxTemperature(new float[] {1, 2, 3}, 0.5, 1, 5);
        double sharp = chart.getSeriesMap().get("T = 0.5").getYData()[2];
        double flat = chart.getSeriesMap().get("T = 5.0").getYData()[2];
        assertTrue(sharp > 0.8 && flat < 0.45, sharp + " and " + flat);
    }

    @Test
    void theAdversarialTriptychShowsThreeImages() {
        Net model = net(input(1, 4, 4)).flatten().dense(2).seed(0);
        Tensor images = Tensor.rand(new Random(1), 2, 1, 4, 4);
        Attacks.Result result = Attacks.fgsm(model, images, new int[] {0, 1}, 0.1f);
        BufferedImage picture = Images.adversarial(result, images, 0, List.of("zero", "one"));
        BufferedImage one = Images.of(images.toFloatArray(), 0, 1, 4, 4, 24);
        assertTrue(picture.getWidth() > 3 * one.getWidth(), "three tiles side by side");
    }
}
