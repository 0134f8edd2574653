package dl.kernel;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Net;
import dl.tensor.Tensor;
import dl.train.ConfusionMatrix;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** What a cell ending in one of the library's values shows, through the kernel's registry of renderers. */
class RenderersTest {

    private static final String PNG_SIGNATURE = "iVBORw0KGgo";   // base64 of a PNG file's first bytes

    private static DisplayData shown(Object value) {
        Renderer renderer = new Renderer();
        Renderers.registerAll(renderer);
        return renderer.render(value);
    }

    @Test
    void aPredictionShowsItsProbabilitiesAsBarsWithTheTextBeside() {
        Net model = net(input(2)).dense(3).seed(1).classNames(List.of("cat", "dog", "bird"));
        var answer = model.predict(Tensor.of(new float[] {1, 2}, 2));

        DisplayData data = shown(answer);
        assertTrue(data.getData(MIMEType.IMAGE_PNG).toString().startsWith(PNG_SIGNATURE), "a bar chart");
        assertEquals(answer.toString(), data.getData(MIMEType.TEXT_PLAIN));
        assertTrue(answer.toString().startsWith(answer.className() + " ("), answer.toString());
    }

    @Test
    void aBatchsPredictionShowsAsTextOneLinePerExample() {
        Net model = net(input(2)).dense(3).seed(1);
        DisplayData data = shown(model.predict(Tensor.zeros(4, 2)));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
        assertTrue(data.getData(MIMEType.TEXT_PLAIN).toString().startsWith("4 predictions:"), data.toString());
    }

    @Test
    void aConfusionMatrixShowsAsAHeatMapWithTheTableBeside() {
        var matrix = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2);
        DisplayData data = shown(matrix);
        assertTrue(data.getData(MIMEType.IMAGE_PNG).toString().startsWith(PNG_SIGNATURE), "the heat map");
        assertEquals(matrix.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }
}
