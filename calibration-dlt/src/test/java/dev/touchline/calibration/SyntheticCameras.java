package dev.touchline.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test scenes: look-at pinhole cameras over a pitch, with a lens, and landmarks seen through them. */
final class SyntheticCameras {
    private SyntheticCameras() {
    }

    /** P = K R [I | −C] for a camera at {@code centre} looking at {@code target}, z up, square pixels. */
    static double[] lookAt(double f, double cx, double cy, double[] centre, double[] target) {
        double[] fwd = unit(new double[] {target[0] - centre[0], target[1] - centre[1], target[2] - centre[2]});
        double[] right = unit(cross(fwd, new double[] {0, 0, 1}));
        double[] down = cross(fwd, right);
        double[] r = {right[0], right[1], right[2], down[0], down[1], down[2], fwd[0], fwd[1], fwd[2]};
        double[] k = {f, 0, cx, 0, f, cy, 0, 0, 1};
        double[] m = Mat3.multiply(k, r);
        double[] p = new double[12];
        for (int i = 0; i < 3; i++) {
            p[4 * i] = m[3 * i];
            p[4 * i + 1] = m[3 * i + 1];
            p[4 * i + 2] = m[3 * i + 2];
            p[4 * i + 3] = -(m[3 * i] * centre[0] + m[3 * i + 1] * centre[1] + m[3 * i + 2] * centre[2]);
        }
        return p;
    }

    /** The default test camera: 1920 × 1080, f 1500 px, 30 m behind the touchline, 25 m up. */
    static Camera broadcast(double... lens) {
        double[] p = lookAt(1500, 960, 540, new double[] {30, -35, 25}, new double[] {26, 34, 0});
        return Camera.of(CameraModel.DLT20, p, LensModel.of(960, 540, 1500, lens));
    }

    /** Ground grid plus raised points over a half pitch (0..52.5 × 0..68 m), all visible in the test camera. */
    static List<double[]> pitchPoints(int nx, int ny) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                points.add(new double[] {52.5 * i / (nx - 1), 68.0 * j / (ny - 1), 0});
            }
        }
        points.add(new double[] {0, 30.34, 2.44});
        points.add(new double[] {0, 37.66, 2.44});
        points.add(new double[] {0, 0, 1.5});
        points.add(new double[] {0, 68, 1.5});
        points.add(new double[] {52.5, 0, 1.0});
        points.add(new double[] {20, -2, 0.9});
        points.add(new double[] {40, -2, 0.9});
        return points;
    }

    /** Landmarks seen by a camera, with Gaussian pixel noise of sigma px (seeded). */
    static List<Landmark> observe(Camera camera, List<double[]> points, double sigmaPx, long seed) {
        Random random = new Random(seed);
        List<Landmark> out = new ArrayList<>();
        double[] uv = new double[2];
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            camera.project(p[0], p[1], p[2], uv);
            out.add(new Landmark("L" + i, p[0], p[1], p[2], uv[0] + sigmaPx * random.nextGaussian(),
                    uv[1] + sigmaPx * random.nextGaussian()));
        }
        return out;
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] unit(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
