package dl.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix multiply, row-major: {@code C[m, n] = op(A)[m, k] * op(B)[k, n]} (plus the old C when
 * {@code accumulate}). {@code op(A)} is A, or A transposed when {@code transA} (then A is stored {@code [k, m]}).
 * {@code lda}, {@code ldb}, {@code ldc} are the row lengths of the stored matrices.
 *
 * <p>How it is fast (the structure of GotoBLAS and BLIS): C is computed in tiles of {@link #MR} rows by
 * {@link #NR} columns, each held in SIMD registers while a {@link GemmKernel micro-kernel} runs along k with one
 * fused multiply-add per register and step. To feed it from cache, blocks of A ({@link #MC} x {@link #KC}) and
 * of B ({@link #KC} x {@link #NC}) are first copied ("packed") into the exact order the kernel reads them, with
 * zeros past the edges:
 * <pre>
 *   for each block of NC columns (jc):
 *       for each block of KC steps of k (pc):          pack B[pc.., jc..]    (KC x NC, shared by all rows)
 *           for each block of MC rows (ic):            pack A[ic.., pc..]    (MC x KC, stays in L2)
 *               for each NR columns (jr), each MR rows (ir):   C tile += A panel * B panel   (the kernel)
 * </pre>
 * With more than one block of k, the tiles' sums wait in a buffer of whole tiles and C is written once, at the end of
 * its block of columns.
 * The cores share the work by columns (or rows) of C. The vector width is the machine's: 16 floats with
 * AVX-512, 8 with AVX2.
 *
 * <p>Usage, {@code C[2, 2] = A[2, 3] B[3, 2]} stored densely:
 * {@code Gemm.sgemm(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2, false)}.
 */
public final class Gemm {

    /**
     * The machine's vectors: every vector the kernels make has this width. The JIT compiles the Vector API's methods
     * (a store's, say) from what they ran on so far, for all their callers together: once they have run on vectors of
     * two widths, it may compile a kernel for the other width, and then every vector of that kernel goes through the
     * heap for the rest of the training, which then runs at a fraction of its speed.
     */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Rows of a register tile: 8 with AVX-512's 32 registers, 4 with AVX2's 16 (see {@link GemmKernel}). */
    static final int MR = SPECIES.length() >= 16 ? 8 : 4;
    /** Columns of a register tile: two vectors. */
    static final int NR = 2 * SPECIES.length();
    /**
     * Depth of a packed block: 256 with AVX-512, 512 with AVX2, so that a micro-panel of B ({@code KC x NR}) fills
     * 32 KiB and stays in L1 while the kernel runs it against every panel of A. Deeper products sum their blocks in
     * a buffer.
     */
    static final int KC = 8192 / NR;
    /** Rows of a packed block of A ({@code MC x KC}: 128 KiB), kept in L2. */
    static final int MC = 16 * MR;
    /**
     * Columns of a packed block of B ({@code KC x NC}: 2 MiB with AVX-512, 4 MiB with AVX2), read from L2 and L3.
     * The same with AVX2 as with AVX-512: every block of columns packs all of A once more.
     */
    static final int NC = 2048;

    /** Below this many multiply-adds a plain loop beats packing. */
    private static final long SMALL = 16 * 16 * 16;

    /** Each thread's buffers (packed A, packed B, a tile and an edge, the running sums), grown when needed. */
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[4][0]);

    private Gemm() {
    }

    /** The product on every core. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, boolean accumulate) {
        // Below 1M multiply-adds (tens of microseconds) a product stays on this core: handing half of it to another
        // costs about as much.
        int threads = (long) m * n * k < 1L << 20 ? 1 : Parallel.CORES;
        if (threads == 1) {
            sgemmSingleThread(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        } else if (n >= m) {   // split the columns of C into one stripe per core, in whole tiles
            int tiles = (n + NR - 1) / NR;
            Parallel.forEach(threads, t -> {
                int from = tiles * t / threads * NR, to = Math.min(n, tiles * (t + 1) / threads * NR);
                if (from < to) {
                    sgemmSingleThread(transA, transB, m, to - from, k, a, aOff, lda,
                            b, bOff + (transB ? from * ldb : from), ldb, c, cOff + from, ldc, accumulate);
                }
            });
        } else {               // split the rows of C
            int tiles = (m + MR - 1) / MR;
            Parallel.forEach(threads, t -> {
                int from = tiles * t / threads * MR, to = Math.min(m, tiles * (t + 1) / threads * MR);
                if (from < to) {
                    sgemmSingleThread(transA, transB, to - from, n, k, a, aOff + (transA ? from : from * lda), lda,
                            b, bOff, ldb, c, cOff + from * ldc, ldc, accumulate);
                }
            });
        }
    }

    /** The product on the calling thread alone, for callers that already spread their work over the cores. */
    public static void sgemmSingleThread(boolean transA, boolean transB, int m, int n, int k,
                                         float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                         float[] c, int cOff, int ldc, boolean accumulate) {
        if ((long) m * n * k <= SMALL) {
            GemmPacking.naive(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        } else {
            blocked(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        }
    }

    /** The loops over blocks drawn in the class comment, on this thread. */
    private static void blocked(boolean transA, boolean transB, int m, int n, int k,
                                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                float[] c, int cOff, int ldc, boolean accumulate) {
        // With few rows, each number of B is used by one or two register tiles only: copying B first would cost
        // as much as the product (convolutions: 6 or 16 filters). Then the kernel reads B's rows where they are.
        boolean packB = transB || m > 2 * MR;
        int kMax = Math.min(KC, k), mPadded = roundUp(m, MR);
        float[][] buffers = BUFFERS.get();
        float[] packedA = buffer(buffers, 0, Math.min(MC, mPadded) * kMax);
        float[] packedB = buffer(buffers, 1, packB ? kMax * Math.min(NC, roundUp(n, NR)) : 0);
        float[] tile = buffer(buffers, 2, MR * NR + kMax * NR);
        // Several blocks of k: their tiles are summed in a buffer of whole tiles, one after the other, and C is
        // written once at the end, row after row (C's rows lie far apart: reading them once per block is slow).
        Sums sums = k > KC ? new Sums(buffer(buffers, 3, mPadded * Math.min(NC, roundUp(n, NR))), mPadded) : null;
        int[] inPlace = packB ? null : rowStarts(kMax, ldb);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                if (packB) {
                    GemmPacking.packB(transB, b, bOff, ldb, pc, kc, jc, nc, packedB);
                }
                Panels panels = packB ? new Panels(packedB, 0, kc, NR, null)
                        : new Panels(b, bOff + pc * ldb + jc, 1, ldb, inPlace);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    GemmPacking.packA(transA, a, aOff, lda, ic, mc, pc, kc, packedA);
                    if (sums == null) {
                        macroKernel(mc, nc, kc, packedA, panels, c, cOff + ic * ldc + jc, ldc, tile, accumulate);
                    } else {
                        addToSums(mc, nc, kc, packedA, panels, sums, ic, tile, pc > 0);
                    }
                }
            }
            if (sums != null) {
                sums.writeTo(m, nc, c, cOff + jc, ldc, accumulate);
            }
        }
    }

    /**
     * Where the micro-kernel finds the {@code NR} columns starting at column {@code jr} of a block of B:
     * {@code array[start + jr * step ...]}, one row after the other {@code rowStride} apart. Packed panels lie one
     * after the other ({@code step = kc}, rows {@code NR} apart); an unpacked B is read in place. For it {@code rows}
     * holds where each row starts ({@code p * rowStride}), as the micro-kernel reads them; packed panels need none.
     */
    private record Panels(float[] array, int start, int step, int rowStride, int[] rows) {

        /**
         * The one panel of columns {@code jr..}, as the kernel reads it (its {@code start}; {@code step} unused): in
         * place, or an unpacked edge's columns padded with zeros into {@code tile}.
         */
        Panels panel(int jr, int kc, int cols, float[] tile) {
            if (cols < NR && rowStride != NR) {
                GemmPacking.copyEdge(array, start + jr, rowStride, kc, cols, tile, MR * NR);
                return new Panels(tile, MR * NR, 0, NR, null);
            }
            return new Panels(array, start + jr * step, 0, rowStride, rows);
        }

        /**
         * The register tile of rows {@code ir..} of a packed block of A times this panel: into {@code out}, or added to
         * it when {@code add}.
         */
        void multiply(int kc, float[] packedA, int ir, float[] out, int outOff, int ldo, boolean add) {
            if (rows == null) {
                GemmKernel.packedTile(kc, packedA, ir * kc, array, start, out, outOff, ldo, add);
            } else {
                GemmKernel.tile(kc, packedA, ir * kc, array, start, rows, out, outOff, ldo, add);
            }
        }
    }

    /**
     * All register tiles of one packed block of A times one block of B, into C: added to C when {@code load},
     * else replacing it.
     */
    private static void macroKernel(int mc, int nc, int kc, float[] packedA, Panels b,
                                    float[] c, int cOff, int ldc, float[] tile, boolean load) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            Panels panel = b.panel(jr, kc, cols, tile);
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int at = cOff + ir * ldc + jr;
                if (rows == MR && cols == NR) {   // a whole tile: straight into C (added to it when load)
                    panel.multiply(kc, packedA, ir, c, at, ldc, load);
                } else {                          // else aside first, then cut to size
                    panel.multiply(kc, packedA, ir, tile, 0, NR, false);
                    GemmKernel.write(tile, 0, rows, cols, c, at, ldc, load);
                }
            }
        }
    }

    /**
     * The running sums of a product with several blocks of k: whole register tiles ({@code MR x NR}, rows
     * {@code NR} apart), those of a column of tiles one after the other, then the next column.
     */
    private record Sums(float[] array, int rows) {

        /** Where the tile of C's rows {@code row..} and columns {@code jr..} (within the block) starts. */
        int at(int row, int jr) {
            return (jr / NR * rows + row) * NR;
        }

        /** Writes the sums into C's first {@code m} rows and {@code nc} columns: added when {@code add}. */
        void writeTo(int m, int nc, float[] c, int cOff, int ldc, boolean add) {
            for (int row = 0; row < m; row++) {   // along C's rows: one stream the hardware prefetcher follows
                for (int jr = 0; jr < nc; jr += NR) {
                    GemmKernel.write(array, at(row, jr), 1, Math.min(NR, nc - jr), c, cOff + row * ldc + jr, ldc, add);
                }
            }
        }
    }

    /**
     * All register tiles of one packed block of A (C's rows {@code ic..}) times one block of B, added to the running
     * sums; the first block of k starts them.
     */
    private static void addToSums(int mc, int nc, int kc, float[] packedA, Panels b, Sums sums, int ic,
                                  float[] tile, boolean add) {
        for (int jr = 0; jr < nc; jr += NR) {
            Panels panel = b.panel(jr, kc, Math.min(NR, nc - jr), tile);
            for (int ir = 0; ir < mc; ir += MR) {
                int at = sums.at(ic + ir, jr);
                panel.multiply(kc, packedA, ir, sums.array(), at, NR, add);
            }
        }
    }

    /** This thread's buffer number {@code which}, at least {@code size} long. */
    private static float[] buffer(float[][] buffers, int which, int size) {
        if (buffers[which].length < size) {
            buffers[which] = new float[size];
        }
        return buffers[which];
    }

    /** {@code 0, stride, 2 stride, ...}: where each of {@code rows} rows starts. */
    static int[] rowStarts(int rows, int stride) {
        int[] starts = new int[rows];
        for (int p = 0; p < rows; p++) {
            starts[p] = p * stride;
        }
        return starts;
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
