package ex1;

import static dl.grading.Expect.expect;

import dl.grading.Hint;
import dl.grading.Points;
import org.junit.jupiter.api.Test;

/** What students can run themselves, with check("ex1") in the notebook. */
class PerceptronTest {

    /** The four inputs of a logic gate, (x1, x2) = (0, 0), (0, 1), (1, 0), (1, 1). */
    private static final double[][] GATE_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    @Test
    @Points(1)
    @Hint("f(x) = 0.5·1 + (−1)·2 + 2·3 + b: multiply each weight by its input, add them all, then add the bias once")
    void weightedSumByHand() {
        expect("f(x) for w = (0.5, −1, 2), x = (1, 2, 3), b = 0.5",
            Perceptron.weightedSum(new double[] {0.5, -1, 2}, new double[] {1, 2, 3}, 0.5)).closeTo(5, 1e-12);
    }

    @Test
    @Points(1)
    @Hint("with w = (1, 1) and b = −1.5, f(x) is positive only when both inputs are 1")
    void andGate() {
        expect("AND: the outputs for (0,0), (0,1), (1,0), (1,1)", gate(new double[] {1, 1}, -1.5))
            .closeTo(new double[] {0, 0, 0, 1}, 0);
    }

    @Test
    @Points(1)
    @Hint("with w = (1, 1) and b = −0.5, f(x) is positive as soon as one input is 1")
    void orGate() {
        expect("OR: the outputs for (0,0), (0,1), (1,0), (1,1)", gate(new double[] {1, 1}, -0.5))
            .closeTo(new double[] {0, 1, 1, 1}, 0);
    }

    @Test
    @Points(0.5)
    @Hint("the perceptron says 1 only when f(x) > 0: a sum of exactly 0 is not positive")
    void zeroIsNotPositive() {
        expect("the output for w = (1, 1), x = (0, 1), b = −1, where f(x) = 0",
            Perceptron.output(new double[] {1, 1}, new double[] {0, 1}, -1)).isEqualTo(0);
    }

    @Test
    @Points(1)
    @Hint("W[j][i] is the weight from input j to neuron i: neuron 0 has the weights W[0][0], W[1][0], W[2][0]")
    void layerOfTwoNeuronsOnThreeInputs() {
        double[][] W = {{1, -1}, {2, 0}, {-1, 3}};
        double[] a = {1, 1, 0.5};
        // neuron 0: 1 + 2 − 0.5 − 2 = 0.5 > 0; neuron 1: −1 + 0 + 1.5 − 1 = −0.5
        expect("the layer's outputs", Perceptron.layer(W, a, new double[] {-2, -1})).closeTo(new double[] {1, 0}, 0);
    }

    @Test
    @Points(1)
    @Hint("the hidden layer is OR and NAND of the inputs, the output layer ANDs them: check each layer on (0, 1)")
    void twoLayersComputeXor() {
        double[][] hiddenW = {{1, -1}, {1, -1}};   // neuron 0: OR, neuron 1: NAND
        double[] hiddenB = {-0.5, 1.5};
        double[][] outputW = {{1}, {1}};           // AND of the two
        double[] outputB = {-1.5};
        double[] xor = new double[4];
        for (int n = 0; n < 4; n++) {
            double[] h = Perceptron.layer(hiddenW, GATE_INPUTS[n], hiddenB);
            xor[n] = Perceptron.layer(outputW, h, outputB)[0];
        }
        expect("XOR: the outputs for (0,0), (0,1), (1,0), (1,1)", xor).closeTo(new double[] {0, 1, 1, 0}, 0);
    }

    private static double[] gate(double[] w, double b) {
        double[] outputs = new double[4];
        for (int n = 0; n < 4; n++) {
            outputs[n] = Perceptron.output(w, GATE_INPUTS[n], b);
        }
        return outputs;
    }
}
