package dev.touchline.testdata;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds real recordings for tests tagged {@code realdata}. They live outside the repository, in the folder named by
 * the environment variable {@code TOUCHLINE_DATA}: where it is unset the test is skipped with a message; where it
 * is set and a file is missing, the test fails.
 */
public final class RealData {
    /** The environment variable naming the data folder. */
    public static final String VARIABLE = "TOUCHLINE_DATA";

    private RealData() {
    }

    /** The path of a recording relative to the data folder; skips the test when the variable is unset. */
    public static Path require(String relative) {
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
