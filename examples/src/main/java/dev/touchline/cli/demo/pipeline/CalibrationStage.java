package dev.touchline.cli.demo.pipeline;

import dev.touchline.calibration.AutoCalibration;
import dev.touchline.calibration.AutoCalibrator;
import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.Camera;
import dev.touchline.calibration.Landmark;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Calibrates the broadcast camera from clicked landmarks with calibration-dlt's automatic model choice, then takes
 * every detection through the picture: its ground point is projected to a pixel by the true camera, given pixel
 * noise (the detector's box-foot error), and brought back to the pitch through the fitted camera. The tracker then
 * sees what a real camera pipeline would give it.
 */
public final class CalibrationStage {
    /** Landmark click noise, px. */
    public static final double CLICK_SIGMA_PX = 0.5;
    /** Detection foot-point noise, px. */
    public static final double DETECTION_SIGMA_PX = 0.5;

    private final BroadcastCamera camera;
    private final AutoCalibration fit;
    private final int landmarkCount;
    private final SplittableRandom noise;
    private final PitchDimensions pitch;
    private final double checkMedian;
    private final double checkMax;
    private final double[] corner = new double[2];
    private final double[] uv = new double[2];
    private final double[] xy = new double[2];
    private long projected;
    private long outOfFrame;
    private double squaredError;

    /** Calibrates from the landmarks of the simulated camera (seeded click noise). */
    public CalibrationStage(PitchDimensions pitch, long seed) throws CalibrationException {
        this.pitch = pitch;
        this.camera = BroadcastCamera.master(pitch);
        List<Landmark> landmarks = camera.landmarks(CLICK_SIGMA_PX, seed);
        this.landmarkCount = landmarks.size();
        this.fit = AutoCalibrator.builder(BroadcastCamera.WIDTH_PX, BroadcastCamera.HEIGHT_PX).build()
                .calibrate(landmarks);
        this.noise = new SplittableRandom(seed ^ 0xCA11B8A7EL);
        double[] grid = checkGrid();
        this.checkMedian = grid[grid.length / 2];
        this.checkMax = grid[grid.length - 1];
    }

    private double[] checkGrid() {
        Camera truth = camera.truth();
        double[] e = new double[(int) (pitch.lengthMetres() / 5 + 1) * (int) (pitch.widthMetres() / 5 + 1)];
        int n = 0;
        for (double x = 0; x <= pitch.lengthMetres() + 1e-9; x += 5) {
            for (double y = 0; y <= pitch.widthMetres() + 1e-9; y += 5) {
                truth.project(x, y, 0, uv);
                if (!BroadcastCamera.inFrame(uv[0], uv[1]) || n == e.length) {
                    continue;
                }
                fit.camera().pixelToPlane(uv[0], uv[1], 0, xy);
                e[n++] = Math.hypot(xy[0] - x, xy[1] - y);
            }
        }
        double[] out = Arrays.copyOf(e, n);
        Arrays.sort(out);
        return out;
    }

    /**
     * Takes detections through the picture, in place.
     *
     * @param x CDF x, m; replaced by the round trip. Modified.
     * @param y CDF y, m; replaced. Modified.
     * @param keep set false for a detection outside the picture. Modified.
     * @param n rows
     */
    public void project(double[] x, double[] y, boolean[] keep, int n) {
        for (int i = 0; i < n; i++) {
            camera.toCorner(x[i], y[i], corner);
            camera.truth().project(corner[0], corner[1], 0, uv);
            double u = uv[0] + DETECTION_SIGMA_PX * BroadcastCamera.gaussian(noise);
            double v = uv[1] + DETECTION_SIGMA_PX * BroadcastCamera.gaussian(noise);
            if (!BroadcastCamera.inFrame(u, v)) {
                keep[i] = false;
                outOfFrame++;
                continue;
            }
            fit.camera().pixelToPlane(u, v, 0, xy);
            double px = xy[0] - pitch.halfLength();
            double py = xy[1] - pitch.halfWidth();
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                keep[i] = false;
                outOfFrame++;
                continue;
            }
            squaredError += (px - x[i]) * (px - x[i]) + (py - y[i]) * (py - y[i]);
            projected++;
            x[i] = px;
            y[i] = py;
            keep[i] = true;
        }
    }

    /**
     * Calibrates a real camera from clicked landmarks; no truth camera, no detections.
     *
     * @param landmarks pitch points (metres, corner origin, z up) with their pixels
     * @param widthPx image width
     * @param heightPx image height
     */
    public static CalibrationResult fromLandmarks(List<Landmark> landmarks, double widthPx, double heightPx)
            throws CalibrationException {
        AutoCalibration fit = AutoCalibrator.builder(widthPx, heightPx).build().calibrate(landmarks);
        return new CalibrationResult(fit.model().toString(), landmarks.size(), fit.fitRmsPx(),
                fit.heldOut().medianM(), fit.heldOut().maxM(), Double.NaN, Double.NaN, 0, 0, Double.NaN);
    }

    /** The figures so far. */
    public CalibrationResult result() {
        return new CalibrationResult(fit.model().toString(), landmarkCount, fit.fitRmsPx(), fit.heldOut().medianM(),
                fit.heldOut().maxM(), checkMedian, checkMax, projected, outOfFrame,
                projected == 0 ? Double.NaN : Math.sqrt(squaredError / projected));
    }
}
