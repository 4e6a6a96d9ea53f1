package dev.touchline.cli.demo.report;

import dev.touchline.cli.demo.pipeline.CalibrationResult;
import dev.touchline.cli.demo.pipeline.DemoSettings;
import dev.touchline.cli.demo.pipeline.FusionResult;
import dev.touchline.cli.demo.pipeline.GnssResult;
import dev.touchline.cli.demo.pipeline.ParquetResult;
import dev.touchline.cli.demo.pipeline.SessionReport;
import dev.touchline.cli.demo.pipeline.SpeedProfile;
import dev.touchline.cli.demo.pipeline.StorageResult;
import dev.touchline.cli.demo.pipeline.TrackingResult;
import dev.touchline.tracking.metrics.MotResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes {@code report.md}, {@code report.html} and the PNG plots of a {@link SessionReport}. */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Writes the report into {@code dir} (created if missing). Each file is written beside its final name and
     * moved into place, so an interrupted run never leaves a half-written report file.
     *
     * @return the files written, report files first
     */
    public static List<Path> write(SessionReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        ReportDocument doc = document(report, plotNames(report));
        written.add(atomic(dir.resolve("report.md"), doc.markdown()));
        written.add(atomic(dir.resolve("report.html"), doc.html(report.title())));
        ParquetResult parquet = report.parquet();
        if (parquet != null) {
            Path target = dir.resolve(parquet.fileName());
            Path tmp = dir.resolve(parquet.fileName() + ".part");
            Files.write(tmp, parquet.bytes());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        GnssResult g = report.gnss();
        FusionResult f = report.fusion();
        if (g != null) {
            for (Map.Entry<String, Chart<?, ?>> e : Plots.all(g, f == null ? new FusionResult(List.of()) : f)
                    .entrySet()) {
                Path target = dir.resolve(e.getKey());
                Path tmp = dir.resolve(e.getKey() + ".part");
                Plots.save(e.getValue(), tmp);
                // XChart appends the extension when it is missing
                Path produced = Files.exists(tmp) ? tmp : dir.resolve(e.getKey() + ".part.png");
                Files.move(produced, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
        }
        return written;
    }

    private static List<String> plotNames(SessionReport r) {
        GnssResult g = r.gnss();
        FusionResult f = r.fusion();
        if (g == null) {
            return List.of();
        }
        return List.copyOf(Plots.all(g, f == null ? new FusionResult(List.of()) : f).keySet());
    }

    private static Path atomic(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** A few lines for the terminal. */
    public static String summary(SessionReport r) {
        StringBuilder sb = new StringBuilder(r.title()).append('\n');
        GnssResult g = r.gnss();
        if (g != null) {
            sb.append(String.format(Locale.ROOT, "GNSS: %d fixes, %.2f bits/fix, round trip %s (max change %.1f cm)%n",
                    g.fixes(), g.bitsPerFix(), g.allRestoredExactly() ? "exact" : "NOT exact",
                    100 * g.maxPositionChangeMetres()));
        }
        TrackingResult t = r.tracking();
        if (t != null) {
            sb.append(String.format(Locale.ROOT, "tracking: IDSW %d, IDF1 %.3f, HOTA %.3f (%d camera cuts)%n",
                    t.idSwitches(), t.weighted(MotResult::idf1), t.weighted(MotResult::hota), t.cuts()));
        }
        CalibrationResult c = r.calibration();
        if (c != null) {
            sb.append(String.format(Locale.ROOT, "calibration: %s, held-out median %.3f m%n", c.model(),
                    c.heldOutMedianMetres()));
        }
        StorageResult s = r.storage();
        if (s != null) {
            sb.append(String.format(Locale.ROOT, "database: %d GNSS rows, %d position rows (%s)%n",
                    s.gnssRowsStored(), s.positionRowsStored(), s.database()));
        }
        sb.append(String.format(Locale.ROOT, "stages: %.1f s", r.totalSeconds()));
        return sb.toString();
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static ReportDocument document(SessionReport r, List<String> plots) {
        ReportDocument d = new ReportDocument();
        d.heading(1, "Touchline report: " + r.title());
        DemoSettings s = r.settings();
        if (s != null) {
            d.paragraph(f("Seed **%d**, %s minutes of play, %d players with wearables (IMU, ECG, PPG), a %s s camera "
                    + "cut every %s s of each half. Re-run with `./touchline demo --seed %d --minutes %s` for the same "
                    + "numbers.", s.seed(), num(s.minutes()), s.wearablePlayers(), num(s.cutSeconds()),
                    num(s.cutIntervalSeconds()), s.seed(), num(s.minutes())));
        }
        List<List<String>> versions = new ArrayList<>();
        for (Map.Entry<String, String> e : r.versions().entrySet()) {
            versions.add(List.of(e.getKey(), e.getValue()));
        }
        d.table(List.of("component", "version"), versions);
        List<List<String>> timing = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.stageSeconds().entrySet()) {
            timing.add(List.of(e.getKey(), f("%.2f", e.getValue())));
        }
        timing.add(List.of("**total**", f("%.2f", r.totalSeconds())));
        d.heading(2, "Stages").table(List.of("stage", "wall-clock s"), timing);
        gnss(d, r.gnss(), plots);
        fusion(d, r.fusion(), plots, r.settings() != null);
        tracking(d, r.tracking());
        calibration(d, r.calibration());
        storage(d, r.storage(), r.gnss());
        parquet(d, r.parquet());
        if (!r.skipped().isEmpty()) {
            d.heading(2, "Not in this report");
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, String> e : r.skipped().entrySet()) {
                rows.add(List.of(e.getKey(), e.getValue()));
            }
            d.table(List.of("stage", "why"), rows);
        }
        return d;
    }

    private static void parquet(ReportDocument d, @Nullable ParquetResult p) {
        if (p == null) {
            return;
        }
        d.heading(2, "Parquet export");
        d.paragraph(f("`%s`: %d players, %,d fixes, %,d bytes (%.2f bits per fix; no random access inside a player's "
                + "row group, unlike the `.tlg` container). Read back: %s. Columns: player_id (UUID), time "
                + "(TIMESTAMP micros, UTC), lat_deg and lon_deg (micro-degrees, DECIMAL(9,6)), speed_m_s "
                + "(DECIMAL(9,2)); DELTA_BINARY_PACKED, Snappy. DuckDB, Spark or Athena read it as it is, e.g. "
                + "`SELECT player_id, count(*) FROM '%s' GROUP BY 1`.", p.fileName(), p.players(), p.fixes(),
                p.bytes().length, p.bitsPerFix(), p.roundTripExact() ? "every track unchanged" : "NOT unchanged",
                p.fileName()));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void gnss(ReportDocument d, @Nullable GnssResult g, List<String> plots) {
        if (g == null) {
            return;
        }
        d.heading(2, "Physical output (GNSS)");
        d.paragraph(f("Every player's track was encoded with codec-gps and decoded again: %d fixes in %d bytes, "
                + "**%.2f bits per fix**; the round trip is **%s** (equal, fix for fix, to the codec's documented "
                + "quantisation: micro-degrees and 0.01 m/s)%s. A 30 s window restored through the seek table "
                + "holds %d fixes and is %s. Distance is the integral of the restored Doppler speed; a truth "
                + "column, where there is one, integrates the simulator's true 25 Hz speed.", g.fixes(), g.bytes(), g.bitsPerFix(),
                g.allRestoredExactly() ? "exact for every player" : "NOT exact",
                g.allBitIdentical() ? "; the tracks are also bit-identical to the input"
                        : f("; the input sits on the receiver's 1/6,000,000° grid, so the micro-degree rounding moves "
                        + "a fix by at most %.1f cm", 100 * g.maxPositionChangeMetres()), g.windowFixes(),
                g.windowExact() ? "exact" : "NOT exact"));
        List<String> header = new ArrayList<>(List.of("player", "km", "truth km", "error %"));
        for (String z : SpeedProfile.ZONE_NAMES) {
            header.add(z + " m");
        }
        header.addAll(List.of("sprints", "truth sprints", "top m/s", "bits/fix"));
        List<List<String>> rows = new ArrayList<>();
        for (GnssResult.PlayerGnss p : g.players()) {
            List<String> row = new ArrayList<>();
            row.add(p.player().label());
            row.add(f("%.3f", p.measured().metres() / 1000));
            SpeedProfile.Totals t = p.truth();
            row.add(t == null ? "" : f("%.3f", t.metres() / 1000));
            row.add(t == null ? "" : f("%+.2f", 100 * (p.measured().metres() / t.metres() - 1)));
            for (double z : p.measured().zoneMetres()) {
                row.add(f("%.0f", z));
            }
            row.add(String.valueOf(p.measured().sprints()));
            row.add(t == null ? "" : String.valueOf(t.sprints()));
            row.add(f("%.2f", p.measured().topSpeed()));
            row.add(f("%.2f", 8.0 * p.bytes() / Math.max(1, p.fixes())));
            rows.add(row);
        }
        d.table(header, rows);
        for (String name : List.of("distance.png", "speed_zones.png", "sprints.png", "heatmap.png",
                "trajectories.png")) {
            if (plots.contains(name)) {
                d.image(name, name.replace(".png", "").replace('_', ' '));
            }
        }
    }

    private static void fusion(ReportDocument d, @Nullable FusionResult fr, List<String> plots, boolean simulated) {
        if (fr == null || fr.players().isEmpty()) {
            return;
        }
        d.heading(2, "Wearables (fusion-core)");
        d.paragraph((simulated ? "Tibia IMU at 1 kHz (gyro 200 Hz), single-lead ECG and upper-arm PPG. "
                : "The session's IMU (imu/, gyro/), ECG (ecg/<id>.csv or a WFDB record ecg/<id>.hea) and PPG; a "
                + "player with an ECG but no IMU has heart rate only (– in the IMU columns). ")
                + "Orientation: Madgwick "
                + "6-D; the micro-load gate is the noise-aware ImpactGate, strikes from StrikeDetector; PlayerLoad "
                + "after a 20 Hz low-pass on a 100 Hz grid; R peaks from the streaming QRS detector; PAT by the "
                + "intersecting-tangents foot. "
                + (simulated ? "Truth columns come from the simulator."
                : "Truth columns come from truth/rpeaks/<id>.csv when the directory has one (0 / 0 otherwise)."));
        List<List<String>> rows = new ArrayList<>();
        for (FusionResult.PlayerFusion p : fr.players()) {
            double[] incl = p.inclinationPerMinuteDeg();
            double sum = 0;
            int n = 0;
            for (double v : incl) {
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            // a player with an ECG and no IMU (process): the IMU columns would read as zeros that were never measured
            boolean imu = p.playerLoadPerMinute().length > 0 || p.playerLoadTotal() > 0 || p.strikesDetected() > 0
                    || Double.isFinite(p.acceptedSampleFraction());
            rows.add(List.of(p.player().label(), imu ? f("%.0f", p.playerLoadTotal()) : "–",
                    imu ? f("%d / %d (%s)", p.strikesMatched(), p.strikesTrue(),
                            pct(p.strikesMatched(), p.strikesTrue())) : "–",
                    imu ? String.valueOf(p.strikesDetected()) : "–",
                    imu ? f("%d / %d", p.artefactsRejected(), p.artefactsTrue()) : "–",
                    imu ? f("%.1f %%", 100 * p.acceptedSampleFraction()) : "–",
                    f("%d / %d (%s)", p.beatsMatched(), p.beatsTrue(), pct(p.beatsMatched(), p.beatsTrue())),
                    String.valueOf(p.beatsDetected()),
                    f("%.0f", p.patMedianMillis()), f("%.1f", p.patMeanAbsErrorMillis()),
                    n == 0 ? "" : f("%.1f", sum / n)));
        }
        d.table(List.of("player", "PlayerLoad", "strikes found / true", "strikes detected",
                "artefacts rejected / true", "samples gated in", "R peaks found / true", "R peaks detected",
                "PAT median ms", "PAT mean abs error ms", "mean shank tilt °"), rows);
        for (String name : List.of("playerload.png", "impacts.png", "heart_rate.png")) {
            if (plots.contains(name)) {
                d.image(name, name.replace(".png", "").replace('_', ' '));
            }
        }
    }

    private static String pct(int a, int b) {
        return b == 0 ? "n/a" : f("%.1f %%", 100.0 * a / b);
    }

    private static void tracking(ReportDocument d, @Nullable TrackingResult t) {
        if (t == null) {
            return;
        }
        boolean reid = t.queries() > 0 || t.cuts() > 0;
        if (reid) {
            d.heading(2, "Tracking and re-identification");
            d.paragraph(f("Detections went through the calibrated camera (see below) into the Kalman tracker. The "
                    + "broadcast cut away %d times for %s s; after each cut the tracker started afresh and the "
                    + "cosine gallery decided who each new track was. Scores are against the simulator's truth for "
                    + "every player and official, each half a sequence; an identity the re-identification got wrong "
                    + "counts as an ID switch.", t.cuts(), num(t.cutSeconds())));
        } else {
            d.heading(2, "Tracking");
            d.paragraph(f("The detections file went into the Kalman tracker (%d detections, %d frames, %d tracks "
                    + "confirmed; no re-identification; identities decided 25 frames, 1 s, late so that the "
                    + "tracker's review of merged players applies to them). %s", t.detections(), Math.round(t.seconds() * 25),
                    t.tracks(), t.periods().isEmpty()
                            ? "There is no positions.csv, so there is no truth to score against."
                            : f("Scored against positions.csv: **IDSW %d**, IDF1 %.3f, HOTA %.3f.", t.idSwitches(),
                                    t.weighted(MotResult::idf1), t.weighted(MotResult::hota))));
        }
        if (t.periods().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        int k = 1;
        for (MotResult m : t.periods()) {
            rows.add(row("half " + k++, m));
        }
        d.table(List.of("sequence", "IDSW", "IDF1", "HOTA", "DetA", "AssA", "MOTA", "RMSE m", "frames"), rows);
        if (reid) {
            d.paragraph(f("Over the session: **IDSW %d**, IDF1 %.3f, HOTA %.3f. Tracks confirmed: %d; given an "
                    + "identity by re-identification: %d, of which %d were the right player (%s). Queries: %d "
                    + "(match %d, uncertain %d, below the escalation threshold %d; escalation to a remote model is "
                    + "not simulated).", t.idSwitches(), t.weighted(MotResult::idf1), t.weighted(MotResult::hota),
                    t.tracks(), t.tracksIdentified(), t.tracksIdentifiedCorrectly(),
                    pct(t.tracksIdentifiedCorrectly(), t.tracksIdentified()), t.queries(), t.matched(),
                    t.uncertain(), t.escalated()));
        }
    }

    private static List<String> row(String name, MotResult m) {
        return List.of(name, String.valueOf(m.idSwitches()), f("%.3f", m.idf1()), f("%.3f", m.hota()),
                f("%.3f", m.detA()), f("%.3f", m.assA()), f("%.3f", m.mota()), f("%.3f", m.rmseMetres()),
                String.valueOf(m.frames()));
    }

    private static void calibration(ReportDocument d, @Nullable CalibrationResult c) {
        if (c == null) {
            return;
        }
        d.heading(2, "Camera calibration (calibration-dlt)");
        if (Double.isNaN(c.checkGridMedianMetres())) {
            d.paragraph(f("%d landmarks from landmarks.csv. The automatic calibration chose **%s** (fit RMS %.2f px). "
                    + "Held-out ground error (each landmark predicted by a fit without it): **median %.3f m**, max "
                    + "%.3f m.", c.landmarks(), c.model(), c.fitRmsPx(), c.heldOutMedianMetres(),
                    c.heldOutMaxMetres()));
            return;
        }
        d.paragraph(f("A simulated 1920 × 1080 broadcast master camera with barrel distortion; %d pitch landmarks "
                + "clicked with 0.5 px noise. The automatic calibration chose **%s** (fit RMS %.2f px). Held-out "
                + "ground error (each landmark predicted by a fit without it): **median %.3f m**, max %.3f m. Against "
                + "the true camera over a 5 m grid of the whole pitch: median %.3f m, max %.3f m. %d detections "
                + "were taken to pixels (0.5 px noise) and back to the pitch, RMS change %.3f m; %d fell outside "
                + "the picture.", c.landmarks(), c.model(), c.fitRmsPx(), c.heldOutMedianMetres(),
                c.heldOutMaxMetres(), c.checkGridMedianMetres(), c.checkGridMaxMetres(), c.detectionsProjected(),
                c.projectionRmsMetres(), c.detectionsOutOfFrame()));
    }

    private static void storage(ReportDocument d, @Nullable StorageResult s, @Nullable GnssResult g) {
        if (s == null) {
            return;
        }
        d.heading(2, "Storage (PostgreSQL)");
        d.paragraph(f("Database: %s; match `%s`. GNSS rows offered %d, stored %d; tracked positions offered %d, "
                + "stored %d; quarantined %d. %d batches, %d of them already loaded by an earlier run (batches are "
                + "idempotent). The 30 s GNSS window query for %s returned %d rows, %s.", s.database(), s.matchId(),
                s.gnssRowsOffered(), s.gnssRowsStored(), s.positionRowsOffered(), s.positionRowsStored(),
                s.quarantined(), s.batches(), s.batchesAlreadyLoaded(), s.windowPlayer(), s.windowRows(),
                s.windowExact() ? "equal to the restored track" : "NOT equal to the restored track"));
        if (!s.wearableRows().isEmpty()) {
            List<List<String>> wear = new ArrayList<>();
            for (StorageResult.TableRows t : s.wearableRows()) {
                wear.add(List.of(t.table(), f("%,d", t.offered()), f("%,d", t.stored()), f("%,d", t.quarantined())));
            }
            d.paragraph("Wearable tables (heart rate: one row per detected beat at 60 / RR, a missed or doubled beat "
                    + "shows as an implausible rate and is quarantined; load per second: PlayerLoad and insole "
                    + "impulse; touch_event: one impact per detected strike, its kind naming the band):");
            d.table(List.of("table", "rows offered", "stored", "quarantined"), wear);
        }
        d.paragraph(f("Compressed GNSS: %d `.tlg` containers (%,d bytes) handed to the archive, %d of this match in "
                + "`gnss_block`; any time range restores exactly from them.", s.gnssBlocksOffered(),
                s.gnssBlockBytes(), s.gnssBlocksStored()));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Long> e : s.bytesPerTable().entrySet()) {
            rows.add(List.of(e.getKey(), f("%,d", e.getValue())));
        }
        d.paragraph("Size of each table in the whole database (every match stored there, indexes included):");
        d.table(List.of("table", "bytes"), rows);
        if (g != null && g.fixes() > 0) {
            Long gnssBytes = s.bytesPerTable().get("gnss_fix");
            if (gnssBytes != null && s.gnssRowsStored() == g.fixes() && s.batchesAlreadyLoaded() == 0) {
                d.paragraph(f("Per GNSS fix: %.1f bits in the `.tlg` container against %.0f bits as a row in "
                        + "PostgreSQL.", g.bitsPerFix(), 8.0 * gnssBytes / g.fixes()));
            }
        }
        List<List<String>> dist = new ArrayList<>();
        for (StorageResult.Distance x : s.distances()) {
            dist.add(List.of(x.player(), String.valueOf(x.period()), f("%.0f", x.metres()),
                    String.valueOf(x.fixes())));
        }
        d.paragraph("Distance per period from the database (great-circle steps between stored fixes, so GNSS "
                + "jitter adds to it, unlike the Doppler integral above):");
        d.table(List.of("player", "period", "m", "fixes"), dist);
        if (!s.notStored().isEmpty()) {
            d.paragraph("Not stored: " + String.join("; ", s.notStored()) + ".");
        }
    }
}
