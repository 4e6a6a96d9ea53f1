package dev.touchline.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Held-out ground error by k-fold cross-validation (leave-one-out when k equals the landmark count).
 *
 * <p>The fold fits relax the landmarks-per-parameter rule (each fold has fewer landmarks than the full fit,
 * which the rule was checked on); every other guard applies.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Leave-one-out: one fit per landmark. */
    public static HeldOutError leaveOneOut(DltCalibrator calibrator, List<Landmark> landmarks)
            throws CalibrationException {
        return kFold(calibrator, landmarks, landmarks.size(), 0);
    }

    /**
     * k-fold cross-validation with folds assigned by a seeded shuffle.
     *
     * @param k    folds, 2 ≤ k ≤ number of landmarks
     * @param seed shuffle seed (ignored for leave-one-out)
     */
    public static HeldOutError kFold(DltCalibrator calibrator, List<Landmark> landmarks, int k, long seed)
            throws CalibrationException {
        DltCalibrator relaxed = calibrator.toBuilder().landmarksPerParameter(0).build();
        return kFold(l -> relaxed.calibrate(l).camera(), landmarks, k, seed);
    }

    /**
     * k-fold cross-validation of any fitting procedure, used as given (no rule is relaxed).
     *
     * @param fitter fits a mapping to the training landmarks of one fold
     * @param k      folds, 2 ≤ k ≤ number of landmarks; k = n is leave-one-out
     * @param seed   shuffle seed (ignored for leave-one-out)
     */
    public static HeldOutError kFold(Fitter fitter, List<Landmark> landmarks, int k, long seed)
            throws CalibrationException {
        int n = landmarks.size();
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("k must be in [2, " + n + "], got " + k);
        }
        int[] fold = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (k < n) {
            Random random = new Random(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % k;
        }
        double[] errors = new double[n];
        double[] out = new double[2];
        for (int f = 0; f < k; f++) {
            List<Landmark> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    train.add(landmarks.get(i));
                }
            }
            PitchProjection camera = fitter.fit(train);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    Landmark l = landmarks.get(i);
                    errors[i] = groundError(camera, l, out);
                }
            }
        }
        return new HeldOutError(errors, k);
    }

    /** Distance between a landmark's surveyed position and its pixel projected onto its height's plane, metres. */
    public static double groundError(PitchProjection camera, Landmark l, double[] work) {
        camera.pixelToPlane(l.uPx(), l.vPx(), l.zM(), work);
        return Math.hypot(work[0] - l.xM(), work[1] - l.yM());
    }

    /** A fitting procedure under test: landmarks in, mapping out. */
    @FunctionalInterface
    public interface Fitter {
        /** Fits the training landmarks of one fold. */
        PitchProjection fit(List<Landmark> training) throws CalibrationException;
    }
}
