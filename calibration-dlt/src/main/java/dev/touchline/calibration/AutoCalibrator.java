package dev.touchline.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.util.Pair;

/**
 * Chooses the camera model from the landmarks, by leave-one-out ground error.
 *
 * <p>A free DLT-16/-20 overfits a dozen landmarks (decimetres of ground error at a fraction of a pixel of fit
 * residual). A broadcast camera satisfies a strong prior: square pixels, zero skew, principal point near the image
 * centre, and barrel distortion dominated by k1. So the ladder starts at {@link CameraModel#SQUARE_PIXEL}, then
 * releases k1, k2 and the principal point, and finally offers DLT-11/-16/-20 where there are at least
 * {@code landmarksPerParameter × parameters} landmarks and they are not coplanar. A richer model replaces the
 * current choice only when its leave-one-out median ground error is lower by more than the improvement margin.
 *
 * <p>The first square-pixel fit starts from the homography of the ground landmarks (decomposed with square pixels
 * and the principal point at the image centre) and from DLT-11 where the landmarks allow; the better fit wins.
 * Each richer model starts from the previous one. Immutable and thread-safe.
 */
public final class AutoCalibrator {
    private static final CameraModel[] LADDER = {
        CameraModel.SQUARE_PIXEL, CameraModel.SQUARE_PIXEL_K1, CameraModel.SQUARE_PIXEL_K1K2,
        CameraModel.SQUARE_PIXEL_K1K2_PP, CameraModel.DLT11, CameraModel.DLT16, CameraModel.DLT20,
    };

    private final double imageWidthPx;
    private final double imageHeightPx;
    private final double improvementMargin;
    private final double landmarksPerParameter;

    private AutoCalibrator(Builder b) {
        this.imageWidthPx = b.imageWidthPx;
        this.imageHeightPx = b.imageHeightPx;
        this.improvementMargin = b.improvementMargin;
        this.landmarksPerParameter = b.landmarksPerParameter;
    }

    /**
     * A builder.
     *
     * @param imageWidthPx  image width, pixels (its centre is the prior's principal point)
     * @param imageHeightPx image height, pixels
     */
    public static Builder builder(double imageWidthPx, double imageHeightPx) {
        return new Builder(imageWidthPx, imageHeightPx);
    }

    /**
     * Fits the ladder of models and returns the chosen one.
     *
     * @param landmarks at least 6 landmarks
     * @throws CalibrationException for bad landmarks or when not even the simplest model can be fitted
     */
    public AutoCalibration calibrate(List<Landmark> landmarks) throws CalibrationException {
        Objects.requireNonNull(landmarks, "landmarks");
        LandmarkChecks.checkFiniteAndDistinct(landmarks);
        int n = landmarks.size();
        if (n < DltCalibrator.MINIMUM_LANDMARKS) {
            throw new CalibrationException(n + " landmarks are too few for automatic calibration: it needs at least "
                    + DltCalibrator.MINIMUM_LANDMARKS);
        }
        double cx0 = imageWidthPx / 2;
        double cy0 = imageHeightPx / 2;
        boolean coplanar = isCoplanar(landmarks);
        List<AutoCalibration.Candidate> report = new ArrayList<>();
        Camera chosen = null;
        HeldOutError chosenError = null;
        int chosenIndex = -1;
        Camera previous = null;
        for (CameraModel model : LADDER) {
            Camera camera;
            CrossValidation.Fitter fitter;
            try {
                if (model.isDlt()) {
                    int needed = (int) Math.ceil(landmarksPerParameter * model.parameterCount());
                    if (coplanar || n < needed) {
                        report.add(new AutoCalibration.Candidate(model, Double.NaN, Double.NaN, coplanar
                                ? "skipped: landmarks are coplanar"
                                : "skipped: " + n + " landmarks, needs " + needed));
                        continue;
                    }
                    DltCalibrator dlt = DltCalibrator.builder().model(model).imageSize(imageWidthPx, imageHeightPx)
                            .landmarksPerParameter(0).build();
                    camera = dlt.calibrate(landmarks).camera();
                    fitter = training -> dlt.calibrate(training).camera();
                } else {
                    camera = previous == null ? firstFit(landmarks, cx0, cy0)
                            : SquarePixelFitter.fit(model, SquarePixelFitter.Start.of(previous), cx0, cy0,
                                    landmarks).getFirst();
                    SquarePixelFitter.Start start = SquarePixelFitter.Start.of(camera);
                    fitter = training -> SquarePixelFitter.fit(model, start, cx0, cy0, training).getFirst();
                    previous = camera;
                }
            } catch (CalibrationException e) {
                report.add(new AutoCalibration.Candidate(model, Double.NaN, Double.NaN, "failed: " + e.getMessage()));
                continue;
            }
            double rms = DltCalibrator.reprojectionRms(camera, landmarks);
            HeldOutError error;
            try {
                error = CrossValidation.kFold(fitter, landmarks, n, 0);
            } catch (CalibrationException e) {
                report.add(new AutoCalibration.Candidate(model, rms, Double.NaN,
                        "failed in cross-validation: " + e.getMessage()));
                continue;
            }
            double median = error.medianM();
            String note;
            if (chosen == null || chosenError == null) {
                note = "first fitted";
            } else if (median < chosenError.medianM() * (1 - improvementMargin)) {
                note = String.format(Locale.ROOT, "improves held-out median %.4f -> %.4f m", chosenError.medianM(),
                        median);
            } else {
                report.add(new AutoCalibration.Candidate(model, rms, median, String.format(Locale.ROOT,
                        "not chosen: held-out median %.4f m is not %.0f%% better than %.4f m", median,
                        100 * improvementMargin, chosenError.medianM())));
                continue;
            }
            if (Double.isNaN(median)) {
                report.add(new AutoCalibration.Candidate(model, rms, median, "not chosen: held-out error is NaN"));
                continue;
            }
            chosen = camera;
            chosenError = error;
            chosenIndex = report.size();
            report.add(new AutoCalibration.Candidate(model, rms, median, note));
        }
        if (chosen == null || chosenError == null) {
            throw new CalibrationException("no camera model could be fitted to the " + n + " landmarks: " + report);
        }
        AutoCalibration.Candidate c = report.get(chosenIndex);
        report.set(chosenIndex, new AutoCalibration.Candidate(c.model(), c.fitRmsPx(), c.heldOutMedianM(),
                "chosen (" + c.note() + ")"));
        return new AutoCalibration(chosen, DltCalibrator.reprojectionRms(chosen, landmarks), chosenError, report);
    }

    private static boolean isCoplanar(List<Landmark> landmarks) {
        double[] sv = LandmarkChecks.centredSingularValues(landmarks);
        return !(sv[2] >= 1e-3 * sv[0]);
    }

    /** The square-pixel fit from the best of the homography start and the DLT-11 start. */
    private static Camera firstFit(List<Landmark> landmarks, double cx0, double cy0) throws CalibrationException {
        List<SquarePixelFitter.Start> starts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Landmark> ground = new ArrayList<>();
        for (Landmark l : landmarks) {
            if (l.zM() == 0) {
                ground.add(l);
            }
        }
        try {
            Homography h = HomographyCalibrator.builder().landmarksPerParameter(0).ransacThresholdPx(0).build()
                    .calibrate(ground).homography();
            starts.add(SquarePixelFitter.Start.of(SquarePixelCamera.fromHomography(h, cx0, cy0)));
        } catch (CalibrationException e) {
            reasons.add("homography start: " + e.getMessage());
        }
        try {
            Camera dlt = DltCalibrator.builder().landmarksPerParameter(0).build().calibrate(landmarks).camera();
            starts.add(SquarePixelFitter.Start.of(dlt));
        } catch (CalibrationException | IllegalArgumentException e) {
            reasons.add("DLT-11 start: " + e.getMessage());
        }
        Pair<Camera, Double> best = null;
        for (SquarePixelFitter.Start start : starts) {
            try {
                Pair<Camera, Double> fit = SquarePixelFitter.fit(CameraModel.SQUARE_PIXEL, start, cx0, cy0, landmarks);
                if (best == null || fit.getSecond() < best.getSecond()) {
                    best = fit;
                }
            } catch (CalibrationException e) {
                reasons.add(e.getMessage());
            }
        }
        if (best == null) {
            throw new CalibrationException("no starting camera: " + String.join("; ", reasons));
        }
        return best.getFirst();
    }

    /** Settings of an {@link AutoCalibrator}. */
    public static final class Builder {
        private final double imageWidthPx;
        private final double imageHeightPx;
        private double improvementMargin = 0.05;
        private double landmarksPerParameter = 2.0;

        private Builder(double imageWidthPx, double imageHeightPx) {
            if (!(imageWidthPx > 0 && imageHeightPx > 0) || !Double.isFinite(imageWidthPx)
                    || !Double.isFinite(imageHeightPx)) {
                throw new IllegalArgumentException("image size must be finite and > 0, got " + imageWidthPx + " x "
                        + imageHeightPx);
            }
            this.imageWidthPx = imageWidthPx;
            this.imageHeightPx = imageHeightPx;
        }

        /** Fraction by which a richer model's held-out median must beat the current one, default 0.05, [0, 1). */
        public Builder improvementMargin(double value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("improvementMargin must be in [0, 1), got " + value);
            }
            this.improvementMargin = value;
            return this;
        }

        /** Landmarks per parameter before a DLT model is offered, default 2, range [0, 10]. */
        public Builder landmarksPerParameter(double value) {
            if (!(value >= 0 && value <= 10)) {
                throw new IllegalArgumentException("landmarksPerParameter must be in [0, 10], got " + value);
            }
            this.landmarksPerParameter = value;
            return this;
        }

        /** The calibrator. */
        public AutoCalibrator build() {
            return new AutoCalibrator(this);
        }
    }
}
