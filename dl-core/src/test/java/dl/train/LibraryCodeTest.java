package dl.train;

import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Layer;
import dl.nn.Module;
import dl.nn.Net;
import dl.nn.loss.Loss;
import dl.nn.loss.Losses;
import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fit reuses a step's memory only when every step runs dl-core's code alone, not a student's layer, loss or model. */
class LibraryCodeTest {

    /** A layer of the student's: it may keep what it sees. */
    private static final class Identity extends Layer {

        @Override
        public String kind() {
            return "identity";
        }

        @Override
        protected int[] outputShapeFor(int[] input) {
            return input;
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    private static Net lenetLike() {
        return net(input(1, 28, 28)).conv(5, 6).pad(2).relu().pool(2).batchNorm().flatten().dropout(0.5).dense(10);
    }

    @Test
    void theCoursesModelsLossesAndOptimizersAreDlCoresOwn() {
        assertTrue(LibraryCode.only(lenetLike(), epochs(1)));
        assertTrue(LibraryCode.only(net(input(2)).residual(b -> b.dense(2).relu()).dense(2), epochs(1)));
        assertTrue(LibraryCode.only(lenetLike(), Losses.crossEntropy()), "evaluate reuses a batch's memory");
    }

    @Test
    void aStudentsLayerLossOrModelTurnsReuseOff() {
        assertFalse(LibraryCode.only(lenetLike().add(new Identity()), epochs(1)));
        assertFalse(LibraryCode.only(net(input(2)).residual(b -> b.dense(2).add(new Identity())).dense(2), epochs(1)));
        Loss mine = new Loss() {
            @Override
            public Tensor apply(Tensor output, Tensor target) {
                return Losses.mse().apply(output, target);
            }

            @Override
            public String name() {
                return "mine";
            }
        };
        assertFalse(LibraryCode.only(lenetLike(), epochs(1).loss(mine)));
        assertFalse(LibraryCode.only(lenetLike(), mine));
        assertFalse(LibraryCode.only(lenetLike().add(new Identity()), Losses.crossEntropy()));
        Module module = new Module() {
            @Override
            public Tensor forward(Tensor x) {
                return x;
            }

            @Override
            public List<Tensor> parameters() {
                return List.of();
            }
        };
        assertFalse(LibraryCode.only(module, epochs(1)));
    }
}
