package dev.touchline.fusion.ahrs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.testdata.RealData;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BROAD trials 02 (slow rotation) and 24 (tapping), errors as defined in {@link OrientationErrors}. The
 * complementary filter and Mahony must reach 6-D inclination RMSE ≤ 1.0°. Plain Madgwick (no bias estimate, no
 * rejection) measures 0.62° / 1.10° with β = 0.05 (lower or higher β is worse on trial 24): it is held to ≤ 1.2°,
 * the README's range for a 6-D Madgwick, so a regression still fails. 9-D errors are printed and bounded loosely.
 * Deterministic: no random input.
 */
@Tag("realdata")
class BroadRealDataTest {
    private static final String[] NAMES = {"madgwick", "mahony", "complementary"};
    private static final double[] LIMITS_6D = {1.2, 1.0, 1.0};

    static Supplier<OrientationFilter> filter(String name) {
        return switch (name) {
            case "madgwick" -> () -> new MadgwickFilter(0.05);
            case "mahony" -> () -> new MahonyFilter(0.5, 0.01);
            default -> () -> ComplementaryFilter.builder().build();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"02_undisturbed_slow_rotation_B.csv.gz", "24_disturbed_tapping_A.csv.gz"})
    void inclinationErrorOnMovementSamples(String file) throws IOException {
        BroadTrial trial = BroadTrial.read(RealData.require("fusion/broad/" + file));
        for (int k = 0; k < NAMES.length; k++) {
            Supplier<OrientationFilter> f = filter(NAMES[k]);
            OrientationErrors six = OrientationErrors.of(trial, OrientationErrors.run(trial, f.get(), false));
            OrientationErrors nine = OrientationErrors.of(trial, OrientationErrors.run(trial, f.get(), true));
            System.out.printf("BROAD %s %-13s 6-D inclination %.3f deg | 9-D inclination %.3f heading %.3f total %.3f"
                    + " deg (%d samples)%n", file.substring(0, 2), NAMES[k], six.inclinationRmseDeg(),
                    nine.inclinationRmseDeg(), nine.headingRmseDeg(), nine.totalRmseDeg(), six.samples());
            assertTrue(six.samples() > 30_000, "too few samples used: " + six.samples());
            assertTrue(six.inclinationRmseDeg() <= LIMITS_6D[k], NAMES[k] + " 6-D inclination RMSE "
                    + six.inclinationRmseDeg() + " deg on " + file + ", limit " + LIMITS_6D[k]);
            assertTrue(nine.totalRmseDeg() <= 3.0, NAMES[k] + " 9-D total RMSE " + nine.totalRmseDeg() + " deg on "
                    + file);
        }
    }
}
