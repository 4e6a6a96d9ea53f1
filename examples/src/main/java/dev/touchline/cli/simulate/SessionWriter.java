package dev.touchline.cli.simulate;

import dev.touchline.cli.io.CsvWriter;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.simulation.Artefact;
import dev.touchline.sensor.simulation.Beat;
import dev.touchline.sensor.simulation.Detections;
import dev.touchline.sensor.simulation.FootContact;
import dev.touchline.sensor.simulation.FootStrike;
import dev.touchline.sensor.simulation.FsrSamples;
import dev.touchline.sensor.simulation.MatchSimulator;
import dev.touchline.sensor.simulation.MotionBlock;
import dev.touchline.sensor.simulation.Roster;
import dev.touchline.sensor.simulation.RosterEntry;
import dev.touchline.sensor.simulation.Signal;
import dev.touchline.sensor.simulation.SimulationChunk;
import dev.touchline.sensor.simulation.SimulationConfig;
import dev.touchline.sensor.simulation.TeamSide;
import dev.touchline.sensor.simulation.WearableChunk;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a simulated session as CSV files, one chunk at a time, in the layout of {@code touchline simulate}.
 * Every {@code time_s} column is seconds since kick-off; GNSS files carry epoch microseconds ({@code time_us}).
 *
 * <p>Decimals follow what each signal resolves, not more: accelerometer 0.001 m/s² (its LSB at ±16 g is
 * 0.0048 m/s²), gyroscope 0.0001 rad/s (LSB 0.0011 rad/s), ECG 1 µV, PPG 0.1 count, forces 0.1 N, detections
 * 1 cm (their noise is 15 cm), true positions 1 mm. GNSS coordinates are written in the shortest form that reads
 * back to the identical double, because the simulated unit quantises to 1/6,000,000°, which has no short decimal.
 */
public final class SessionWriter implements Closeable {
    private final Path dir;
    private final SimulationConfig config;
    private final Roster roster;
    private final int[] wearables;
    private final List<CsvWriter> all = new ArrayList<>();
    private final SessionSummary summary;

    private CsvWriter positions;
    private CsvWriter ball;
    private CsvWriter detections;
    private CsvWriter detectionsTruth;
    private final CsvWriter[] gps;
    private final CsvWriter[] imu;
    private final CsvWriter[] gyro;
    private final CsvWriter[] temperature;
    private final CsvWriter[] ecg;
    private final CsvWriter[] ppg;
    private final CsvWriter[] fsr;
    private final CsvWriter[] strikes;
    private final CsvWriter[] artefacts;
    private final CsvWriter[] rpeaks;
    private final CsvWriter[] pat;
    private final CsvWriter[] contacts;
    private final long[] beatCount;

    /** Opens every file the config's signals need under {@code dir} and writes the roster. */
    public SessionWriter(Path dir, MatchSimulator simulator) throws IOException {
        this.dir = dir;
        this.config = simulator.config();
        this.roster = simulator.roster();
        this.wearables = simulator.wearableObjects();
        this.summary = new SessionSummary(config, roster);
        int n = roster.size();
        int w = wearables.length;
        gps = new CsvWriter[n];
        imu = new CsvWriter[w];
        gyro = new CsvWriter[w];
        temperature = new CsvWriter[w];
        ecg = new CsvWriter[w];
        ppg = new CsvWriter[w];
        fsr = new CsvWriter[w];
        strikes = new CsvWriter[w];
        artefacts = new CsvWriter[w];
        rpeaks = new CsvWriter[w];
        pat = new CsvWriter[w];
        contacts = new CsvWriter[w];
        beatCount = new long[w];
        try {
            open();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private CsvWriter file(String relative, String header) throws IOException {
        CsvWriter writer = CsvWriter.create(dir.resolve(relative), header);
        all.add(writer);
        return writer;
    }

    private void open() throws IOException {
        writeRoster();
        if (config.produces(Signal.POSITIONS)) {
            positions = file("positions.csv", "frame,time_s,player_id,team,x_m,y_m,speed_m_s");
            ball = file("ball.csv", "frame,time_s,x_m,y_m,z_m");
        }
        if (config.produces(Signal.DETECTIONS)) {
            detections = file("detections.csv", "frame,time_s,x_m,y_m,height_m,team,confidence");
            detectionsTruth = file("detections_truth.csv", "frame,time_s,x_m,y_m,height_m,team,confidence,player_id");
        }
        if (config.produces(Signal.GNSS)) {
            for (RosterEntry e : roster.entries()) {
                if (e.role().isPlayer()) {
                    gps[e.objectIndex()] = file("gps/" + e.playerNumber() + ".csv", "time_us,lat_deg,lon_deg,speed_m_s");
                }
            }
        }
        for (int k = 0; k < wearables.length; k++) {
            String id = Integer.toString(roster.get(wearables[k]).playerNumber());
            if (config.produces(Signal.IMU)) {
                imu[k] = file("imu/" + id + ".csv", "time_s,acc_x_m_s2,acc_y_m_s2,acc_z_m_s2");
                gyro[k] = file("gyro/" + id + ".csv", "time_s,gyr_x_rad_s,gyr_y_rad_s,gyr_z_rad_s");
                temperature[k] = file("temperature/" + id + ".csv", "time_s,temperature_c");
                strikes[k] = file("truth/foot_strikes/" + id + ".csv", "time_s,peak_acc_m_s2,speed_m_s");
                artefacts[k] = file("truth/artefacts/" + id + ".csv",
                        "start_s,end_s,kind,peak_acc_m_s2,peak_yaw_rate_rad_s");
            }
            if (config.produces(Signal.ECG)) {
                ecg[k] = file("ecg/" + id + ".csv", "time_s,ecg_mv");
            }
            if (config.produces(Signal.ECG) || config.produces(Signal.PPG)) {
                rpeaks[k] = file("truth/rpeaks/" + id + ".csv", "beat,time_s");
            }
            if (config.produces(Signal.PPG)) {
                ppg[k] = file("ppg/" + id + ".csv", "time_s,ppg_au");
                pat[k] = file("truth/pat/" + id + ".csv", "beat,r_time_s,pulse_time_s,pat_ms,shift");
            }
            if (config.produces(Signal.FSR)) {
                fsr[k] = file("fsr/" + id + ".csv", "time_s," + String.join(",", FsrSamples.CHANNEL_NAMES));
                contacts[k] = file("truth/contacts/" + id + ".csv", "foot,on_s,off_s,pattern,peak_force_n");
            }
        }
    }

    private void writeRoster() throws IOException {
        try (CsvWriter r = CsvWriter.create(dir.resolve("roster.csv"),
                "player_id,uuid,team,role,jersey,stature_m,shirt_rgb,shorts_rgb,max_speed_m_s,wearable")) {
            for (RosterEntry e : roster.entries()) {
                boolean worn = false;
                for (int o : wearables) {
                    worn |= o == e.objectIndex();
                }
                r.integer(e.playerNumber()).text(e.id().toString()).text(e.side().code())
                        .text(e.role().name().toLowerCase(Locale.ROOT)).integer(e.jerseyNumber())
                        .fixed(e.statureMetres(), 3).text(e.kit().shirtHex()).text(e.kit().shortsHex())
                        .fixed(e.maxSpeedMetresPerSecond(), 2).text(Boolean.toString(worn));
                r.endRow();
            }
            summary.rows("roster.csv", r.rows());
        }
    }

    private double seconds(long timeMicros) {
        return (timeMicros - config.kickoffMicros()) / 1e6;
    }

    /** Writes one chunk. */
    public void write(SimulationChunk chunk) throws IOException {
        MotionBlock m = chunk.motion();
        summary.add(m);
        if (positions != null) {
            for (int f = 0; f < m.chunkFrames(); f++) {
                double t = seconds(m.timeMicros(f));
                for (int o = 0; o < m.objectCount(); o++) {
                    RosterEntry e = roster.get(o);
                    positions.integer(m.frameNumber(f)).fixed(t, 2).integer(e.playerNumber()).text(e.side().code())
                            .fixed(m.x(o, f), 3).fixed(m.y(o, f), 3).fixed(m.speed(o, f), 3);
                    positions.endRow();
                }
                ball.integer(m.frameNumber(f)).fixed(t, 2).fixed(m.ballX(f), 3).fixed(m.ballY(f), 3)
                        .fixed(m.ballZ(f), 3);
                ball.endRow();
            }
        }
        if (detections != null) {
            writeDetections(chunk.detections());
        }
        for (int o = 0; o < gps.length; o++) {
            if (gps[o] != null) {
                GpsTrack g = chunk.gnss().get(o);
                for (int i = 0; i < g.length(); i++) {
                    gps[o].integer(g.timeMicros(i)).exact(g.latDeg(i)).exact(g.lonDeg(i))
                            .fixed(g.speedMetresPerSecond(i), 2);
                    gps[o].endRow();
                }
            }
        }
        for (int k = 0; k < wearables.length; k++) {
            writeWearable(k, chunk.wearables().get(k));
        }
    }

    private void writeDetections(Detections d) throws IOException {
        TeamSide[] sides = TeamSide.values();
        for (int i = 0; i < d.length(); i++) {
            String team = d.team(i) == Detections.TEAM_UNKNOWN ? "" : sides[d.team(i)].code();
            detectionRow(detections, d, i, team);
            detections.endRow();
            detectionRow(detectionsTruth, d, i, team);
            int o = d.truthObject(i);
            if (o < 0) {
                detectionsTruth.empty();
            } else {
                detectionsTruth.integer(roster.get(o).playerNumber());
            }
            detectionsTruth.endRow();
        }
    }

    private void detectionRow(CsvWriter w, Detections d, int i, String team) throws IOException {
        w.integer(d.frame(i)).fixed(seconds(d.timeMicros(i)), 2).fixed(d.x(i), 2).fixed(d.y(i), 2)
                .fixed(d.heightMetres(i), 2).text(team).fixed(d.confidence(i), 2);
    }

    private void writeWearable(int k, WearableChunk c) throws IOException {
        if (imu[k] != null) {
            triaxial(imu[k], c.accelerometer(), 3, 3);
            triaxial(gyro[k], c.gyroscope(), 3, 4);
            scalar(temperature[k], c.temperature(), 3, 2);
            for (FootStrike s : c.footStrikes()) {
                strikes[k].fixed(seconds(s.timeMicros()), 3).fixed(s.peakAccelerationMetresPerSecondSquared(), 3)
                        .fixed(s.speedMetresPerSecond(), 3);
                strikes[k].endRow();
            }
            for (Artefact a : c.artefacts()) {
                artefacts[k].fixed(seconds(a.startMicros()), 3).fixed(seconds(a.endMicros()), 3)
                        .text(a.kind().name().toLowerCase(Locale.ROOT))
                        .fixed(a.peakAccelerationMetresPerSecondSquared(), 3).fixed(a.peakYawRateRadiansPerSecond(), 3);
                artefacts[k].endRow();
            }
        }
        if (ecg[k] != null) {
            scalar(ecg[k], c.ecg(), 3, 3);
        }
        if (ppg[k] != null) {
            scalar(ppg[k], c.ppg(), 3, 1);
        }
        if (rpeaks[k] != null) {
            for (Beat b : c.beats()) {
                long beat = beatCount[k]++;
                rpeaks[k].integer(beat).fixed(seconds(b.rPeakMicros()), 6);
                rpeaks[k].endRow();
                if (pat[k] != null) {
                    pat[k].integer(beat).fixed(seconds(b.rPeakMicros()), 6).fixed(seconds(b.pulseArrivalMicros()), 6)
                            .fixed(b.patMillis(), 3).integer(b.patShift() ? 1 : 0);
                    pat[k].endRow();
                }
            }
        }
        if (fsr[k] != null) {
            FsrSamples s = c.fsr();
            for (int i = 0; i < s.length(); i++) {
                fsr[k].fixed(seconds(s.timeMicros(i)), 3);
                for (int ch = 0; ch < FsrSamples.CHANNELS; ch++) {
                    fsr[k].fixed(s.force(ch, i), 1);
                }
                fsr[k].endRow();
            }
            for (FootContact fc : c.contacts()) {
                contacts[k].text(fc.foot().name().toLowerCase(Locale.ROOT)).fixed(seconds(fc.onMicros()), 3)
                        .fixed(seconds(fc.offMicros()), 3).text(fc.pattern().name().toLowerCase(Locale.ROOT))
                        .fixed(fc.peakForceNewtons(), 1);
                contacts[k].endRow();
            }
        }
    }

    private void triaxial(CsvWriter w, TriaxialSeries s, int timeDecimals, int valueDecimals) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            w.fixed(seconds(s.timeMicros(i)), timeDecimals).fixed(s.x(i), valueDecimals).fixed(s.y(i), valueDecimals)
                    .fixed(s.z(i), valueDecimals);
            w.endRow();
        }
    }

    private void scalar(CsvWriter w, ScalarSeries s, int timeDecimals, int valueDecimals) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            w.fixed(seconds(s.timeMicros(i)), timeDecimals).fixed(s.value(i), valueDecimals);
            w.endRow();
        }
    }

    /** The statistics gathered so far: rows per file, per-player distance and top speed. */
    public SessionSummary summary() {
        return summary;
    }

    /** Rows written per file, relative paths in the order the files were opened. */
    public Map<String, Long> rowsPerFile() {
        Map<String, Long> rows = new LinkedHashMap<>(summary.fixedRows());
        for (CsvWriter w : all) {
            rows.put(dir.relativize(w.path()).toString().replace('\\', '/'), w.rows());
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CsvWriter w : all) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
