package dl.backend.reference;

import dl.backend.BinaryOp;
import dl.backend.UnaryOp;

/** The element-wise op codes on one number or a pair, in double, as their comments in the enums define them. */
final class Scalars {

    private Scalars() {
    }

    /** {@code f(x, alpha)} of {@link UnaryOp}. */
    static double map(UnaryOp op, double x, double alpha) {
        return switch (op) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case ABS -> Math.abs(x);
            case SIGN -> Math.signum(x);
            case RELU -> x > 0 ? x : 0;
            case LEAKY_RELU -> x > 0 ? x : alpha * x;
            case LEAKY_STEP -> x > 0 ? 1 : alpha;
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            case ADD_SCALAR -> x + alpha;
            case MUL_SCALAR -> alpha * x;
            case POW_SCALAR -> Math.pow(x, alpha);
            case MAX_SCALAR -> Math.max(x, alpha);
            case MIN_SCALAR -> Math.min(x, alpha);
        };
    }

    /** {@code f(a, b)} of {@link BinaryOp}. */
    static double zip(BinaryOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case GT -> a > b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case WHERE_POSITIVE -> b > 0 ? a : 0;
        };
    }
}
