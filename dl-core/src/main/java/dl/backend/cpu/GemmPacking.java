package dl.backend.cpu;

import static dl.backend.cpu.Gemm.MR;
import static dl.backend.cpu.Gemm.NR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Copies blocks of A and B into the order the micro-kernel reads them. A block of A becomes micro-panels of
 * {@code MR} rows stored column by column ({@code MR} values of one column of A, then the next column); a block
 * of B becomes micro-panels of {@code NR} columns stored row by row. Rows or columns past the matrix are zeros.
 */
final class GemmPacking {

    /** The machine's vector length: half a row of a panel of B. */
    private static final int V = Gemm.SPECIES.length();

    private GemmPacking() {
    }

    /**
     * Packs {@code op(A)[ic .. ic+mc, pc .. pc+kc]}. A transposed A's columns are copied a vector each, of the
     * machine's width as every vector of the GEMM (in some runs the JIT compiled copies in narrower vectors as slow
     * calls). Only the column's rows are read; the lanes past them are zeros, written where a last panel's missing
     * rows go, and nothing is written past the panel's {@code MR}.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] packed) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir), panel = ir * kc;
            if (transA) {   // column p of op(A) is row p of A: MR neighbours to copy
                VectorMask<Float> inA = Gemm.SPECIES.indexInRange(0, rows), inPanel = Gemm.SPECIES.indexInRange(0, MR);
                for (int p = 0, from = aOff + pc * lda + ic + ir; p < kc; p++, from += lda) {
                    FloatVector.fromArray(Gemm.SPECIES, a, from, inA).intoArray(packed, panel + p * MR, inPanel);
                }
            } else {        // read each row of A in order, write it every MR places
                if (rows < MR) {
                    java.util.Arrays.fill(packed, panel, panel + MR * kc, 0f);
                }
                for (int r = 0; r < rows; r++) {
                    int row = aOff + (ic + ir + r) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[panel + p * MR + r] = a[row + p];
                    }
                }
            }
        }
    }

    /** Packs {@code op(B)[pc .. pc+kc, jc .. jc+nc]}. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] packed) {
        for (int jr = 0, out = 0; jr < nc; jr += NR, out += kc * NR) {
            int cols = Math.min(NR, nc - jr);
            if (cols < NR) {
                java.util.Arrays.fill(packed, out, out + kc * NR, 0f);
            }
            if (transB) {   // column j of op(B) is row j of B: read it in order, write it every NR places
                for (int j = 0; j < cols; j++) {
                    int row = bOff + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[out + p * NR + j] = b[row + p];
                    }
                }
            } else if (cols == NR) {   // a run of NR numbers of a row of B at a time: two vectors
                for (int p = 0, from = bOff + pc * ldb + jc + jr; p < kc; p++, from += ldb) {
                    FloatVector.fromArray(Gemm.SPECIES, b, from).intoArray(packed, out + p * NR);
                    FloatVector.fromArray(Gemm.SPECIES, b, from + V).intoArray(packed, out + p * NR + V);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + jr, packed, out + p * NR, cols);
                }
            }
        }
    }

    /** Copies {@code kc} rows of {@code cols < NR} numbers into rows of {@code NR}, zeros after them. */
    static void copyEdge(float[] b, int start, int ldb, int kc, int cols, float[] out, int outStart) {
        for (int p = 0; p < kc; p++) {
            System.arraycopy(b, start + p * ldb, out, outStart + p * NR, cols);
            java.util.Arrays.fill(out, outStart + p * NR + cols, outStart + (p + 1) * NR, 0f);
        }
    }

    /**
     * {@code C = op(A) op(B)} (plus the old C when {@code accumulate}) with plain loops, for products too small
     * to be worth packing.
     */
    static void naive(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                for (int j = 0; j < n; j++) {
                    c[row + j] += aip * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                }
            }
        }
    }
}
