package dl.backend.cpu;

import static dl.backend.cpu.Gemm.MR;
import static dl.backend.cpu.Gemm.NR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of A and B into the order the micro-kernel reads them. A block of A becomes micro-panels of
 * {@code MR} rows stored column by column ({@code MR} values of one column of A, then the next column); a block
 * of B becomes micro-panels of {@code NR} columns stored row by row. Rows or columns past the matrix are zeros.
 */
final class GemmPacking {

    /** Eight numbers, the height of an AVX-512 register tile: a column of a panel of A, copied in one vector. */
    private static final VectorSpecies<Float> COLUMN = FloatVector.SPECIES_256;
    /** The machine's vector length: half a row of a panel of B. */
    private static final int V = Gemm.SPECIES.length();

    private GemmPacking() {
    }

    /** Packs {@code op(A)[ic .. ic+mc, pc .. pc+kc]}. */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] packed) {
        boolean columnVectors = !Gemm.ONE_WIDTH || Gemm.SPECIES.length() == COLUMN.length();
        packA(transA, a, aOff, lda, ic, mc, pc, kc, packed, columnVectors);
    }

    /**
     * The same, copying a transposed A's columns in vectors of {@link #COLUMN} when {@code columnVectors} and the
     * panel has its height. With AVX-512 these are narrower vectors than the machine's, which only JDK 25 and newer
     * take ({@link Gemm#ONE_WIDTH}). With AVX2's 5-row tiles a vector holds 3 numbers more than a column: they land
     * where the next column goes, and the next copy writes over them; the last column is copied number by number.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] packed,
                      boolean columnVectors) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir), panel = ir * kc;
            if (rows < MR) {
                java.util.Arrays.fill(packed, panel, panel + MR * kc, 0f);
            }
            if (transA) {   // column p of op(A) is row p of A: MR neighbours to copy
                int first = aOff + pc * lda + ic + ir, p = 0;
                if (columnVectors && rows == MR) {
                    int vectors = MR == COLUMN.length() ? kc : kc - 1;
                    while (vectors > 0 && first + (vectors - 1) * lda + COLUMN.length() > a.length) {
                        vectors--;   // a vector would read past the end of A
                    }
                    for (; p < vectors; p++) {
                        FloatVector.fromArray(COLUMN, a, first + p * lda).intoArray(packed, panel + p * MR);
                    }
                }
                for (; p < kc; p++) {
                    System.arraycopy(a, first + p * lda, packed, panel + p * MR, rows);
                }
            } else {        // read each row of A in order, write it every MR places
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
