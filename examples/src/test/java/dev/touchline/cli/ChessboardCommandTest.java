package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChessboardCommandTest {

    /**
     * Renders a 9 × 6-inner-corner board (25 mm squares) seen by K = [540 0 320; 0 540 240; 0 0 1] with the board
     * rotated by (ax, ay) radians about its x and y axes at 0.45 m; 4 × 4 supersampling.
     */
    static BufferedImage render(double ax, double ay) {
        double ca = Math.cos(ax);
        double sa = Math.sin(ax);
        double cb = Math.cos(ay);
        double sb = Math.sin(ay);
        // R = Ry(ay) Rx(ax); columns r1, r2 and t for board points (x, y, 0) in metres, centred on the board.
        double[] r1 = {cb, 0, -sb};
        double[] r2 = {sb * sa, ca, cb * sa};
        double[] t = {0, 0, 0.45};
        double[] h = new double[9];
        double[][] cols = {r1, r2, t};
        for (int c = 0; c < 3; c++) {
            h[c] = 540 * cols[c][0] + 320 * cols[c][2];
            h[3 + c] = 540 * cols[c][1] + 240 * cols[c][2];
            h[6 + c] = cols[c][2];
        }
        double det = h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6])
                + h[2] * (h[3] * h[7] - h[4] * h[6]);
        double[] inv = {(h[4] * h[8] - h[5] * h[7]) / det, (h[2] * h[7] - h[1] * h[8]) / det,
            (h[1] * h[5] - h[2] * h[4]) / det, (h[5] * h[6] - h[3] * h[8]) / det, (h[0] * h[8] - h[2] * h[6]) / det,
            (h[2] * h[3] - h[0] * h[5]) / det, (h[3] * h[7] - h[4] * h[6]) / det, (h[1] * h[6] - h[0] * h[7]) / det,
            (h[0] * h[4] - h[1] * h[3]) / det};
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                double sum = 0;
                for (int s = 0; s < 16; s++) {
                    double px = x - 0.5 + ((s % 4) + 0.5) / 4;
                    double py = y - 0.5 + ((s / 4) + 0.5) / 4;
                    double w = inv[6] * px + inv[7] * py + inv[8];
                    double bx = (inv[0] * px + inv[1] * py + inv[2]) / w / 0.025 + 4; // squares, corner 0 at 0
                    double by = (inv[3] * px + inv[4] * py + inv[5]) / w / 0.025 + 2.5;
                    double value = 110;
                    if (bx >= -1 && bx < 9 && by >= -1 && by < 6) {
                        value = ((int) Math.floor(bx + 1) + (int) Math.floor(by + 1)) % 2 == 0 ? 30 : 225;
                    } else if (bx >= -1.7 && bx < 9.7 && by >= -1.7 && by < 6.7) {
                        value = 225;
                    }
                    sum += value;
                }
                image.getRaster().setSample(x, y, 0, (int) Math.round(sum / 16));
            }
        }
        return image;
    }

    @Test
    void chessboardWritesCornersAndCalibrateIntrinsicsRecoversTheFocalLength(@TempDir Path dir) throws IOException {
        double[][] tilts = {{0.35, 0}, {-0.35, 0}, {0, 0.35}, {0, -0.35}, {0.25, 0.25}, {-0.25, 0.3}};
        Path images = dir.resolve("views");
        Files.createDirectories(images);
        for (int i = 0; i < tilts.length; i++) {
            ImageIO.write(render(tilts[i][0], tilts[i][1]), "png", images.resolve("view" + i + ".png").toFile());
        }
        Files.writeString(images.resolve("broken.png"), "not an image");
        Path corners = dir.resolve("corners.csv");
        CliResult r = CliResult.run("chessboard", "--image", images.resolve("view0.png").toString(), "--cols", "9",
                "--rows",
                "6", "--out", corners.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(corners);
        assertEquals("corner_index,col,row,u_px,v_px", rows.get(0));
        assertEquals(55, rows.size());
        assertTrue(rows.get(10).startsWith("9,0,1,"), rows.get(10));

        r = CliResult.run("calibrate-intrinsics", "--images", images.toString(), "--cols", "9", "--rows", "6",
                "--square-m",
                "0.025", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(540, json.get("fx_px").asDouble(), 5.4, r.out());
        assertEquals(540, json.get("fy_px").asDouble(), 5.4, r.out());
        assertTrue(json.get("rms_px").asDouble() < 0.1, r.out());
        assertEquals(6, json.get("images_used").size());
        assertTrue(json.get("images_skipped").get(0).asText().contains("broken.png"), r.out());
    }

    @Test
    void badImagesExitWithThreeAndWriteNothing(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image");
        Path corners = dir.resolve("corners.csv");
        CliResult r = CliResult.run("chessboard", "--image", text.toString(), "--cols", "9", "--rows", "6", "--out",
                corners.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("notes.jpg") && r.err().contains("not an image"), r.err());
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
        r = CliResult.run("chessboard", "--image", blank.toString(), "--cols", "9", "--rows", "6", "--out",
                corners.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("no 9 x 6 chessboard"), r.err());
        assertFalse(Files.exists(corners));
        r = CliResult.run("chessboard", "--image", blank.toString(), "--cols", "1", "--rows", "6", "--out",
                corners.toString());
        assertEquals(2, r.code());
    }

    /** A folder where no image shows the board: exit 3 naming every file and why it was skipped. */
    @Test
    void intrinsicsWithoutAnyBoardExitWithThreeNamingTheSkippedFiles(@TempDir Path dir) throws IOException {
        Path images = dir.resolve("views");
        Files.createDirectories(images);
        Files.writeString(images.resolve("broken.png"), "not an image");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY), "png",
                images.resolve("blank.png").toFile());
        CliResult r = CliResult.run("calibrate-intrinsics", "--images", images.toString(), "--cols", "9", "--rows",
                "6", "--square-m", "0.025");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("broken.png") && r.err().contains("not an image"), r.err());
        assertTrue(r.err().contains("blank.png") && r.err().contains("no 9 x 6 chessboard"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one-line error: " + r.err());
    }
}
