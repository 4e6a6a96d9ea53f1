package dev.touchline.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Inputs for the chessboard benchmark, decoded once (JPEG decoding is not part of the measured operation): either
 * a rendered 640 × 480 greyscale view of a 10 × 7-square board (9 × 6 inner corners, about 30 px squares, with
 * perspective, 4 × 4 supersampled) whose true corners are known, or the 13 OpenCV sample boards (640 × 480, 9 × 6
 * inner corners) read from {@code TOUCHLINE_DATA/calibration/opencv_chessboard}.
 */
public final class ChessboardWorkload {
    /** The OpenCV sample images that show the whole board (left10 is not in the set). */
    static final String[] OPENCV_IMAGES = {"left01.jpg", "left02.jpg", "left03.jpg", "left04.jpg", "left05.jpg",
        "left06.jpg", "left07.jpg", "left08.jpg", "left09.jpg", "left11.jpg", "left12.jpg", "left13.jpg",
        "left14.jpg"};
    /** Board squares (column, row of inner corners) to pixels, with perspective. */
    static final double[] RENDER_HOMOGRAPHY = {32, 6, 170, -5, 30, 120, 0.0004, 0.0009, 1};

    /** The images, one detection each per benchmark operation in turn. */
    public final List<BufferedImage> images = new ArrayList<>();
    /** True inner corners of the rendered board (row-major, 54), pixels, integer = pixel centre; empty for OpenCV. */
    public final double[] trueU;
    /** See {@link #trueU}. */
    public final double[] trueV;

    /**
     * @param source "rendered" or "opencv"
     * @throws IOException when an OpenCV image cannot be read
     */
    public ChessboardWorkload(String source) throws IOException {
        if (source.equals("rendered")) {
            trueU = new double[54];
            trueV = new double[54];
            images.add(render(RENDER_HOMOGRAPHY, trueU, trueV));
        } else if (source.equals("opencv")) {
            trueU = new double[0];
            trueV = new double[0];
            String root = System.getenv("TOUCHLINE_DATA");
            if (root == null || root.isBlank()) {
                throw new IllegalStateException("set TOUCHLINE_DATA to the shared data folder to benchmark the "
                        + "OpenCV sample boards");
            }
            for (String name : OPENCV_IMAGES) {
                Path file = Path.of(root, "calibration", "opencv_chessboard", name);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("TOUCHLINE_DATA=" + root + " but " + file + " is missing");
                }
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null) {
                    throw new IOException(file + ": not an image");
                }
                images.add(image);
            }
        } else {
            throw new IllegalArgumentException("source must be rendered or opencv, got " + source);
        }
    }

    /** Renders the board through homography h into a 640 × 480 greyscale image; writes the true corners. */
    static BufferedImage render(double[] h, double[] u, double[] v) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        double[] inv = inverse(h);
        int ss = 4;
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                double sum = 0;
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        double px = x - 0.5 + (sx + 0.5) / ss;
                        double py = y - 0.5 + (sy + 0.5) / ss;
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
                image.getRaster().setSample(x, y, 0, (int) Math.round(sum / (ss * ss)));
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

    /** Inverse of a 3 × 3 row-major matrix by cofactors. */
    private static double[] inverse(double[] m) {
        double a = m[4] * m[8] - m[5] * m[7];
        double b = m[5] * m[6] - m[3] * m[8];
        double c = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * a + m[1] * b + m[2] * c;
        return new double[] {
            a / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            b / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            c / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
        };
    }
}
