package dev.touchline.cli.demo.pipeline;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything one run of the pipeline produced, for the report and the tests. A stage that did not run is
 * {@code null} and {@link #skipped()} says why.
 *
 * @param title what the session is
 * @param settings the demo settings, or {@code null} for {@code touchline process}
 * @param versions component name to version
 * @param gnss GNSS codec and physical totals
 * @param fusion wearable fusion
 * @param calibration camera calibration
 * @param tracking tracking and re-identification
 * @param storage database load and queries
 * @param parquet the GNSS tracks exported to Parquet
 * @param stageSeconds wall-clock per stage, s, in pipeline order
 * @param skipped stage name to the reason it did not run
 */
public record SessionReport(String title, @Nullable DemoSettings settings, Map<String, String> versions,
                            @Nullable GnssResult gnss, @Nullable FusionResult fusion,
                            @Nullable CalibrationResult calibration, @Nullable TrackingResult tracking,
                            @Nullable StorageResult storage, @Nullable ParquetResult parquet,
                            Map<String, Double> stageSeconds,
                            Map<String, String> skipped) {
    /** Copies the maps. */
    public SessionReport {
        versions = copy(versions);
        stageSeconds = copy(stageSeconds);
        skipped = copy(skipped);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    /** Total wall-clock of the stages, s. */
    public double totalSeconds() {
        return stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Names of the stages that ran. */
    public List<String> stagesRun() {
        return List.copyOf(stageSeconds.keySet());
    }
}
