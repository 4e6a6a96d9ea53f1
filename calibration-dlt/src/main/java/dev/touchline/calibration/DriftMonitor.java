package dev.touchline.calibration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Watches a calibrated camera for drift with a surveyed board (e.g. a checkerboard laid on the centre circle).
 * Each frame's detected corners are projected onto the plane at their surveyed height and compared with the
 * survey; when the mean deviation exceeds the threshold (default 0.06 m), the camera is re-oriented from the
 * drifted frames among the last {@code windowFrames} (default 200) observations.
 *
 * <p>Re-orientation refits only the rotation about the camera centre, keeping intrinsics, position and lens: a
 * board of a metre or two cannot determine a whole camera, but it determines the mount's pan, tilt and roll, which
 * is what drifts. Not thread-safe (one monitor per camera stream).
 *
 * <p>Its whole state is a plain value, {@link #snapshot()}, from which {@link #restore} rebuilds a monitor that
 * continues identically (DESIGN §2).
 */
public final class DriftMonitor {
    private final double[] sx;
    private final double[] sy;
    private final double[] sz;
    private final double thresholdM;
    private final int windowFrames;
    private final ArrayDeque<double[]> window = new ArrayDeque<>();
    private Camera camera;

    private DriftMonitor(Camera camera, double[] sx, double[] sy, double[] sz, double thresholdM, int windowFrames) {
        this.camera = camera;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
        this.thresholdM = thresholdM;
        this.windowFrames = windowFrames;
    }

    /**
     * A monitor.
     *
     * @param camera       the calibrated camera
     * @param surveyXM     surveyed corner x, metres (one per board corner, in the detector's order). Not modified.
     * @param surveyYM     surveyed corner y, metres. Not modified.
     * @param surveyZM     surveyed corner height, metres. Not modified.
     * @param thresholdM   mean deviation that triggers re-orientation, metres, &gt; 0
     * @param windowFrames frames kept for re-orientation, 1–100000
     */
    public static DriftMonitor of(Camera camera, double[] surveyXM, double[] surveyYM, double[] surveyZM,
            double thresholdM, int windowFrames) {
        if (surveyXM.length < 3 || surveyYM.length != surveyXM.length || surveyZM.length != surveyXM.length) {
            throw new IllegalArgumentException("need at least 3 surveyed corners with x, y, z of equal length, got "
                    + surveyXM.length + ", " + surveyYM.length + ", " + surveyZM.length);
        }
        if (!(thresholdM > 0) || !Double.isFinite(thresholdM)) {
            throw new IllegalArgumentException("thresholdM must be finite and > 0, got " + thresholdM);
        }
        if (windowFrames < 1 || windowFrames > 100_000) {
            throw new IllegalArgumentException("windowFrames must be in [1, 100000], got " + windowFrames);
        }
        return new DriftMonitor(java.util.Objects.requireNonNull(camera, "camera"), surveyXM.clone(),
                surveyYM.clone(), surveyZM.clone(), thresholdM, windowFrames);
    }

    /**
     * The complete state of a monitor as plain values.
     *
     * @param camera       the camera in force
     * @param surveyXM     surveyed corner x, metres
     * @param surveyYM     surveyed corner y, metres
     * @param surveyZM     surveyed corner height, metres
     * @param thresholdM   mean deviation that triggers re-orientation, metres
     * @param windowFrames frames kept for re-orientation
     * @param window       the frames kept since the last re-orientation, oldest first, each
     *                     {@code u0, v0, u1, v1, …} in pixels (NaN for corners not detected)
     */
    public record Snapshot(Camera camera, double[] surveyXM, double[] surveyYM, double[] surveyZM, double thresholdM,
            int windowFrames, double[][] window) {
        /** Copies the arrays, so a snapshot never shares state with a monitor. */
        public Snapshot {
            java.util.Objects.requireNonNull(camera, "camera");
            surveyXM = surveyXM.clone();
            surveyYM = surveyYM.clone();
            surveyZM = surveyZM.clone();
            window = deepCopy(window);
        }

        /** A copy of the survey x, metres. */
        @Override
        public double[] surveyXM() {
            return surveyXM.clone();
        }

        /** A copy of the survey y, metres. */
        @Override
        public double[] surveyYM() {
            return surveyYM.clone();
        }

        /** A copy of the survey heights, metres. */
        @Override
        public double[] surveyZM() {
            return surveyZM.clone();
        }

        /** A copy of the kept frames. */
        @Override
        public double[][] window() {
            return deepCopy(window);
        }

        private static double[][] deepCopy(double[][] frames) {
            double[][] out = new double[frames.length][];
            for (int i = 0; i < frames.length; i++) {
                out[i] = frames[i].clone();
            }
            return out;
        }
    }

    /** The monitor's state; the monitor is not affected by, and does not affect, the snapshot. */
    public Snapshot snapshot() {
        return new Snapshot(camera, sx, sy, sz, thresholdM, windowFrames, window.toArray(new double[0][]));
    }

    /**
     * A monitor in the state of {@code snapshot}: fed the same frames, it gives the same checks and cameras as the
     * monitor the snapshot came from.
     *
     * @throws IllegalArgumentException when the snapshot is inconsistent (the ranges of {@link #of}, more frames
     *                                  than the window, or a frame of the wrong length)
     */
    public static DriftMonitor restore(Snapshot snapshot) {
        DriftMonitor m = of(snapshot.camera(), snapshot.surveyXM(), snapshot.surveyYM(), snapshot.surveyZM(),
                snapshot.thresholdM(), snapshot.windowFrames());
        double[][] frames = snapshot.window();
        if (frames.length > m.windowFrames) {
            throw new IllegalArgumentException("the snapshot holds " + frames.length + " frames, more than its window"
                    + " of " + m.windowFrames);
        }
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].length != 2 * m.sx.length) {
                throw new IllegalArgumentException("snapshot frame " + i + " has " + frames[i].length
                        + " values, expected " + 2 * m.sx.length + " (u, v per surveyed corner)");
            }
            m.window.addLast(frames[i]);
        }
        return m;
    }

    /** The current camera (replaced after each re-orientation). */
    public Camera camera() {
        return camera;
    }

    /**
     * The outcome of one frame.
     *
     * @param meanDeviationM this frame's mean corner deviation with the camera in force when it arrived, metres
     * @param recalibrated   whether the camera was re-oriented on this frame
     * @param framesUsed     frames the re-orientation used (0 when not recalibrated)
     * @param beforeM        mean deviation over those frames before re-orientation, metres (NaN if none)
     * @param afterM         the same after re-orientation, metres (NaN if none)
     */
    public record Check(double meanDeviationM, boolean recalibrated, int framesUsed, double beforeM, double afterM) {
    }

    /**
     * Checks one frame's detected corners.
     *
     * @param uPx corner columns, pixels, in survey order; NaN for corners not detected. Not modified.
     * @param vPx corner rows, pixels. Not modified.
     * @throws CalibrationException when the re-orientation fails
     */
    public Check observe(double[] uPx, double[] vPx) throws CalibrationException {
        if (uPx.length != sx.length || vPx.length != sx.length) {
            throw new IllegalArgumentException("expected " + sx.length + " corners, got " + uPx.length + " and "
                    + vPx.length);
        }
        double[] frame = new double[2 * sx.length];
        for (int i = 0; i < sx.length; i++) {
            frame[2 * i] = uPx[i];
            frame[2 * i + 1] = vPx[i];
        }
        if (window.size() == windowFrames) {
            window.removeFirst();
        }
        window.addLast(frame);
        double deviation = meanDeviation(camera, frame);
        if (!(deviation > thresholdM)) {
            return new Check(deviation, false, 0, Double.NaN, Double.NaN);
        }
        List<double[]> drifted = new ArrayList<>();
        for (double[] f : window) {
            if (meanDeviation(camera, f) > thresholdM) {
                drifted.add(f);
            }
        }
        double before = 0;
        for (double[] f : drifted) {
            before += meanDeviation(camera, f) / drifted.size();
        }
        Camera next = reorient(camera, drifted);
        double after = 0;
        for (double[] f : drifted) {
            after += meanDeviation(next, f) / drifted.size();
        }
        camera = next;
        window.clear();
        return new Check(deviation, true, drifted.size(), before, after);
    }

    private double meanDeviation(Camera c, double[] frame) {
        double sum = 0;
        int n = 0;
        double[] xy = new double[2];
        for (int i = 0; i < sx.length; i++) {
            if (Double.isNaN(frame[2 * i])) {
                continue;
            }
            c.pixelToPlane(frame[2 * i], frame[2 * i + 1], sz[i], xy);
            sum += Math.hypot(xy[0] - sx[i], xy[1] - sy[i]);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Refits the rotation about the camera centre (3 parameters, numeric Jacobian) to the frames' pixels. */
    private Camera reorient(Camera c, List<double[]> frames) throws CalibrationException {
        CameraDecomposition d = c.decompose();
        double[] k = d.k();
        double[] r0 = d.rotation();
        double[] centre = d.centreM();
        List<double[]> obs = new ArrayList<>();
        for (double[] f : frames) {
            for (int i = 0; i < sx.length; i++) {
                if (!Double.isNaN(f[2 * i])) {
                    obs.add(new double[] {sx[i], sy[i], sz[i], f[2 * i], f[2 * i + 1]});
                }
            }
        }
        int n = obs.size();
        double[] target = new double[2 * n];
        for (int i = 0; i < n; i++) {
            target[2 * i] = obs.get(i)[3];
            target[2 * i + 1] = obs.get(i)[4];
        }
        LensModel lens = c.lens();
        MultivariateJacobianFunction f = point -> {
            double[] q = point.toArray();
            double[] value = predict(q, k, r0, centre, lens, obs);
            double[][] jac = new double[2 * n][3];
            for (int j = 0; j < 3; j++) {
                double[] qp = q.clone();
                double[] qm = q.clone();
                qp[j] += 1e-7;
                qm[j] -= 1e-7;
                double[] a = predict(qp, k, r0, centre, lens, obs);
                double[] b = predict(qm, k, r0, centre, lens, obs);
                for (int r = 0; r < 2 * n; r++) {
                    jac[r][j] = (a[r] - b[r]) / 2e-7;
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        double[] q;
        try {
            q = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder().start(new double[3])
                    .target(target).model(f).maxIterations(100).maxEvaluations(400).build()).getPoint().toArray();
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            throw new CalibrationException("re-orientation did not converge: " + e.getMessage(), e);
        }
        return cameraWith(q, k, r0, centre, c);
    }

    private static double[] predict(double[] q, double[] k, double[] r0, double[] centre, LensModel lens,
            List<double[]> obs) {
        Camera c = Camera.of(CameraModel.DLT11, projection(q, k, r0, centre), lens);
        double[] out = new double[2 * obs.size()];
        double[] uv = new double[2];
        for (int i = 0; i < obs.size(); i++) {
            double[] o = obs.get(i);
            c.project(o[0], o[1], o[2], uv);
            out[2 * i] = uv[0];
            out[2 * i + 1] = uv[1];
        }
        return out;
    }

    private static Camera cameraWith(double[] q, double[] k, double[] r0, double[] centre, Camera old) {
        return Camera.of(old.model(), projection(q, k, r0, centre), old.lens());
    }

    private static double[] projection(double[] q, double[] k, double[] r0, double[] centre) {
        double[] rot = Mat3.multiply(SquarePixelFitter.rodrigues(q[0], q[1], q[2]), r0);
        double[] km = Mat3.multiply(k, rot);
        double[] p = new double[12];
        for (int i = 0; i < 3; i++) {
            p[4 * i] = km[3 * i];
            p[4 * i + 1] = km[3 * i + 1];
            p[4 * i + 2] = km[3 * i + 2];
            p[4 * i + 3] = -(km[3 * i] * centre[0] + km[3 * i + 1] * centre[1] + km[3 * i + 2] * centre[2]);
        }
        return p;
    }
}
