package dev.touchline.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random broadcast cameras over a 105 × 68 m pitch (origin at a corner, z up): 1920 × 1080, focal 1300–2600 px,
 * principal point within 8 px of the centre, k1 −0.03…−0.12 and a small k2, placed 20–50 m behind the near
 * touchline at 12–35 m height and aimed at a random point of the pitch. Landmarks are the line intersections,
 * spots and goal/flag tops a user would click, kept where they fall inside the frame.
 */
final class RandomBroadcastScenes {
    record Scene(Camera truth, List<Landmark> visible, List<double[]> checkPoints) {
    }

    private RandomBroadcastScenes() {
    }

    static List<double[]> pitchLandmarks() {
        List<double[]> p = new ArrayList<>();
        double[] xs = {0, 105};
        for (double x : xs) {
            double in = x == 0 ? 1 : -1;
            p.add(new double[] {x, 0, 0});
            p.add(new double[] {x, 68, 0});
            for (double y : new double[] {13.84, 54.16}) {
                p.add(new double[] {x, y, 0});
                p.add(new double[] {x + in * 16.5, y, 0});
            }
            for (double y : new double[] {24.84, 43.16}) {
                p.add(new double[] {x, y, 0});
                p.add(new double[] {x + in * 5.5, y, 0});
            }
            p.add(new double[] {x + in * 11, 34, 0});
            p.add(new double[] {x, 30.34, 2.44});
            p.add(new double[] {x, 37.66, 2.44});
            p.add(new double[] {x, 0, 1.5});
            p.add(new double[] {x, 68, 1.5});
        }
        p.add(new double[] {52.5, 0, 0});
        p.add(new double[] {52.5, 68, 0});
        p.add(new double[] {52.5, 34, 0});
        p.add(new double[] {52.5, 24.85, 0});
        p.add(new double[] {52.5, 43.15, 0});
        p.add(new double[] {43.35, 34, 0});
        p.add(new double[] {61.65, 34, 0});
        for (double x = 10; x <= 95; x += 15) {
            p.add(new double[] {x, -3, 0.9});
        }
        return p;
    }

    /** A scene with at least {@code minimumVisible} visible landmarks (re-drawn until it has them). */
    static Scene draw(Random random, int minimumVisible) {
        while (true) {
            double f = 1300 + 1300 * random.nextDouble();
            double cx = 960 + 16 * (random.nextDouble() - 0.5);
            double cy = 540 + 16 * (random.nextDouble() - 0.5);
            double[] centre = {30 + 45 * random.nextDouble(), -20 - 30 * random.nextDouble(),
                12 + 23 * random.nextDouble()};
            double[] target = {15 + 75 * random.nextDouble(), 15 + 40 * random.nextDouble(), 0};
            double k1 = -0.03 - 0.09 * random.nextDouble();
            double k2 = 0.02 * random.nextDouble();
            double[] p = SyntheticCameras.lookAt(f, cx, cy, centre, target);
            Camera truth = Camera.of(CameraModel.SQUARE_PIXEL_K1K2, p, LensModel.of(cx, cy, f, k1, k2));
            List<double[]> visible = new ArrayList<>();
            for (double[] q : pitchLandmarks()) {
                if (inFrame(truth, q)) {
                    visible.add(q);
                }
            }
            if (visible.size() < minimumVisible) {
                continue;
            }
            List<double[]> check = new ArrayList<>();
            for (double x = 2.5; x < 105; x += 5) {
                for (double y = 2; y < 68; y += 4) {
                    double[] q = {x, y, 0};
                    if (inFrame(truth, q)) {
                        check.add(q);
                    }
                }
            }
            if (check.size() < 20) {
                continue;
            }
            Collections.shuffle(visible, random);
            return new Scene(truth, SyntheticCameras.observe(truth, visible, 0.5, random.nextLong()), check);
        }
    }

    private static boolean inFrame(Camera camera, double[] q) {
        double[] uv = new double[2];
        camera.projectIdeal(q[0], q[1], q[2], uv);
        if (!(uv[0] > 20 && uv[0] < 1900 && uv[1] > 20 && uv[1] < 1060)) {
            return false;
        }
        camera.project(q[0], q[1], q[2], uv);
        return uv[0] > 20 && uv[0] < 1900 && uv[1] > 20 && uv[1] < 1060;
    }

    /** Median ground error of the check points' true pixels through a fitted camera, metres. */
    static double checkMedianM(Scene scene, PitchProjection fitted) {
        double[] uv = new double[2];
        double[] xy = new double[2];
        double[] e = new double[scene.checkPoints().size()];
        for (int i = 0; i < e.length; i++) {
            double[] q = scene.checkPoints().get(i);
            scene.truth().project(q[0], q[1], 0, uv);
            fitted.pixelToPlane(uv[0], uv[1], 0, xy);
            e[i] = Math.hypot(xy[0] - q[0], xy[1] - q[1]);
        }
        return new HeldOutError(e, 1).medianM();
    }
}
