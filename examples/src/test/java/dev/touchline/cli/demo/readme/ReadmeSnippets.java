package dev.touchline.cli.demo.readme;

import dev.touchline.calibration.AutoCalibration;
import dev.touchline.calibration.AutoCalibrator;
import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.Landmark;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.formats.GpsReadResult;
import dev.touchline.formats.gpx.GpxReader;
import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.ecg.QrsDetector;
import dev.touchline.fusion.load.PlayerLoadMeter;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.PeriodDistance;
import dev.touchline.postgres.PostgresSink;
import dev.touchline.postgres.SampleQueries;
import dev.touchline.postgres.TouchlineSchema;
import dev.touchline.reid.BadReidDataException;
import dev.touchline.reid.Decision;
import dev.touchline.reid.EmbeddingGallery;
import dev.touchline.reid.FrameMatcher;
import dev.touchline.reid.MatchPolicy;
import dev.touchline.reid.MatchResults;
import dev.touchline.reid.QueryFrame;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.simulation.MatchSimulation;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.tracking.PitchTracker;
import dev.touchline.tracking.TrackFrame;
import dev.touchline.tracking.TrackState;
import dev.touchline.tracking.TrackerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The README's "use it from your own service" examples. The text between {@code // tag::NAME[]} and
 * {@code // end::NAME[]} appears verbatim in README.md ({@code ReadmeSnippetsTest} checks it), so every example
 * there compiles with the build; the test also runs them on simulated data.
 */
final class ReadmeSnippets {
    private ReadmeSnippets() {
    }

    static long sensorModel() {
        // tag::sensor-model[]
        SimulationConfig config = SimulationConfig.builder().seed(7).matchDuration(Duration.ofMinutes(10)).build();
        MatchSimulator simulator = MatchSimulator.of(config);
        long fixes = 0;
        try (MatchSimulation run = simulator.start()) {
            while (run.hasNext()) {
                SimulationChunk chunk = run.next();          // one second of every signal, with ground truth
                GpsTrack player1 = chunk.gnss().get(0);      // 10 Hz GNSS of player 1, columnar
                fixes += player1.length();
            }
        }
        // end::sensor-model[]
        return fixes;
    }

    static GpsTrack codec(GpsTrack track, long fromMicros) throws CorruptGpsDataException {
        // tag::codec-gps[]
        GpsCodec codec = GpsCodec.builder().keyFrameInterval(Duration.ofSeconds(30)).build();
        byte[] bytes = codec.encode(track);                  // ~4-11 bits per 10 Hz fix
        GpsTrack back = codec.decode(bytes);                 // equals codec.quantise(track)
        try (GpsFile file = codec.open(bytes)) {             // random access through the seek table
            GpsTrack window = file.decodeRange(fromMicros, fromMicros + 30_000_000L);
            System.out.println(back.length() + " fixes, " + window.length() + " in the window");
            return window;
        }
        // end::codec-gps[]
    }

    static List<Double> fusion(long[] t, float[] ax, float[] ay, float[] az, int n, float[] ecgMillivolts)
            throws BadSensorDataException {
        // tag::fusion-core[]
        List<Double> perMinute = new ArrayList<>();
        PlayerLoadMeter load = PlayerLoadMeter.builder().inputRateHz(1000).build(
                (seconds, start, pl, pl2d, plVertical, covered) -> {
                    if (seconds == 60) {
                        perMinute.add(pl);                   // PlayerLoad of each minute
                    }
                });
        for (int i = 0; i < n; i++) {
            load.accept(t[i], ax[i], ay[i], az[i]);          // µs since the epoch, m/s²
        }
        load.flush();
        List<Long> rPeaks = new ArrayList<>();
        QrsDetector qrs = new QrsDetector(250, (sample, searchBack) -> rPeaks.add(sample));
        for (float v : ecgMillivolts) {
            qrs.accept(v);                                   // streaming, a few hundred ms of delay
        }
        qrs.flush();
        // end::fusion-core[]
        perMinute.add((double) rPeaks.size());
        return perMinute;
    }

    static int tracking(long[] frameMicros, int[] count, double[][] x, double[][] y) {
        // tag::tracking-kalman[]
        PitchTracker tracker = new PitchTracker(TrackerConfig.defaults());
        TrackFrame out = new TrackFrame(64);
        double[] height = new double[64];                    // stature, NaN when unknown
        int[] team = new int[64];                            // kit class, -1 when unknown
        double[] confidence = new double[64];
        java.util.Arrays.fill(height, Double.NaN);
        java.util.Arrays.fill(team, -1);
        java.util.Arrays.fill(confidence, 0.9);
        int confirmed = 0;
        for (int f = 0; f < frameMicros.length; f++) {       // one call per 25 Hz frame, pitch metres
            tracker.process(frameMicros[f], count[f], x[f], y[f], height, team, confidence, out);
            for (int i = 0; i < out.size(); i++) {
                confirmed += out.state(i) == TrackState.CONFIRMED ? 1 : 0;   // out.id(i), out.x(i), out.y(i)
            }
        }
        // end::tracking-kalman[]
        return confirmed;
    }

    static double calibration(List<Landmark> clicked) throws CalibrationException {
        // tag::calibration-dlt[]
        // clicked: pitch points (metres, z up) and where they appear in the frame (pixels)
        AutoCalibration fit = AutoCalibrator.builder(1920, 1080).build().calibrate(clicked);
        System.out.println(fit.model() + ", held-out ground error " + fit.heldOut().medianM() + " m");
        double[] pitch = new double[2];
        fit.camera().pixelToPlane(960, 900, 0, pitch);       // a player's feet at pixel (960, 900)
        // end::calibration-dlt[]
        return pitch[0];
    }

    static int reid(int[] playerNumbers, float[][] looks, float[] query) throws BadReidDataException {
        // tag::reid-embeddings[]
        EmbeddingGallery gallery = EmbeddingGallery.builder().dimension(128).build();
        for (int p = 0; p < playerNumbers.length; p++) {
            int slot = gallery.add(playerNumbers[p]);
            gallery.offer(slot, 0L, looks[p], 0);            // unit 128-D vectors from your appearance model
        }
        FrameMatcher matcher = new FrameMatcher(gallery, MatchPolicy.DEFAULT);
        QueryFrame frame = new QueryFrame(128, 32);
        frame.add(query, 0, 0);
        MatchResults results = new MatchResults(32);
        matcher.match(frame, "camera-1", results);
        int who = results.decision(0) == Decision.MATCH ? results.playerId(0) : -1;
        // end::reid-embeddings[]
        return who;
    }

    static GpsTrack formats(Path gpx) throws IOException {
        // tag::formats[]
        GpsReadResult read = GpxReader.create().read(gpx);   // also STATSports, Catapult, generic CSV, FIT
        GpsTrack track = read.track();                       // valid fixes, columnar
        read.rejected().forEach(r -> System.err.println("rejected: " + r));
        // end::formats[]
        return track;
    }

    static List<PeriodDistance> postgres(DataSource dataSource, PlayerId player, GpsTrack track, long[] periodStarts,
                                         long[] periodEnds) throws SQLException {
        // tag::integration-postgres[]
        TouchlineSchema.migrate(dataSource);                 // Flyway: tables, partitions, roles
        Catalog catalog = Catalog.of(dataSource);
        catalog.player(player, "Home #7", catalog.team("Home FC"), "first_team");
        MatchRecord match = catalog.match(MatchId.of("2026-08-15-home-away"), "Home v Away",
                periodStarts, periodEnds);
        PostgresSink sink = PostgresSink.builder(dataSource).build();
        sink.writeGnss(PostgresSink.batchId("gnss_fix", match, player.toString(), track.timeMicros(0),
                track.length()), match, player, track);      // binary COPY; a retried batch writes nothing twice
        List<PeriodDistance> distances = SampleQueries.of(dataSource).distancePerPeriod(match, player);
        // end::integration-postgres[]
        return distances;
    }
}
