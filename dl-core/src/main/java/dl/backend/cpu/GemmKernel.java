package dl.backend.cpu;

import static dl.backend.cpu.Gemm.MR;
import static dl.backend.cpu.Gemm.NR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel: one {@code 6 x (2 vectors)} tile of C, kept in twelve SIMD registers while it runs along k:
 * <pre>
 *   c = C[0 .. 5, 0 .. NR-1]  (or zeros when C is to be replaced)
 *   for p in 0 .. kc-1:
 *       b0, b1 = B[p, 0 .. NR-1]                      (two vector loads; B's rows are ldb apart)
 *       for r in 0 .. 5:  c[r] += A[r, p] * (b0, b1)   (a broadcast and two fused multiply-adds)
 *   C[0 .. 5, 0 .. NR-1] = c
 * </pre>
 * The twelve accumulators are written out by hand so that the JIT keeps each in a register.
 */
final class GemmKernel {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    private static final int V = S.length();

    private GemmKernel() {
    }

    static void tile(int kc, float[] a, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                     boolean load) {
        int c1 = cOff + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = load ? FloatVector.fromArray(S, c, cOff) : zero;
        FloatVector c01 = load ? FloatVector.fromArray(S, c, cOff + V) : zero;
        FloatVector c10 = load ? FloatVector.fromArray(S, c, c1) : zero;
        FloatVector c11 = load ? FloatVector.fromArray(S, c, c1 + V) : zero;
        FloatVector c20 = load ? FloatVector.fromArray(S, c, c2) : zero;
        FloatVector c21 = load ? FloatVector.fromArray(S, c, c2 + V) : zero;
        FloatVector c30 = load ? FloatVector.fromArray(S, c, c3) : zero;
        FloatVector c31 = load ? FloatVector.fromArray(S, c, c3 + V) : zero;
        FloatVector c40 = load ? FloatVector.fromArray(S, c, c4) : zero;
        FloatVector c41 = load ? FloatVector.fromArray(S, c, c4 + V) : zero;
        FloatVector c50 = load ? FloatVector.fromArray(S, c, c5) : zero;
        FloatVector c51 = load ? FloatVector.fromArray(S, c, c5 + V) : zero;
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += MR, bi += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
            FloatVector a0 = FloatVector.broadcast(S, a[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + V);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + V);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + V);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + V);
        c40.intoArray(c, c4);
        c41.intoArray(c, c4 + V);
        c50.intoArray(c, c5);
        c51.intoArray(c, c5 + V);
    }
}
