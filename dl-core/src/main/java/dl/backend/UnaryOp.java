package dl.backend;

/** Element-wise maps {@code out[i] = f(x[i], alpha)}. {@code alpha} is the scalar some maps take. */
public enum UnaryOp {
    EXP,          // e^x
    LOG,          // ln x
    ABS,          // |x|
    SIGN,         // -1, 0 or 1
    RELU,         // max(x, 0)
    LEAKY_RELU,   // x if x > 0 else alpha * x
    LEAKY_STEP,   // 1 if x > 0 else alpha: the derivative of leaky relu
    SIGMOID,      // 1 / (1 + e^-x)
    TANH,         // tanh x
    ADD_SCALAR,   // x + alpha
    MUL_SCALAR,   // alpha * x
    POW_SCALAR,   // x^alpha
    MAX_SCALAR,   // max(x, alpha)
    MIN_SCALAR,   // min(x, alpha)
}
