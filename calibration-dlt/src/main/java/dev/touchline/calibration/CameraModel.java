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
    DLT20(11, 9);

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

    /** Number of lens terms, taken in the order k1, k2, k3, p1, p2, s1, s2, s3, s4. */
    public int lensTerms() {
        return lensTerms;
    }
}
