package dl.backend;

/** Element-wise combinations {@code out[i] = f(a[i], b[i])}, with broadcasting. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV,
    GT,           // 1 if a > b else 0
    LT,           // 1 if a < b else 0
    EQ,           // 1 if a == b else 0
    WHERE_POSITIVE, // a if b > 0 else 0: relu's backward in one pass, g where x > 0
}
