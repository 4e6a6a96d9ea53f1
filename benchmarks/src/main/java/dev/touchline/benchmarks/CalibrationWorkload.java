package dev.touchline.benchmarks;

import boofcv.struct.geo.AssociatedPair;
import dev.touchline.calibration.Camera;
import dev.touchline.calibration.CameraModel;
import dev.touchline.calibration.LensModel;
import dev.touchline.calibration.Landmark;
import georegression.struct.point.Point2D_F64;
import georegression.struct.point.Point4D_F64;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs for the calibration benchmarks: a 1920 × 1080 broadcast camera (f 1500 px, k1 −0.08) 30 m behind and
 * 25 m above the near touchline, N landmarks over a half pitch (about a fifth raised 0.9–2.44 m), 0.5 px noise,
 * seeded; the same points in BoofCV's types.
 */
public final class CalibrationWorkload {
    /** Landmarks, raised ones included. */
    public final List<Landmark> landmarks = new ArrayList<>();
    /** The ground (z = 0) landmarks only. */
    public final List<Landmark> ground = new ArrayList<>();
    /** BoofCV: homogeneous world points of all landmarks. */
    public final List<Point4D_F64> world = new ArrayList<>();
    /** BoofCV: pixels of all landmarks. */
    public final List<Point2D_F64> pixels = new ArrayList<>();
    /** BoofCV: ground point (x, y) to pixel pairs. */
    public final List<AssociatedPair> groundPairs = new ArrayList<>();

    /** N landmarks (at least 12), seeded. */
    public CalibrationWorkload(int n, long seed) {
        if (n < 12) {
            throw new IllegalArgumentException("n must be >= 12, got " + n);
        }
        Camera camera = camera();
        Random random = new Random(seed);
        double[] uv = new double[2];
        for (int i = 0; i < n; i++) {
            boolean raised = i % 5 == 4;
            double x = 52.5 * random.nextDouble();
            double y = 68 * random.nextDouble();
            double z = raised ? 0.9 + 1.54 * random.nextDouble() : 0;
            camera.project(x, y, z, uv);
            Landmark l = new Landmark("L" + i, x, y, z, uv[0] + 0.5 * random.nextGaussian(),
                    uv[1] + 0.5 * random.nextGaussian());
            landmarks.add(l);
            world.add(new Point4D_F64(x, y, z, 1));
            pixels.add(new Point2D_F64(l.uPx(), l.vPx()));
            if (!raised) {
                ground.add(l);
                groundPairs.add(new AssociatedPair(x, y, l.uPx(), l.vPx()));
            }
        }
    }

    /** The camera the landmarks are seen through. */
    public static Camera camera() {
        double[] c = {30, -35, 25};
        double[] fwd = unit(new double[] {26 - c[0], 34 - c[1], -c[2]});
        double[] right = unit(new double[] {fwd[1], -fwd[0], 0});
        double[] down = {fwd[1] * right[2] - fwd[2] * right[1], fwd[2] * right[0] - fwd[0] * right[2],
            fwd[0] * right[1] - fwd[1] * right[0]};
        double[][] rows = {
            {1500 * right[0] + 960 * fwd[0], 1500 * right[1] + 960 * fwd[1], 1500 * right[2] + 960 * fwd[2]},
            {1500 * down[0] + 540 * fwd[0], 1500 * down[1] + 540 * fwd[1], 1500 * down[2] + 540 * fwd[2]},
            fwd,
        };
        double[] p = new double[12];
        for (int i = 0; i < 3; i++) {
            p[4 * i] = rows[i][0];
            p[4 * i + 1] = rows[i][1];
            p[4 * i + 2] = rows[i][2];
            p[4 * i + 3] = -(rows[i][0] * c[0] + rows[i][1] * c[1] + rows[i][2] * c[2]);
        }
        return Camera.of(CameraModel.DLT16, p, LensModel.of(960, 540, 1500, -0.08, 0.01));
    }

    private static double[] unit(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
