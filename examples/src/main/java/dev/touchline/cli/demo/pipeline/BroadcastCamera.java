package dev.touchline.cli.demo.pipeline;

import dev.touchline.calibration.Camera;
import dev.touchline.calibration.CameraModel;
import dev.touchline.calibration.Landmark;
import dev.touchline.calibration.LensModel;
import dev.touchline.sensor.pitch.PitchDimensions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated broadcast camera: a wide master camera high on the main stand that sees the whole pitch, 1920 ×
 * 1080 px with barrel distortion, and the pitch landmarks an operator would click in its picture. Camera
 * coordinates have their origin at the near-left corner (x along the touchline, y into the pitch, z up), as the
 * calibration module's scenes do; {@link #toCorner} converts from CDF.
 */
public final class BroadcastCamera {
    /** Image width, px. */
    public static final int WIDTH_PX = 1920;
    /** Image height, px. */
    public static final int HEIGHT_PX = 1080;

    private final Camera truth;
    private final PitchDimensions pitch;

    private BroadcastCamera(Camera truth, PitchDimensions pitch) {
        this.truth = truth;
        this.pitch = pitch;
    }

    /** The master camera for a pitch: 48 m behind the near touchline's midpoint, 34 m up, f 880 px, k1 −0.06. */
    public static BroadcastCamera master(PitchDimensions pitch) {
        double l = pitch.lengthMetres();
        double w = pitch.widthMetres();
        double f = 880;
        double[] p = lookAt(f, WIDTH_PX / 2.0, HEIGHT_PX / 2.0, new double[] {l / 2, -48, 34},
                new double[] {l / 2, 0.45 * w, 0});
        return new BroadcastCamera(Camera.of(CameraModel.SQUARE_PIXEL_K1K2, p,
                LensModel.of(WIDTH_PX / 2.0, HEIGHT_PX / 2.0, f, -0.06, 0.01)), pitch);
    }

    /** The true camera. */
    public Camera truth() {
        return truth;
    }

    /** CDF pitch coordinates to the camera's corner-origin ones. Modified: out (x, y). */
    public void toCorner(double xCdf, double yCdf, double[] out) {
        out[0] = xCdf + pitch.halfLength();
        out[1] = yCdf + pitch.halfWidth();
    }

    /** Whether a pixel is inside the picture (with a 2 px border). */
    public static boolean inFrame(double u, double v) {
        return u >= 2 && u <= WIDTH_PX - 2 && v >= 2 && v <= HEIGHT_PX - 2;
    }

    /**
     * The landmarks of the pitch markings (corners, box and goal-area corners, penalty spots, centre circle
     * points, goal crossbar ends, corner-flag tops, advertising-board feet) seen in the picture, with Gaussian
     * click noise.
     *
     * @param sigmaPx click noise, px
     * @param seed noise seed
     */
    public List<Landmark> landmarks(double sigmaPx, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Landmark> out = new ArrayList<>();
        double[] uv = new double[2];
        int k = 0;
        for (double[] q : pitchLandmarks(pitch)) {
            truth.project(q[0], q[1], q[2], uv);
            if (inFrame(uv[0], uv[1])) {
                out.add(new Landmark("L" + k, q[0], q[1], q[2], uv[0] + sigmaPx * gaussian(random),
                        uv[1] + sigmaPx * gaussian(random)));
            }
            k++;
        }
        return out;
    }

    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Landmark positions in corner coordinates, metres. */
    static List<double[]> pitchLandmarks(PitchDimensions pitch) {
        double l = pitch.lengthMetres();
        double w = pitch.widthMetres();
        double c = w / 2;
        List<double[]> p = new ArrayList<>();
        for (double x : new double[] {0, l}) {
            double in = x == 0 ? 1 : -1;
            p.add(new double[] {x, 0, 0});
            p.add(new double[] {x, w, 0});
            for (double y : new double[] {c - 20.16, c + 20.16}) {
                p.add(new double[] {x, y, 0});
                p.add(new double[] {x + in * 16.5, y, 0});
            }
            for (double y : new double[] {c - 9.16, c + 9.16}) {
                p.add(new double[] {x, y, 0});
                p.add(new double[] {x + in * 5.5, y, 0});
            }
            p.add(new double[] {x + in * 11, c, 0});
            p.add(new double[] {x, c - 3.66, 2.44});
            p.add(new double[] {x, c + 3.66, 2.44});
            p.add(new double[] {x, 0, 1.5});
            p.add(new double[] {x, w, 1.5});
        }
        p.add(new double[] {l / 2, 0, 0});
        p.add(new double[] {l / 2, w, 0});
        p.add(new double[] {l / 2, c, 0});
        p.add(new double[] {l / 2, c - 9.15, 0});
        p.add(new double[] {l / 2, c + 9.15, 0});
        p.add(new double[] {l / 2 - 9.15, c, 0});
        p.add(new double[] {l / 2 + 9.15, c, 0});
        for (double x = 10; x <= l - 10; x += 15) {
            p.add(new double[] {x, -3, 0.9});
        }
        return p;
    }

    /** P = K R [I | −C] for a camera at {@code centre} looking at {@code target}, z up, square pixels. */
    static double[] lookAt(double f, double cx, double cy, double[] centre, double[] target) {
        double[] fwd = unit(new double[] {target[0] - centre[0], target[1] - centre[1], target[2] - centre[2]});
        double[] right = unit(cross(fwd, new double[] {0, 0, 1}));
        double[] down = cross(fwd, right);
        double[][] r = {right, down, fwd};
        double[][] k = {{f, 0, cx}, {0, f, cy}, {0, 0, 1}};
        double[] p = new double[12];
        for (int i = 0; i < 3; i++) {
            double[] m = new double[3];
            for (int j = 0; j < 3; j++) {
                for (int t = 0; t < 3; t++) {
                    m[j] += k[i][t] * r[t][j];
                }
            }
            p[4 * i] = m[0];
            p[4 * i + 1] = m[1];
            p[4 * i + 2] = m[2];
            p[4 * i + 3] = -(m[0] * centre[0] + m[1] * centre[1] + m[2] * centre[2]);
        }
        return p;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] unit(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
