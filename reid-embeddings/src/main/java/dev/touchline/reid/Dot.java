package dev.touchline.reid;

/**
 * Dot-product kernels. The gallery's MAX scoring uses, without the Vector API, the column kernels
 * {@link #dotColumns4}, {@link #dotColumns2} and {@link #dotColumns1} (vectors stored one array per dimension, the
 * loop over stored vectors, fused multiply-adds; with the Vector API a register-blocked kernel that gives the same
 * bits, see {@link EmbeddingGallery#scoringKernel()}) with {@link #dotColumnsScalar} as the plain reference; its PROTOTYPE scoring uses {@link #dot}, four independent
 * accumulators over one flat row, with {@link #dotScalar} as the reference. {@link #maxDot} and
 * {@link #maxDotColumns} are the earlier row-major and per-identity column loops, kept for comparison. Kernels and
 * references sum in a different order, so results agree to float rounding (about 1e-6 for unit vectors of
 * dimension 128), not bit for bit.
 */
public final class Dot {
    private Dot() {
    }

    /**
     * Dot product of {@code a[aOff..aOff+n)} and {@code b[bOff..bOff+n)}, four-way unrolled.
     *
     * @param a first vector storage, not modified
     * @param aOff start of the first vector
     * @param b second vector storage, not modified
     * @param bOff start of the second vector
     * @param n length
     * @return the dot product
     */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        int limit = n & ~3;
        for (; i < limit; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The reference loop: one accumulator, in index order. Same contract as {@link #dot}. */
    public static float dotScalar(float[] a, int aOff, float[] b, int bOff, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    /**
     * The largest dot product of a query with {@code rows} consecutive rows of {@code dim} floats.
     *
     * @param q query storage, not modified
     * @param qOff start of the query
     * @param rowsData row storage, not modified
     * @param rows number of rows, at least 1
     * @param dim row length
     * @return the maximum over rows
     */
    public static float maxDot(float[] q, int qOff, float[] rowsData, int rows, int dim) {
        float best = Float.NEGATIVE_INFINITY;
        for (int r = 0, off = 0; r < rows; r++, off += dim) {
            float d = dot(q, qOff, rowsData, off, dim);
            if (d > best) {
                best = d;
            }
        }
        return best;
    }

    /** {@link #maxDot} on the scalar reference loop. */
    public static float maxDotScalar(float[] q, int qOff, float[] rowsData, int rows, int dim) {
        float best = Float.NEGATIVE_INFINITY;
        for (int r = 0, off = 0; r < rows; r++, off += dim) {
            float d = dotScalar(q, qOff, rowsData, off, dim);
            if (d > best) {
                best = d;
            }
        }
        return best;
    }

    /**
     * The largest dot product of a query with {@code rows} vectors stored column by column: element {@code d} of
     * row {@code r} at {@code cols[d][r]}. The inner loop runs over rows with no reduction (four dimensions per
     * pass, each row's partial sum in {@code acc}), so C2's auto-vectoriser turns it into SIMD multiplies and adds;
     * a row-major dot product cannot vectorise on Java 17 because float sums may not be reordered.
     *
     * <p>Each dimension is its own array on purpose: C2's SuperWord (Java 17) only packs array accesses whose
     * index expressions share the same loop-invariant part, so {@code acc[r] += q * flat[d * stride + r]} (invariant
     * {@code d * stride} against none) stays scalar, while {@code acc[r] += q * col[r]} vectorises.
     *
     * @param q query storage, not modified
     * @param qOff start of the query
     * @param cols one array per dimension, each at least {@code rows} long, not modified
     * @param rows number of rows, at least 1
     * @param dim dimension, at most {@code cols.length}
     * @param acc work space of at least {@code rows} floats; modified
     * @return the maximum over rows
     */
    public static float maxDotColumns(float[] q, int qOff, float[][] cols, int rows, int dim, float[] acc) {
        java.util.Arrays.fill(acc, 0, rows, 0f);
        int d = 0;
        for (; d + 3 < dim; d += 4) {
            float q0 = q[qOff + d];
            float q1 = q[qOff + d + 1];
            float q2 = q[qOff + d + 2];
            float q3 = q[qOff + d + 3];
            float[] c0 = cols[d];
            float[] c1 = cols[d + 1];
            float[] c2 = cols[d + 2];
            float[] c3 = cols[d + 3];
            for (int r = 0; r < rows; r++) {
                acc[r] += q0 * c0[r] + q1 * c1[r] + q2 * c2[r] + q3 * c3[r];
            }
        }
        for (; d < dim; d++) {
            float qd = q[qOff + d];
            float[] c = cols[d];
            for (int r = 0; r < rows; r++) {
                acc[r] += qd * c[r];
            }
        }
        float best = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            best = Math.max(best, acc[r]);
        }
        return best;
    }

    /**
     * Dot products of one query with the rows {@code [from, to)} of a column-stored row set (element {@code d} of
     * row {@code r} at {@code cols[d][r]}): {@code acc[r] = sum over d of q[qOff + d] * cols[d][r]}. The production
     * kernel of the gallery's one-query path: two dimensions per pass over the rows, fused multiply-adds
     * ({@link Math#fma}, which C2 turns into vector FMA instructions), and the accumulator indexed exactly like the
     * columns, so C2's SuperWord vectorises the row loop on Java 17.
     *
     * <p>The sum runs over {@code d} in index order with one rounding per term, the same order as
     * {@link #dotColumns4}, so the two kernels give bit-identical results for the same query.
     *
     * @param q query storage, not modified
     * @param qOff start of the query
     * @param cols one array per dimension, each at least {@code to} long, not modified
     * @param dim dimension, at most {@code cols.length}
     * @param from first row
     * @param to end of the rows (exclusive), {@code from <= to}
     * @param acc dot products by row; modified (entries {@code [from, to)})
     */
    public static void dotColumns1(float[] q, int qOff, float[][] cols, int dim, int from, int to, float[] acc) {
        java.util.Arrays.fill(acc, from, to, 0f);
        int d = 0;
        for (; d + 1 < dim; d += 2) {
            float a0 = q[qOff + d];
            float a1 = q[qOff + d + 1];
            float[] c0 = cols[d];
            float[] c1 = cols[d + 1];
            for (int r = from; r < to; r++) {
                acc[r] = Math.fma(a1, c1[r], Math.fma(a0, c0[r], acc[r]));
            }
        }
        if (d < dim) {
            float a0 = q[qOff + d];
            float[] c0 = cols[d];
            for (int r = from; r < to; r++) {
                acc[r] = Math.fma(a0, c0[r], acc[r]);
            }
        }
    }

    /**
     * {@link #dotColumns1} for four queries at once: each column element loaded feeds four fused multiply-adds, and
     * three dimensions per pass over the rows mean one load and one store of each accumulator per three
     * multiply-adds. Measured on Java 17 (AVX-512 machine, 22 queries x 3,300 rows): four queries by three
     * dimensions vectorises and takes about 0.83x the time of four by two; four by four dimensions, three by three,
     * two by three and two by four stay scalar (C2's SuperWord gives up on them) and run four to five times slower;
     * five or six queries per pass were no faster. Each query's result is bit-identical to {@link #dotColumns1}.
     *
     * @param q query storage, not modified
     * @param offA start of the first query
     * @param offB start of the second query
     * @param offC start of the third query
     * @param offD start of the fourth query
     * @param cols one array per dimension, each at least {@code to} long, not modified
     * @param dim dimension, at most {@code cols.length}
     * @param from first row
     * @param to end of the rows (exclusive), {@code from <= to}
     * @param accA first query's dot products by row; modified (entries {@code [from, to)})
     * @param accB second query's; modified likewise
     * @param accC third query's; modified likewise
     * @param accD fourth query's; modified likewise (the four arrays must be distinct)
     */
    public static void dotColumns4(float[] q, int offA, int offB, int offC, int offD, float[][] cols, int dim,
                                   int from, int to, float[] accA, float[] accB, float[] accC, float[] accD) {
        java.util.Arrays.fill(accA, from, to, 0f);
        java.util.Arrays.fill(accB, from, to, 0f);
        java.util.Arrays.fill(accC, from, to, 0f);
        java.util.Arrays.fill(accD, from, to, 0f);
        int d = 0;
        for (; d + 2 < dim; d += 3) {
            float a0 = q[offA + d];
            float a1 = q[offA + d + 1];
            float a2 = q[offA + d + 2];
            float b0 = q[offB + d];
            float b1 = q[offB + d + 1];
            float b2 = q[offB + d + 2];
            float c0 = q[offC + d];
            float c1 = q[offC + d + 1];
            float c2 = q[offC + d + 2];
            float e0 = q[offD + d];
            float e1 = q[offD + d + 1];
            float e2 = q[offD + d + 2];
            float[] x = cols[d];
            float[] y = cols[d + 1];
            float[] z = cols[d + 2];
            for (int r = from; r < to; r++) {
                float x0 = x[r];
                float y0 = y[r];
                float z0 = z[r];
                accA[r] = Math.fma(a2, z0, Math.fma(a1, y0, Math.fma(a0, x0, accA[r])));
                accB[r] = Math.fma(b2, z0, Math.fma(b1, y0, Math.fma(b0, x0, accB[r])));
                accC[r] = Math.fma(c2, z0, Math.fma(c1, y0, Math.fma(c0, x0, accC[r])));
                accD[r] = Math.fma(e2, z0, Math.fma(e1, y0, Math.fma(e0, x0, accD[r])));
            }
        }
        if (d + 1 < dim) {
            float a0 = q[offA + d];
            float a1 = q[offA + d + 1];
            float b0 = q[offB + d];
            float b1 = q[offB + d + 1];
            float c0 = q[offC + d];
            float c1 = q[offC + d + 1];
            float e0 = q[offD + d];
            float e1 = q[offD + d + 1];
            float[] x = cols[d];
            float[] y = cols[d + 1];
            for (int r = from; r < to; r++) {
                float x0 = x[r];
                float y0 = y[r];
                accA[r] = Math.fma(a1, y0, Math.fma(a0, x0, accA[r]));
                accB[r] = Math.fma(b1, y0, Math.fma(b0, x0, accB[r]));
                accC[r] = Math.fma(c1, y0, Math.fma(c0, x0, accC[r]));
                accD[r] = Math.fma(e1, y0, Math.fma(e0, x0, accD[r]));
            }
        } else if (d < dim) {
            float a0 = q[offA + d];
            float b0 = q[offB + d];
            float c0 = q[offC + d];
            float e0 = q[offD + d];
            float[] x = cols[d];
            for (int r = from; r < to; r++) {
                float x0 = x[r];
                accA[r] = Math.fma(a0, x0, accA[r]);
                accB[r] = Math.fma(b0, x0, accB[r]);
                accC[r] = Math.fma(c0, x0, accC[r]);
                accD[r] = Math.fma(e0, x0, accD[r]);
            }
        }
    }

    /**
     * {@link #dotColumns4} for two queries (the remainder of a frame whose size is not a multiple of four). Each
     * query's result is bit-identical to {@link #dotColumns1}.
     *
     * @param accA first query's dot products by row; modified (entries {@code [from, to)})
     * @param accB second query's; modified likewise (a distinct array)
     */
    public static void dotColumns2(float[] q, int offA, int offB, float[][] cols, int dim, int from, int to,
                                   float[] accA, float[] accB) {
        java.util.Arrays.fill(accA, from, to, 0f);
        java.util.Arrays.fill(accB, from, to, 0f);
        int d = 0;
        for (; d + 1 < dim; d += 2) {
            float a0 = q[offA + d];
            float a1 = q[offA + d + 1];
            float b0 = q[offB + d];
            float b1 = q[offB + d + 1];
            float[] x = cols[d];
            float[] y = cols[d + 1];
            for (int r = from; r < to; r++) {
                float x0 = x[r];
                float y0 = y[r];
                accA[r] = Math.fma(a1, y0, Math.fma(a0, x0, accA[r]));
                accB[r] = Math.fma(b1, y0, Math.fma(b0, x0, accB[r]));
            }
        }
        if (d < dim) {
            float a0 = q[offA + d];
            float b0 = q[offB + d];
            float[] x = cols[d];
            for (int r = from; r < to; r++) {
                float x0 = x[r];
                accA[r] = Math.fma(a0, x0, accA[r]);
                accB[r] = Math.fma(b0, x0, accB[r]);
            }
        }
    }

    /**
     * The reference for {@link #dotColumns1}: one row at a time, one accumulator, plain multiply and add in index
     * order. Agrees with the kernels to float rounding (about 1e-6 for unit vectors of dimension 128).
     *
     * @param acc dot products by row; modified (entries {@code [from, to)})
     */
    public static void dotColumnsScalar(float[] q, int qOff, float[][] cols, int dim, int from, int to,
                                        float[] acc) {
        for (int r = from; r < to; r++) {
            float s = 0f;
            for (int d = 0; d < dim; d++) {
                s += q[qOff + d] * cols[d][r];
            }
            acc[r] = s;
        }
    }

    /** The largest of {@code v[from..to)}, or negative infinity when the range is empty. */
    public static float max(float[] v, int from, int to) {
        float best = Float.NEGATIVE_INFINITY;
        for (int r = from; r < to; r++) {
            float x = v[r];
            // A compare-and-branch, not Math.max: no NaN can reach here (inputs are checked finite), and the
            // branch is cheaper than Math.max's NaN and signed-zero handling.
            if (x > best) {
                best = x;
            }
        }
        return best;
    }

    /** {@link #maxDotColumns} as the plain reference: one row at a time, one accumulator, in index order. */
    public static float maxDotColumnsScalar(float[] q, int qOff, float[][] cols, int rows, int dim) {
        float best = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            float s = 0f;
            for (int d = 0; d < dim; d++) {
                s += q[qOff + d] * cols[d][r];
            }
            if (s > best) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The Euclidean norm of {@code v[off..off+n)}, in double precision; NaN if any element is NaN.
     */
    public static double norm(float[] v, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = v[off + i];
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
