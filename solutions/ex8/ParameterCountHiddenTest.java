package ex8;

import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.grading.Expect.expect;

import dl.grading.Hidden;
import dl.grading.Hint;
import dl.grading.Points;
import dl.zoo.Models;
import org.junit.jupiter.api.Test;

/** Kept with the solutions: judged against the reference solution, and against dl-core's own counts. */
@Hidden
class ParameterCountHiddenTest {

    @Test
    @Points(1)
    @Hint("without padding a 3x3 conv takes 2 off each side: 28 → 26, pool 13, 13 → 11, pool 5 (rounded down);"
        + " dense 32 sees 5·5·16 inputs")
    void kerasLayerByLayer() {
        expect("kerasLayers()", ParameterCountTest.numbers(ParameterCount.kerasLayers())).sameAsReference();
    }

    @Test
    @Points(1)
    @Hint("the Keras summary's total: 160 + 2,320 + 12,832 + 330")
    void kerasTotalMatchesTheLibrary() {
        expect("total(kerasLayers())", ParameterCount.total(ParameterCount.kerasLayers()))
            .isEqualTo(Models.kerasMnist().parameterCount());
    }

    @Test
    @Points(1)
    @Hint("k · k · C · F + F for any sizes, and N_in · N_out + N_out")
    void otherSizes() {
        expect("convParameters(5, 3, 7), (1, 16, 8), (7, 3, 96)", new double[] {
            ParameterCount.convParameters(5, 3, 7), ParameterCount.convParameters(1, 16, 8),
            ParameterCount.convParameters(7, 3, 96)}).sameAsReference();
        expect("denseParameters(784, 100), (1, 1), (4096, 1000)", new double[] {
            ParameterCount.denseParameters(784, 100), ParameterCount.denseParameters(1, 1),
            ParameterCount.denseParameters(4096, 1000)}).sameAsReference();
    }

    @Test
    @Points(1)
    @Hint("your counts must agree with the library's net(...).parameterCount() for the same layers")
    void countsMatchTheLibrary() {
        expect("convParameters(5, 3, 7)", ParameterCount.convParameters(5, 3, 7))
            .isEqualTo(net(input(3, 12, 12)).conv(5, 7).parameterCount());
        expect("denseParameters(300, 20)", ParameterCount.denseParameters(300, 20))
            .isEqualTo(net(input(300)).dense(20).parameterCount());
        expect("total(nn4Layers())", ParameterCount.total(ParameterCount.nn4Layers()))
            .isEqualTo(Models.nn4().parameterCount());
    }
}
