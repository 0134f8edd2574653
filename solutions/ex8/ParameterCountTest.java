package ex8;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex8") in the notebook. */
class ParameterCountTest {

    @Test
    @Points(1)
    @Hint("conv 1 of nn4: 3·3·1·64 weights (kernel cells · input channels · filters) + 64 biases (one per filter)")
    void nn4ConvOne() {
        expect("convParameters(3, 1, 64)", ParameterCount.convParameters(3, 1, 64)).isEqualTo(640);
    }

    @Test
    @Points(1)
    @Hint("fc 7 of nn4: N_in · N_out weights + N_out biases, with N_in = 6·6·16 = 576 and N_out = 2")
    void nn4FullyConnected() {
        expect("denseParameters(576, 2)", ParameterCount.denseParameters(576, 2)).isEqualTo(1154);
    }

    @Test
    @Points(1)
    @Hint("conv 3 sees the 64 maps of conv 1 (C = 64), conv 5 the 32 maps of conv 3; 48 → 24 → 12 → 6 after the"
        + " three pools, so fc 7 has 6·6·16 inputs")
    void nn4LayerByLayer() {
        expect("nn4Layers()", numbers(ParameterCount.nn4Layers())).closeTo(new double[] {640, 18464, 4624, 1154}, 0);
    }

    @Test
    @Points(1)
    @Hint("the slides' total: 640 + 18,464 + 4,624 + 1,154")
    void nn4Total() {
        expect("total(nn4Layers())", ParameterCount.total(ParameterCount.nn4Layers())).isEqualTo(24882);
    }

    /** The counts as the numbers {@code expect} takes. */
    static double[] numbers(long[] counts) {
        return Arrays.stream(counts).asDoubleStream().toArray();
    }
}
