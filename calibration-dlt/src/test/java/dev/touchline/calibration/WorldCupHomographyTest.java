package dev.touchline.calibration;

import dev.touchline.testdata.RealData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * WorldCup 2014 (Homayounfar et al., CVPR 2017) train/val homographies, template (115 × 74 yd, origin top-left,
 * y down) to 1280 × 720 image: each decomposed into a square-pixel camera with the principal point at the centre.
 */
@Tag("realdata")
class WorldCupHomographyTest {
    @Test
    void decomposesEveryHomographyIntoABroadcastCamera() throws IOException {
        Path file = RealData.require("calibration/worldcup2014_SCCvSD/worldcup2014_train_val_homographies.csv");
        List<String> lines = Files.readAllLines(file);
        List<Double> focals = new ArrayList<>();
        List<Double> closedFormFocals = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        double worstRoundTripPx = 0;
        double[] cameraVsHomographyPx = new double[lines.size() - 1];
        int row = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] h = new double[9];
            for (int i = 0; i < 9; i++) {
                h[i] = Double.parseDouble(f[i + 1]);
            }
            Homography homography = Homography.of(h, 57.5, 37);
            double[] xy = new double[2];
            double[] uv = new double[2];
            double worstHere = 0;
            for (double u = 0; u <= 1280; u += 160) {
                for (double v = 360; v <= 720; v += 60) { // lower half: the pitch, below the horizon
                    homography.pixelToPlane(u, v, 0, xy);
                    if (Double.isNaN(xy[0])) {
                        continue;
                    }
                    homography.project(xy[0], xy[1], 0, uv);
                    worstRoundTripPx = Math.max(worstRoundTripPx, Math.hypot(uv[0] - u, uv[1] - v));
                }
            }
            try {
                Camera closedForm = SquarePixelCamera.fromHomography(homography, 640, 360);
                Camera camera = SquarePixelCamera.fitToHomography(homography, 640, 360, 1280, 720);
                focals.add(camera.decompose().fx());
                closedFormFocals.add(closedForm.decompose().fx());
                double[] a = new double[2];
                for (double x = 0; x <= 115; x += 11.5) {
                    for (double y = 0; y <= 74; y += 7.4) {
                        homography.project(x, y, 0, uv);
                        if (!(uv[0] >= 0 && uv[0] <= 1280 && uv[1] >= 0 && uv[1] <= 720)) {
                            continue;
                        }
                        camera.project(x, y, 0, a);
                        worstHere = Math.max(worstHere, Math.hypot(a[0] - uv[0], a[1] - uv[1]));
                    }
                }
            } catch (CalibrationException e) {
                failures.add(f[0] + ": " + e.getMessage());
            }
            cameraVsHomographyPx[row++] = worstHere;
        }
        double[] fs = focals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(fs).average().orElse(Double.NaN);
        double median = fs[fs.length / 2];
        Arrays.sort(cameraVsHomographyPx);
        double closedMean = closedFormFocals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        String summary = String.format(Locale.ROOT,
                "closed form focal mean %.0f px; %d homographies, %d decomposed, focal mean %.0f px, median %.0f, min %.0f, max %.0f; "
                        + "camera vs homography in frame: median worst %.2f px, 90th pct %.2f px; round trip %.2e px",
                closedMean, lines.size() - 1, fs.length, mean, median, fs[0], fs[fs.length - 1],
                cameraVsHomographyPx[cameraVsHomographyPx.length / 2],
                cameraVsHomographyPx[(int) (0.9 * cameraVsHomographyPx.length)], worstRoundTripPx);
        System.out.println(summary);
        assertEquals(209, lines.size() - 1);
        assertTrue(worstRoundTripPx < 1e-9, summary);
        assertTrue(failures.size() <= 5, failures + "; " + summary);
        assertTrue(mean > 2500 && mean < 3500, summary);
        // 8 degrees of freedom against 7: the homographies are close to, not exactly, square-pixel cameras.
        assertTrue(cameraVsHomographyPx[cameraVsHomographyPx.length / 2] < 10, summary);
    }
}
