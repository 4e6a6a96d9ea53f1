package dev.touchline.reid;

/**
 * Dot-product kernels over flat {@code float[]} rows. {@link #dot} is the production loop: four independent
 * accumulators so the adds do not wait on each other and C2 can keep them in vector lanes; {@link #dotScalar} is
 * the plain one-accumulator reference the tests and benchmarks compare against. Both sum in a different order, so
 * results agree to float rounding (about 1e-6 for unit vectors of dimension 128), not bit for bit.
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
     * {@link #maxDotColumns} for two queries at once: each column element loaded is used by both, which halves the
     * loads per multiply-add. Each query's result is bit-identical to {@link #maxDotColumns} (same summation order).
     *
     * @param q query storage, not modified
     * @param offA start of the first query
     * @param offB start of the second query
     * @param cols one array per dimension, each at least {@code rows} long, not modified
     * @param rows number of rows, at least 1
     * @param dim dimension, at most {@code cols.length}
     * @param accA work space of at least {@code rows} floats; modified
     * @param accB work space of at least {@code rows} floats, not the same array as {@code accA}; modified
     * @param best the two maxima, first query's at index 0; modified (entries 0 and 1)
     */
    public static void maxDotColumnsPair(float[] q, int offA, int offB, float[][] cols, int rows, int dim,
                                         float[] accA, float[] accB, float[] best) {
        java.util.Arrays.fill(accA, 0, rows, 0f);
        java.util.Arrays.fill(accB, 0, rows, 0f);
        int d = 0;
        for (; d + 3 < dim; d += 4) {
            float a0 = q[offA + d];
            float a1 = q[offA + d + 1];
            float a2 = q[offA + d + 2];
            float a3 = q[offA + d + 3];
            float b0 = q[offB + d];
            float b1 = q[offB + d + 1];
            float b2 = q[offB + d + 2];
            float b3 = q[offB + d + 3];
            float[] c0 = cols[d];
            float[] c1 = cols[d + 1];
            float[] c2 = cols[d + 2];
            float[] c3 = cols[d + 3];
            for (int r = 0; r < rows; r++) {
                float x0 = c0[r];
                float x1 = c1[r];
                float x2 = c2[r];
                float x3 = c3[r];
                accA[r] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
                accB[r] += b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
            }
        }
        for (; d < dim; d++) {
            float a = q[offA + d];
            float b = q[offB + d];
            float[] c = cols[d];
            for (int r = 0; r < rows; r++) {
                accA[r] += a * c[r];
                accB[r] += b * c[r];
            }
        }
        float ba = Float.NEGATIVE_INFINITY;
        float bb = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            ba = Math.max(ba, accA[r]);
            bb = Math.max(bb, accB[r]);
        }
        best[0] = ba;
        best[1] = bb;
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
