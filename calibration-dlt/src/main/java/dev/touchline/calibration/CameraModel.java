package dev.touchline.calibration;

/**
 * The camera models this library fits. The DLT-16 and DLT-20 names are this library's definitions (the term
 * "20-parameter DLT" is not standard): the 11 DLT parameters plus 5 or 9 lens terms.
 */
public enum CameraModel {
    /** The projective camera: 11 parameters, no lens distortion. */
    DLT11(11, 0),
    /** DLT-11 plus radial k1, k2, k3 and decentering p1, p2. */
    DLT16(11, 5),
    /** DLT-16 plus thin prism s1, s2, s3, s4. */
    DLT20(11, 9),
    /**
     * The broadcast prior: square pixels, zero skew, principal point at the image centre; focal length, rotation
     * and camera centre free (7 parameters), no lens.
     */
    SQUARE_PIXEL(7, 0),
    /** {@link #SQUARE_PIXEL} plus radial k1 (8 parameters). */
    SQUARE_PIXEL_K1(7, 1),
    /** {@link #SQUARE_PIXEL} plus radial k1, k2 (9 parameters). */
    SQUARE_PIXEL_K1K2(7, 2),
    /** {@link #SQUARE_PIXEL_K1K2} with the principal point free (11 parameters). */
    SQUARE_PIXEL_K1K2_PP(9, 2);

    private final int projectiveParameters;
    private final int lensTerms;

    CameraModel(int projectiveParameters, int lensTerms) {
        this.projectiveParameters = projectiveParameters;
        this.lensTerms = lensTerms;
    }

    /** Number of free parameters of the model. */
    public int parameterCount() {
        return projectiveParameters + lensTerms;
    }

    /** True for the DLT family (free projective matrix); false for the square-pixel broadcast models. */
    public boolean isDlt() {
        return projectiveParameters == 11;
    }

    /** Number of lens terms, taken in the order k1, k2, k3, p1, p2, s1, s2, s3, s4. */
    public int lensTerms() {
        return lensTerms;
    }
}
