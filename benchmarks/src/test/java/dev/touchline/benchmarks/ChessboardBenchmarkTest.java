package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.ChessboardCorners;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChessboardBenchmarkTest {
    /** The kernel finds the rendered board's 54 corners to a tenth of a pixel (deterministic rendering, no seed). */
    @Test
    void renderedBoardIsFoundToATenthOfAPixel() throws IOException, CalibrationException {
        ChessboardBenchmark b = new ChessboardBenchmark();
        b.source = "rendered";
        b.setUp();
        ChessboardWorkload w = new ChessboardWorkload("rendered");
        ChessboardCorners corners = b.detectAndRefine();
        assertEquals(54, corners.u().length);
        double[] e = new double[54];
        for (int i = 0; i < 54; i++) {
            e[i] = Math.hypot(corners.u()[i] - w.trueU[i], corners.v()[i] - w.trueV[i]);
        }
        Arrays.sort(e);
        assertTrue(e[27] < 0.05 && e[53] < 0.1, "median " + e[27] + " px, max " + e[53] + " px");
    }
}
