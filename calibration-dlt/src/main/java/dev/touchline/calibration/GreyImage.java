package dev.touchline.calibration;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A greyscale image as a row-major double array (0–255), with bilinear sampling. Pixel (x, y) is at index y·w+x. */
final class GreyImage {
    final int width;
    final int height;
    final double[] data;

    GreyImage(int width, int height, double[] data) {
        this.width = width;
        this.height = height;
        this.data = data;
    }

    /** Reads a JPEG/PNG through javax.imageio; colour is converted to luma (Rec. 601 weights). */
    static GreyImage read(Path path) throws CalibrationException {
        BufferedImage image;
        try {
            if (!Files.isRegularFile(path)) {
                throw new CalibrationException(path + ": no such file");
            }
            image = ImageIO.read(path.toFile());
        } catch (IOException e) {
            throw new CalibrationException(path + ": cannot be read as an image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new CalibrationException(path + ": not an image javax.imageio can read (JPEG, PNG, BMP, GIF)");
        }
        return of(image);
    }

    static GreyImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] d = new double[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            var raster = image.getRaster();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[y * w + x] = raster.getSample(x, y, 0);
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    d[y * w + x] = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                }
            }
        }
        return new GreyImage(w, h, d);
    }

    /** Bilinear sample with clamping at the border. */
    double sample(double x, double y) {
        double cx = Math.max(0, Math.min(width - 1.000001, x));
        double cy = Math.max(0, Math.min(height - 1.000001, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        double fx = cx - x0;
        double fy = cy - y0;
        int i = y0 * width + x0;
        double top = data[i] + fx * (data[i + 1] - data[i]);
        double bottom = data[i + width] + fx * (data[i + width + 1] - data[i + width]);
        return top + fy * (bottom - top);
    }

    /** Separable Gaussian blur. */
    GreyImage blur(double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int w = width;
        int h = height;
        int span = w - 2 * r;
        // Interior pixels are accumulated tap by tap over whole rows, each tap's operands copied to index 0 first:
        // loops whose arrays share one index vectorise on C2, loops with offset indices do not (JDK 17). The
        // per-pixel summation order is the same as a plain dot product, so the result is bit-identical. Pixels
        // within r of the border use clamped indices.
        double[][] tmp = new double[h][w];
        double[] shifted = new double[Math.max(span, 0)];
        double[] acc = new double[Math.max(span, 0)];
        for (int y = 0; y < h; y++) {
            double[] t = tmp[y];
            int row = y * w;
            if (span > 0) {
                java.util.Arrays.fill(acc, 0);
                for (int i = 0; i <= 2 * r; i++) {
                    double ki = k[i];
                    System.arraycopy(data, row + i, shifted, 0, span);
                    for (int x = 0; x < span; x++) {
                        acc[x] += ki * shifted[x];
                    }
                }
                System.arraycopy(acc, 0, t, r, span);
            }
            for (int x = 0; x < w; x++) {
                if (x >= r && x < w - r) {
                    continue;
                }
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.max(0, Math.min(w - 1, x + i));
                    s += k[i + r] * data[row + xx];
                }
                t[x] = s;
            }
        }
        double[] out = new double[data.length];
        double[] line = new double[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(line, 0);
            for (int i = -r; i <= r; i++) {
                double ki = k[i + r];
                double[] src = tmp[Math.max(0, Math.min(h - 1, y + i))];
                for (int x = 0; x < w; x++) {
                    line[x] += ki * src[x];
                }
            }
            System.arraycopy(line, 0, out, y * w, w);
        }
        return new GreyImage(width, height, out);
    }
}
