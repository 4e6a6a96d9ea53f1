package dev.touchline.calibration;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds real recordings for tests tagged {@code realdata} (same logic as sensor-model's test helper): the folder is
 * named by {@code TOUCHLINE_DATA}; unset skips the test with a message, set with a missing file fails it.
 */
final class RealData {
    static final String VARIABLE = "TOUCHLINE_DATA";

    private RealData() {
    }

    static Path require(String relative) {
        String root = System.getenv(VARIABLE);
        Assumptions.assumeTrue(root != null && !root.isBlank(),
                VARIABLE + " is not set: skipping a test that reads " + relative);
        Path path = Path.of(root).resolve(relative);
        if (!Files.isRegularFile(path)) {
            fail(VARIABLE + "=" + root + " but " + relative + " is missing");
        }
        return path;
    }
}
