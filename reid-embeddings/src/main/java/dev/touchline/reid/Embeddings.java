package dev.touchline.reid;

/** Checks and normalisation of embedding vectors. */
public final class Embeddings {
    private Embeddings() {
    }

    /**
     * Checks that {@code v[off..off+dim)} is finite and not all zeros.
     *
     * @param source name of the data source, quoted in the error
     * @param row the row label, quoted in the error
     * @throws BadReidDataException naming source, row and the first bad element (or the zero norm)
     */
    public static void check(float[] v, int off, int dim, String source, long row) throws BadReidDataException {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            float x = v[off + i];
            if (!Float.isFinite(x)) {
                throw new BadReidDataException(source + ": row " + row + ": embedding element e" + i + " is " + x
                        + " (must be finite)");
            }
            s += (double) x * x;
        }
        if (s == 0.0) {
            throw new BadReidDataException(source + ": row " + row + ": embedding is all zeros (cannot be "
                    + "normalised)");
        }
    }

    /**
     * Scales {@code v[off..off+dim)} to unit length in place. Modified.
     *
     * @throws IllegalArgumentException if the vector is not finite or all zeros
     */
    public static void normalise(float[] v, int off, int dim) {
        double n = Dot.norm(v, off, dim);
        if (!Double.isFinite(n) || n == 0.0) {
            throw new IllegalArgumentException("v must be finite and non-zero, norm was " + n);
        }
        float inv = (float) (1.0 / n);
        for (int i = 0; i < dim; i++) {
            v[off + i] *= inv;
        }
    }
}
