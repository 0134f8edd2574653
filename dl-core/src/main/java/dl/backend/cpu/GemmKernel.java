package dl.backend.cpu;

import static dl.backend.cpu.Gemm.MR;
import static dl.backend.cpu.Gemm.NR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel: one tile of {@code MR} rows by {@code NR = 2} vectors of C, kept in SIMD registers while it
 * runs along k:
 * <pre>
 *   acc = 0                                             (MR x 2 vector registers)
 *   for p in 0 .. kc-1:
 *       b0, b1 = B[p, 0 .. NR-1]                        (two vector loads)
 *       for r in 0 .. MR-1:  acc[r] += A[r, p] * (b0, b1)   (a broadcast and two fused multiply-adds)
 *   out[0 .. MR-1, 0 .. NR-1] = acc  (or += acc)     (into C, the running sums, or a scratch tile)
 * </pre>
 * A is packed ({@code MR} numbers per step of p); row p of B starts at {@code bOff + bRows[p]}: {@code p * ldb} for
 * a matrix read in place, and for a convolution the padded image shifted to where the filter's tap p reads it (see
 * {@link ShiftedConvolution}). A packed panel of B has its own loop ({@link #packedTile}): its rows lie {@code NR}
 * apart, and with indices that grow by a constant the JIT checks them against the array once, before the loop,
 * instead of twice a step, which makes the loop faster. The two loops differ in that one line; one loop that chose
 * the index at each step made the convolutions slower.
 *
 * <p>With AVX-512's 32 registers a tile has 8 rows (16 accumulators, two rows of B and a broadcast: 19 of the 32):
 * its 16 multiply-adds a step keep both FMA units busy, and one tile size for every product keeps the loops the JIT
 * compiles few. AVX2 has 16 registers, so its tile has 4 rows: where the JIT knows B's indices, it loads all the
 * broadcasts of a step before its multiply-adds, and 8 accumulators, two rows of B and 4 broadcasts fit in 14 (with
 * 5 rows, 17 did not, and two sums went to memory at every step). The accumulators are written out one by one so
 * that the JIT keeps each in a register: an array of vectors would live in memory. Nor is a vector passed to a
 * helper method: where the JIT does not inline the call, each vector becomes an object on the heap. The loop starts
 * from zero rather than from C, so that it never waits for C to arrive from memory; C is read, if at all, once the
 * sums are made: a tile that adds to {@code out} reads it after the loop ({@code add}, and always in
 * {@link #tileFromRows}), and a tile cut at C's edges goes through a scratch tile and {@link #write}.
 */
final class GemmKernel {

    private static final VectorSpecies<Float> S = Gemm.SPECIES;
    private static final int V = S.length();

    private GemmKernel() {
    }

    /**
     * {@code out[MR, NR] = A[MR, kc] B[kc, NR]}, or {@code out += A B} when {@code add}, with rows {@code ldo}
     * apart from {@code outOff}: C itself, a buffer of sums, or a scratch tile that {@link #write} cuts to C's edges.
     */
    static void tile(int kc, float[] a, int aOff, float[] b, int bOff, int[] bRows, float[] out, int outOff,
                     int ldo, boolean add) {
        if (MR == 8) {
            tile8(kc, a, aOff, b, bOff, bRows, out, outOff, ldo, add);
        } else {
            tile4(kc, a, aOff, b, bOff, bRows, out, outOff, ldo, add);
        }
    }

    /** {@link #tile} for a packed panel of B: its rows lie {@code NR} apart. */
    static void packedTile(int kc, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int ldo,
                           boolean add) {
        if (MR == 8) {
            packedTile8(kc, a, aOff, b, bOff, out, outOff, ldo, add);
        } else {
            packedTile4(kc, a, aOff, b, bOff, out, outOff, ldo, add);
        }
    }

    /** The 8-row tile, for machines with 32 vector registers. */
    private static void tile8(int kc, float[] a, int aOff, float[] b, int bOff, int[] bRows, float[] out,
                              int outOff, int ldo, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * MR, bi = bOff + bRows[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + V), x;
            x = FloatVector.broadcast(S, a[ai]);     c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + 1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + 2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + 3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ai + 4]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ai + 5]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ai + 6]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ai + 7]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, out, outOff));
            c01 = c01.add(FloatVector.fromArray(S, out, outOff + V));
            c10 = c10.add(FloatVector.fromArray(S, out, outOff + ldo));
            c11 = c11.add(FloatVector.fromArray(S, out, outOff + ldo + V));
            c20 = c20.add(FloatVector.fromArray(S, out, outOff + 2 * ldo));
            c21 = c21.add(FloatVector.fromArray(S, out, outOff + 2 * ldo + V));
            c30 = c30.add(FloatVector.fromArray(S, out, outOff + 3 * ldo));
            c31 = c31.add(FloatVector.fromArray(S, out, outOff + 3 * ldo + V));
            c40 = c40.add(FloatVector.fromArray(S, out, outOff + 4 * ldo));
            c41 = c41.add(FloatVector.fromArray(S, out, outOff + 4 * ldo + V));
            c50 = c50.add(FloatVector.fromArray(S, out, outOff + 5 * ldo));
            c51 = c51.add(FloatVector.fromArray(S, out, outOff + 5 * ldo + V));
            c60 = c60.add(FloatVector.fromArray(S, out, outOff + 6 * ldo));
            c61 = c61.add(FloatVector.fromArray(S, out, outOff + 6 * ldo + V));
            c70 = c70.add(FloatVector.fromArray(S, out, outOff + 7 * ldo));
            c71 = c71.add(FloatVector.fromArray(S, out, outOff + 7 * ldo + V));
        }
        c00.intoArray(out, outOff);
        c01.intoArray(out, outOff + V);
        c10.intoArray(out, outOff + ldo);
        c11.intoArray(out, outOff + ldo + V);
        c20.intoArray(out, outOff + 2 * ldo);
        c21.intoArray(out, outOff + 2 * ldo + V);
        c30.intoArray(out, outOff + 3 * ldo);
        c31.intoArray(out, outOff + 3 * ldo + V);
        c40.intoArray(out, outOff + 4 * ldo);
        c41.intoArray(out, outOff + 4 * ldo + V);
        c50.intoArray(out, outOff + 5 * ldo);
        c51.intoArray(out, outOff + 5 * ldo + V);
        c60.intoArray(out, outOff + 6 * ldo);
        c61.intoArray(out, outOff + 6 * ldo + V);
        c70.intoArray(out, outOff + 7 * ldo);
        c71.intoArray(out, outOff + 7 * ldo + V);
    }

    /** The 8-row tile of a packed panel of B. */
    private static void packedTile8(int kc, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff,
                                    int ldo, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * MR, bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + V), x;
            x = FloatVector.broadcast(S, a[ai]);     c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + 1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + 2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + 3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ai + 4]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ai + 5]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ai + 6]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ai + 7]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, out, outOff));
            c01 = c01.add(FloatVector.fromArray(S, out, outOff + V));
            c10 = c10.add(FloatVector.fromArray(S, out, outOff + ldo));
            c11 = c11.add(FloatVector.fromArray(S, out, outOff + ldo + V));
            c20 = c20.add(FloatVector.fromArray(S, out, outOff + 2 * ldo));
            c21 = c21.add(FloatVector.fromArray(S, out, outOff + 2 * ldo + V));
            c30 = c30.add(FloatVector.fromArray(S, out, outOff + 3 * ldo));
            c31 = c31.add(FloatVector.fromArray(S, out, outOff + 3 * ldo + V));
            c40 = c40.add(FloatVector.fromArray(S, out, outOff + 4 * ldo));
            c41 = c41.add(FloatVector.fromArray(S, out, outOff + 4 * ldo + V));
            c50 = c50.add(FloatVector.fromArray(S, out, outOff + 5 * ldo));
            c51 = c51.add(FloatVector.fromArray(S, out, outOff + 5 * ldo + V));
            c60 = c60.add(FloatVector.fromArray(S, out, outOff + 6 * ldo));
            c61 = c61.add(FloatVector.fromArray(S, out, outOff + 6 * ldo + V));
            c70 = c70.add(FloatVector.fromArray(S, out, outOff + 7 * ldo));
            c71 = c71.add(FloatVector.fromArray(S, out, outOff + 7 * ldo + V));
        }
        c00.intoArray(out, outOff);
        c01.intoArray(out, outOff + V);
        c10.intoArray(out, outOff + ldo);
        c11.intoArray(out, outOff + ldo + V);
        c20.intoArray(out, outOff + 2 * ldo);
        c21.intoArray(out, outOff + 2 * ldo + V);
        c30.intoArray(out, outOff + 3 * ldo);
        c31.intoArray(out, outOff + 3 * ldo + V);
        c40.intoArray(out, outOff + 4 * ldo);
        c41.intoArray(out, outOff + 4 * ldo + V);
        c50.intoArray(out, outOff + 5 * ldo);
        c51.intoArray(out, outOff + 5 * ldo + V);
        c60.intoArray(out, outOff + 6 * ldo);
        c61.intoArray(out, outOff + 6 * ldo + V);
        c70.intoArray(out, outOff + 7 * ldo);
        c71.intoArray(out, outOff + 7 * ldo + V);
    }

    /** The 4-row tile, for machines with 16 vector registers (AVX2). */
    private static void tile4(int kc, float[] a, int aOff, float[] b, int bOff, int[] bRows, float[] out,
                              int outOff, int ldo, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * MR, bi = bOff + bRows[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + V), x;
            x = FloatVector.broadcast(S, a[ai]);     c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + 1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + 2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + 3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, out, outOff));
            c01 = c01.add(FloatVector.fromArray(S, out, outOff + V));
            c10 = c10.add(FloatVector.fromArray(S, out, outOff + ldo));
            c11 = c11.add(FloatVector.fromArray(S, out, outOff + ldo + V));
            c20 = c20.add(FloatVector.fromArray(S, out, outOff + 2 * ldo));
            c21 = c21.add(FloatVector.fromArray(S, out, outOff + 2 * ldo + V));
            c30 = c30.add(FloatVector.fromArray(S, out, outOff + 3 * ldo));
            c31 = c31.add(FloatVector.fromArray(S, out, outOff + 3 * ldo + V));
        }
        c00.intoArray(out, outOff);
        c01.intoArray(out, outOff + V);
        c10.intoArray(out, outOff + ldo);
        c11.intoArray(out, outOff + ldo + V);
        c20.intoArray(out, outOff + 2 * ldo);
        c21.intoArray(out, outOff + 2 * ldo + V);
        c30.intoArray(out, outOff + 3 * ldo);
        c31.intoArray(out, outOff + 3 * ldo + V);
    }

    /** The 4-row tile of a packed panel of B. */
    private static void packedTile4(int kc, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff,
                                    int ldo, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * MR, bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + V), x;
            x = FloatVector.broadcast(S, a[ai]);     c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + 1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + 2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + 3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, out, outOff));
            c01 = c01.add(FloatVector.fromArray(S, out, outOff + V));
            c10 = c10.add(FloatVector.fromArray(S, out, outOff + ldo));
            c11 = c11.add(FloatVector.fromArray(S, out, outOff + ldo + V));
            c20 = c20.add(FloatVector.fromArray(S, out, outOff + 2 * ldo));
            c21 = c21.add(FloatVector.fromArray(S, out, outOff + 2 * ldo + V));
            c30 = c30.add(FloatVector.fromArray(S, out, outOff + 3 * ldo));
            c31 = c31.add(FloatVector.fromArray(S, out, outOff + 3 * ldo + V));
        }
        c00.intoArray(out, outOff);
        c01.intoArray(out, outOff + V);
        c10.intoArray(out, outOff + ldo);
        c11.intoArray(out, outOff + ldo + V);
        c20.intoArray(out, outOff + 2 * ldo);
        c21.intoArray(out, outOff + 2 * ldo + V);
        c30.intoArray(out, outOff + 3 * ldo);
        c31.intoArray(out, outOff + 3 * ldo + V);
    }

    /**
     * {@code C[MR, NR] += A B} for an A that is not packed but read where it lies: row {@code r} of the tile is
     * {@code a[aOff + aRows[r0 + r] ...]}, {@code kc} numbers long; B has its rows {@code ldb} apart, C its rows
     * {@code ldc} apart from {@code cOff}. A convolution's weight gradient reads the padded image this way and sums
     * image after image into C (see {@link ShiftedConvolution}); {@code aRows} has an entry for every row of the
     * tile, and C a row for it.
     */
    static void tileFromRows(int kc, float[] a, int aOff, int[] aRows, int r0, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        if (MR == 8) {
            tileFromRows8(kc, a, aOff, aRows, r0, b, bOff, ldb, c, cOff, ldc);
        } else {
            tileFromRows4(kc, a, aOff, aRows, r0, b, bOff, ldb, c, cOff, ldc);
        }
    }

    private static void tileFromRows8(int kc, float[] a, int aOff, int[] aRows, int r0, float[] b, int bOff,
                                      int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + aRows[r0];
        int a1 = aOff + aRows[r0 + 1];
        int a2 = aOff + aRows[r0 + 2];
        int a3 = aOff + aRows[r0 + 3];
        int a4 = aOff + aRows[r0 + 4];
        int a5 = aOff + aRows[r0 + 5];
        int a6 = aOff + aRows[r0 + 6];
        int a7 = aOff + aRows[r0 + 7];
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + V), x;
            x = FloatVector.broadcast(S, a[a0 + p]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + p]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + p]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[a6 + p]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[a7 + p]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        c00.add(FloatVector.fromArray(S, c, cOff)).intoArray(c, cOff);
        c01.add(FloatVector.fromArray(S, c, cOff + V)).intoArray(c, cOff + V);
        c10.add(FloatVector.fromArray(S, c, cOff + ldc)).intoArray(c, cOff + ldc);
        c11.add(FloatVector.fromArray(S, c, cOff + ldc + V)).intoArray(c, cOff + ldc + V);
        c20.add(FloatVector.fromArray(S, c, cOff + 2 * ldc)).intoArray(c, cOff + 2 * ldc);
        c21.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + V)).intoArray(c, cOff + 2 * ldc + V);
        c30.add(FloatVector.fromArray(S, c, cOff + 3 * ldc)).intoArray(c, cOff + 3 * ldc);
        c31.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + V)).intoArray(c, cOff + 3 * ldc + V);
        c40.add(FloatVector.fromArray(S, c, cOff + 4 * ldc)).intoArray(c, cOff + 4 * ldc);
        c41.add(FloatVector.fromArray(S, c, cOff + 4 * ldc + V)).intoArray(c, cOff + 4 * ldc + V);
        c50.add(FloatVector.fromArray(S, c, cOff + 5 * ldc)).intoArray(c, cOff + 5 * ldc);
        c51.add(FloatVector.fromArray(S, c, cOff + 5 * ldc + V)).intoArray(c, cOff + 5 * ldc + V);
        c60.add(FloatVector.fromArray(S, c, cOff + 6 * ldc)).intoArray(c, cOff + 6 * ldc);
        c61.add(FloatVector.fromArray(S, c, cOff + 6 * ldc + V)).intoArray(c, cOff + 6 * ldc + V);
        c70.add(FloatVector.fromArray(S, c, cOff + 7 * ldc)).intoArray(c, cOff + 7 * ldc);
        c71.add(FloatVector.fromArray(S, c, cOff + 7 * ldc + V)).intoArray(c, cOff + 7 * ldc + V);
    }

    private static void tileFromRows4(int kc, float[] a, int aOff, int[] aRows, int r0, float[] b, int bOff,
                                      int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + aRows[r0];
        int a1 = aOff + aRows[r0 + 1];
        int a2 = aOff + aRows[r0 + 2];
        int a3 = aOff + aRows[r0 + 3];
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + V), x;
            x = FloatVector.broadcast(S, a[a0 + p]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
        }
        c00.add(FloatVector.fromArray(S, c, cOff)).intoArray(c, cOff);
        c01.add(FloatVector.fromArray(S, c, cOff + V)).intoArray(c, cOff + V);
        c10.add(FloatVector.fromArray(S, c, cOff + ldc)).intoArray(c, cOff + ldc);
        c11.add(FloatVector.fromArray(S, c, cOff + ldc + V)).intoArray(c, cOff + ldc + V);
        c20.add(FloatVector.fromArray(S, c, cOff + 2 * ldc)).intoArray(c, cOff + 2 * ldc);
        c21.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + V)).intoArray(c, cOff + 2 * ldc + V);
        c30.add(FloatVector.fromArray(S, c, cOff + 3 * ldc)).intoArray(c, cOff + 3 * ldc);
        c31.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + V)).intoArray(c, cOff + 3 * ldc + V);
    }

    /**
     * Writes the first {@code rows x cols} numbers of a tile ({@code NR} numbers per row, from {@code tileOff}) into
     * C at {@code cOff}: added to C when {@code add}, else replacing it.
     */
    static void write(float[] tile, int tileOff, int rows, int cols, float[] c, int cOff, int ldc, boolean add) {
        for (int r = 0; r < rows; r++) {
            int at = cOff + r * ldc, from = tileOff + r * NR, j = 0;
            for (; cols == NR && j < NR; j += V) {
                FloatVector sum = FloatVector.fromArray(S, tile, from + j);
                if (add) {
                    sum = sum.add(FloatVector.fromArray(S, c, at + j));
                }
                sum.intoArray(c, at + j);
            }
            for (; j < cols; j++) {
                c[at + j] = add ? c[at + j] + tile[from + j] : tile[from + j];
            }
        }
    }
}
