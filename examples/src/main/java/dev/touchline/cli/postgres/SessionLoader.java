package dev.touchline.cli.postgres;

import dev.touchline.cli.BadInputException;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.formats.CsvLines;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.GpsReadResult;
import dev.touchline.formats.csv.GpsCsvReader;
import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.load.PlayerLoadMeter;
import dev.touchline.postgres.GnssArchive;
import dev.touchline.postgres.GnssDownsampling;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.PostgresSink;
import dev.touchline.postgres.StoredGnssBlock;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.simulation.FsrSamples;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Loads the files of a simulated session through the sink, table by table:
 * <ul>
 *   <li>{@code gps/N.csv} into {@code gnss_fix} (optionally thinned to the first fix per interval), and each
 *       whole file at full rate as a codec-gps container into {@code gnss_block};</li>
 *   <li>{@code positions.csv} into {@code optical_position} (object id = roster number), in batches;</li>
 *   <li>touches derived from {@code positions.csv} and {@code ball.csv}: a touch starts when the ball is on the
 *       ground (z below {@value #BALL_GROUND_METRES} m) within {@value #REACH_METRES} m of a player and that
 *       player was not already the nearest one in reach at the previous frame;</li>
 *   <li>heart rate from the beat times in {@code truth/rpeaks/N.csv} (60 / RR per beat, each period on its own so
 *       the half-time break is no interval);</li>
 *   <li>load per second: PlayerLoad from {@code imu/N.csv} (fusion-core's {@code PlayerLoadMeter}) and impulse
 *       from {@code fsr/N.csv} (force summed over the six insole channels times the sample interval).</li>
 * </ul>
 * The fatigue index is a model's output, not a recorded signal, so a simulated session has none to load.
 */
final class SessionLoader {
    /** Rows per optical-position batch. */
    static final int POSITION_BATCH = 100_000;
    /** A player plays the ball within this horizontal distance, m (the simulator's reach). */
    static final double REACH_METRES = 1.0;
    /** The ball counts as on the ground below this height, m. */
    static final double BALL_GROUND_METRES = 0.5;
    /** Sample intervals longer than this, s, are gaps (no impulse across them). */
    static final double FSR_GAP_SECONDS = 0.1;

    private final SessionDirectory session;
    private final MatchRecord match;
    private final PostgresSink sink;
    private final GnssArchive archive;
    /** Thinning of gnss_fix; zero keeps every fix. */
    private final Duration gnssInterval;
    final TableCounts counts = new TableCounts();
    long readerRejected;
    int gnssBlocks;
    long gnssBlockBytes;

    SessionLoader(SessionDirectory session, MatchRecord match, PostgresSink sink, GnssArchive archive,
                  Duration gnssInterval) {
        this.gnssInterval = gnssInterval;
        this.session = session;
        this.match = match;
        this.sink = sink;
        this.archive = archive;
        for (String t : new String[] {"gnss_fix", "optical_position", "touch_event", "heart_rate", "load_per_second"}) {
            counts.declare(t);
        }
    }

    void loadAll() throws IOException, SQLException, BadInputException {
        for (SessionDirectory.Person p : session.roster) {
            String gps = "gps/" + p.number() + ".csv";
            if (session.exists(gps)) {
                loadGnss(p.id(), session.dir.resolve(gps));
            }
        }
        if (session.exists("positions.csv") && session.exists("ball.csv")) {
            loadPositionsAndTouches();
        }
        for (SessionDirectory.Person p : session.roster) {
            String beats = "truth/rpeaks/" + p.number() + ".csv";
            if (session.exists(beats)) {
                loadHeartRate(p.id(), session.dir.resolve(beats));
            }
            if (session.exists("imu/" + p.number() + ".csv") || session.exists("fsr/" + p.number() + ".csv")) {
                loadLoad(p);
            }
        }
    }

    /** Loads one GNSS file into gnss_fix and, whole, into gnss_block. */
    void loadGnss(PlayerId player, Path file) throws IOException, SQLException, BadInputException {
        GpsReadResult read;
        try {
            read = GpsCsvReader.create().read(file);
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        loadTrack(player, read.track());
        readerRejected += read.rejected().size();
    }

    void loadTrack(PlayerId player, GpsTrack track) throws SQLException {
        if (track.isEmpty()) {
            return;
        }
        GpsTrack rows = gnssInterval.isZero() ? track : GnssDownsampling.firstPerInterval(track, gnssInterval);
        counts.add(sink.writeGnss(PostgresSink.batchIdOf("gnss_fix", match, player, rows.copyTimeMicros(),
                rows.length()), match, player, rows));
        StoredGnssBlock b = archive.store(match, player, track, GpsCodec.defaults());
        gnssBlocks++;
        gnssBlockBytes += b.bytes();
    }

    private void loadPositionsAndTouches() throws IOException, SQLException, BadInputException {
        double[][] ball = readBall(session.dir.resolve("ball.csv"));
        int[] frame = new int[POSITION_BATCH];
        long[] time = new long[POSITION_BATCH];
        int[] object = new int[POSITION_BATCH];
        float[] x = new float[POSITION_BATCH];
        float[] y = new float[POSITION_BATCH];
        TouchCollector touches = new TouchCollector(session);
        int n = 0;
        try (CsvLines lines = CsvLines.open(session.dir.resolve("positions.csv"))) {
            String[] h = lines.header();
            int cf = lines.column(h, "frame");
            int ct = lines.column(h, "time_s");
            int cp = lines.column(h, "player_id");
            int cx = lines.column(h, "x_m");
            int cy = lines.column(h, "y_m");
            for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
                lines.requireFields(f, h.length);
                frame[n] = (int) lines.number(f[cf], "frame");
                time[n] = session.micros(lines.number(f[ct], "time_s"));
                object[n] = (int) lines.number(f[cp], "player_id");
                x[n] = (float) lines.number(f[cx], "x_m");
                y[n] = (float) lines.number(f[cy], "y_m");
                int b = frame[n] - (int) ball[3][0];
                if (b >= 0 && b < ball[0].length) {
                    touches.offer(frame[n], time[n], object[n], x[n], y[n], ball[0][b], ball[1][b], ball[2][b]);
                }
                if (++n == POSITION_BATCH) {
                    writePositions(frame, time, object, x, y, n);
                    n = 0;
                }
            }
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        writePositions(frame, time, object, x, y, n);
        touches.finish();
        if (touches.length() > 0) {
            counts.add(sink.writeEvents(PostgresSink.batchId("touch_event", match, "ball.csv", touches.time[0],
                    touches.length()), match, touches.players(), touches.player, touches.time,
                    new String[] {"touch"}, new int[touches.length()], touches.length()));
        }
    }

    private void writePositions(int[] frame, long[] time, int[] object, float[] x, float[] y, int n)
            throws SQLException {
        if (n > 0) {
            counts.add(sink.writePositions(PostgresSink.batchId("optical_position", match, "positions.csv", time[0], n),
                    match, frame, time, object, x, y, n));
        }
    }

    /** Ball x, y, z in metres per frame, and in [3][0] the first frame number; frames must be consecutive. */
    private double[][] readBall(Path file) throws IOException, BadInputException {
        double[] bx = new double[1024];
        double[] by = new double[1024];
        double[] bz = new double[1024];
        int n = 0;
        int first = 0;
        try (CsvLines lines = CsvLines.open(file)) {
            String[] h = lines.header();
            int cf = lines.column(h, "frame");
            int cx = lines.column(h, "x_m");
            int cy = lines.column(h, "y_m");
            int cz = lines.column(h, "z_m");
            for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
                lines.requireFields(f, h.length);
                int fr = (int) lines.number(f[cf], "frame");
                if (n == 0) {
                    first = fr;
                }
                if (fr - first >= bx.length) {
                    int size = Math.max(bx.length * 2, fr - first + 1);
                    bx = Arrays.copyOf(bx, size);
                    by = Arrays.copyOf(by, size);
                    bz = Arrays.copyOf(bz, size);
                    Arrays.fill(bz, n, size, Double.NaN);
                }
                if (fr < first) {
                    throw new FormatException(lines.source(), lines.lineNumber(), "frame " + fr
                            + " before the first frame " + first);
                }
                bx[fr - first] = lines.number(f[cx], "x_m");
                by[fr - first] = lines.number(f[cy], "y_m");
                bz[fr - first] = lines.number(f[cz], "z_m");
                n = Math.max(n, fr - first + 1);
            }
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        return new double[][] {Arrays.copyOf(bx, n), Arrays.copyOf(by, n), Arrays.copyOf(bz, n), {first}};
    }

    private void loadHeartRate(PlayerId player, Path file) throws IOException, SQLException, BadInputException {
        long[] beats = new long[1024];
        int n = 0;
        try (CsvLines lines = CsvLines.open(file)) {
            String[] h = lines.header();
            int ct = lines.column(h, "time_s");
            for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
                lines.requireFields(f, h.length);
                if (n == beats.length) {
                    beats = Arrays.copyOf(beats, n * 2);
                }
                beats[n++] = session.micros(lines.number(f[ct], "time_s"));
            }
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        long secondStart = session.config.periodStartMicros(2);
        int split = 0;
        while (split < n && beats[split] < secondStart) {
            split++;
        }
        if (split > 0) {
            counts.add(sink.writeHeartRateFromBeats(match, player, Arrays.copyOf(beats, split), split));
        }
        if (n - split > 0) {
            counts.add(sink.writeHeartRateFromBeats(match, player, Arrays.copyOfRange(beats, split, n), n - split));
        }
    }

    private void loadLoad(SessionDirectory.Person p) throws IOException, SQLException, BadInputException {
        long kickoff = session.config.kickoffMicros();
        int seconds = (int) ((session.config.periodEndMicros(2) - kickoff + 999_999) / 1_000_000);
        float[] pl = new float[seconds];
        float[] impulse = new float[seconds];
        boolean[] present = new boolean[seconds];
        Path imu = session.dir.resolve("imu/" + p.number() + ".csv");
        if (session.exists("imu/" + p.number() + ".csv")) {
            double rate = session.config.wearables().accelerometer().nominalRateHz();
            PlayerLoadMeter meter = PlayerLoadMeter.builder().inputRateHz(rate).build(
                    (len, start, load, load2d, loadVertical, covered) -> {
                        if (len == 1) {
                            int s = (int) Math.round((start - kickoff) / 1e6);
                            if (s >= 0 && s < seconds) {
                                pl[s] += (float) load;
                                present[s] = true;
                            }
                        }
                    });
            try (CsvLines lines = CsvLines.open(imu)) {
                String[] h = lines.header();
                int ct = lines.column(h, "time_s");
                int cx = lines.column(h, "acc_x_m_s2");
                int cy = lines.column(h, "acc_y_m_s2");
                int cz = lines.column(h, "acc_z_m_s2");
                for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
                    lines.requireFields(f, h.length);
                    try {
                        meter.accept(session.micros(lines.number(f[ct], "time_s")), lines.number(f[cx], "acc_x_m_s2"),
                                lines.number(f[cy], "acc_y_m_s2"), lines.number(f[cz], "acc_z_m_s2"));
                    } catch (BadSensorDataException e) {
                        throw new FormatException(lines.source(), lines.lineNumber(), e.getMessage(), e);
                    }
                }
            } catch (FormatException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            meter.flush();
        }
        if (session.exists("fsr/" + p.number() + ".csv")) {
            readImpulse(session.dir.resolve("fsr/" + p.number() + ".csv"), impulse, present);
        }
        long[] time = new long[seconds];
        int n = 0;
        for (int s = 0; s < seconds; s++) {
            if (present[s]) {
                time[n] = kickoff + s * 1_000_000L;
                pl[n] = pl[s];
                impulse[n] = impulse[s];
                n++;
            }
        }
        if (n > 0) {
            counts.add(sink.writeLoadPerSecond(match, p.id(), time, pl, impulse, n));
        }
    }

    private void readImpulse(Path file, float[] impulse, boolean[] present) throws IOException, BadInputException {
        long kickoff = session.config.kickoffMicros();
        try (CsvLines lines = CsvLines.open(file)) {
            String[] h = lines.header();
            int ct = lines.column(h, "time_s");
            int[] ch = new int[FsrSamples.CHANNELS];
            for (int c = 0; c < ch.length; c++) {
                ch[c] = lines.column(h, FsrSamples.CHANNEL_NAMES[c]);
            }
            long previous = Long.MIN_VALUE;
            double previousForce = 0;
            for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
                lines.requireFields(f, h.length);
                long t = session.micros(lines.number(f[ct], "time_s"));
                double force = 0;
                for (int c : ch) {
                    force += lines.number(f[c], "force");
                }
                // Rectangle rule: the previous sample's force holds until this sample.
                if (previous != Long.MIN_VALUE && t > previous && (t - previous) <= FSR_GAP_SECONDS * 1e6) {
                    int s = (int) Math.floorDiv(previous - kickoff, 1_000_000L);
                    if (s >= 0 && s < impulse.length) {
                        impulse[s] += (float) (previousForce * (t - previous) / 1e6);
                        present[s] = true;
                    }
                }
                previous = t;
                previousForce = force;
            }
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
