package dev.touchline.calibration;

import dev.touchline.testdata.RealData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChessboardDetectorTest {
    static final String[] IMAGES = {"left01.jpg", "left02.jpg", "left03.jpg", "left04.jpg", "left05.jpg",
        "left06.jpg", "left07.jpg", "left08.jpg", "left09.jpg", "left11.jpg", "left12.jpg", "left13.jpg",
        "left14.jpg"};

    /**
     * A 10 × 7-square board (9 × 6 inner corners, 30 px squares) seen through a homography, rendered with 8 × 8
     * supersampling; pixel centres at integer coordinates. Returns the image; the true corners go into u, v.
     */
    static BufferedImage render(double[] h, double[] u, double[] v) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        double[] inv = Mat3.inverse(h);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                double sum = 0;
                for (int sy = 0; sy < 8; sy++) {
                    for (int sx = 0; sx < 8; sx++) {
                        double px = x - 0.5 + (sx + 0.5) / 8;
                        double py = y - 0.5 + (sy + 0.5) / 8;
                        double w = inv[6] * px + inv[7] * py + inv[8];
                        double bx = (inv[0] * px + inv[1] * py + inv[2]) / w;
                        double by = (inv[3] * px + inv[4] * py + inv[5]) / w;
                        double value = 230; // white margin
                        if (bx >= -1 && bx < 9 && by >= -1 && by < 6) {
                            boolean dark = (((int) Math.floor(bx + 1)) + ((int) Math.floor(by + 1))) % 2 == 0;
                            value = dark ? 25 : 230;
                        } else if (bx < -1.6 || bx > 9.6 || by < -1.6 || by > 6.6) {
                            value = 120; // background
                        }
                        sum += value;
                    }
                }
                image.getRaster().setSample(x, y, 0, (int) Math.round(sum / 64));
            }
        }
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 9; c++) {
                double w = h[6] * c + h[7] * r + h[8];
                u[r * 9 + c] = (h[0] * c + h[1] * r + h[2]) / w;
                v[r * 9 + c] = (h[3] * c + h[4] * r + h[5]) / w;
            }
        }
        return image;
    }

    @Test
    void findsARenderedBoardToATwentiethOfAPixel() throws CalibrationException {
        double[] h = {32, 6, 170, -5, 30, 120, 0.0004, 0.0009, 1}; // board squares -> pixels, with perspective
        double[] u = new double[54];
        double[] v = new double[54];
        BufferedImage image = render(h, u, v);
        ChessboardCorners found = ChessboardDetector.of(9, 6).detect(image);
        double[] e = new double[54];
        for (int i = 0; i < 54; i++) {
            e[i] = Math.hypot(found.u()[i] - u[i], found.v()[i] - v[i]);
        }
        Arrays.sort(e);
        assertTrue(e[27] < 0.05 && e[53] < 0.1, "median " + e[27] + " max " + e[53]);
        ChessboardCorners shifted = ChessboardDetector.of(9, 6, ChessboardDetector.PixelConvention.CORNER_AT_INTEGER,
                11).detect(image);
        assertEquals(found.u()[10] + 0.5, shifted.u()[10], 1e-12);
        assertEquals(found.v()[10] + 0.5, shifted.v()[10], 1e-12);
    }

    @Test
    void wrongSizeNonImagesAndEmptyImagesAreRefused(@TempDir Path dir) throws IOException {
        double[] u = new double[54];
        double[] v = new double[54];
        BufferedImage image = render(new double[] {32, 6, 170, -5, 30, 120, 0.0004, 0.0009, 1}, u, v);
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> ChessboardDetector.of(7, 6).detect(image));
        assertTrue(e.getMessage().contains("no 7 x 6 chessboard"), e.getMessage());
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image");
        e = assertThrows(CalibrationException.class, () -> ChessboardDetector.of(9, 6).detect(text));
        assertTrue(e.getMessage().contains("notes.jpg") && e.getMessage().contains("not an image"), e.getMessage());
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        assertThrows(CalibrationException.class, () -> ChessboardDetector.of(9, 6).detect(grey));
    }

    /** OpenCV's sample boards: all 13 found; corners against OpenCV 4.6 cornerSubPix (same pixel convention). */
    @Tag("realdata")
    @Test
    void opencvSampleBoardsMatchCornerSubPix() throws IOException {
        Path reference = RealData.require("calibration/opencv_chessboard/left_corners_cornerSubPix.csv");
        List<String> ref = Files.readAllLines(reference);
        ChessboardDetector detector = ChessboardDetector.of(9, 6);
        double[] all = new double[IMAGES.length * 54];
        int k = 0;
        for (String name : IMAGES) {
            ChessboardCorners corners = detector.detect(reference.resolveSibling(name));
            for (String line : ref) {
                if (!line.startsWith(name + ",")) {
                    continue;
                }
                String[] f = line.split(",");
                double u = Double.parseDouble(f[6]);
                double v = Double.parseDouble(f[7]);
                double best = Double.POSITIVE_INFINITY; // OpenCV numbers the symmetric board its own way: match
                for (int i = 0; i < 54; i++) {
                    best = Math.min(best, Math.hypot(corners.u()[i] - u, corners.v()[i] - v));
                }
                all[k++] = best;
            }
        }
        assertEquals(IMAGES.length * 54, k);
        Arrays.sort(all);
        double median = all[all.length / 2];
        double p95 = all[(int) (0.95 * all.length)];
        System.out.printf("OpenCV boards: median %.5f px, 95th pct %.5f px, max %.3f px over %d corners%n", median,
                p95, all[all.length - 1], all.length);
        assertTrue(median <= 0.1, "median " + median);
        assertTrue(p95 <= 0.1, "95th percentile " + p95);
    }
}
