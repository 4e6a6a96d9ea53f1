package dev.touchline.cli.demo.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchline.calibration.Landmark;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.NumericCsv;
import dev.touchline.formats.CsvLines;
import dev.touchline.formats.GpsReadResult;
import dev.touchline.formats.catapult.CatapultCsvReader;
import dev.touchline.formats.csv.GpsCsvReader;
import dev.touchline.formats.fit.FitActivityReader;
import dev.touchline.formats.gpx.GpxReader;
import dev.touchline.formats.statsports.StatSportsCsvReader;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.SensorKind;
import dev.touchline.sensor.SensorSpec;
import dev.touchline.sensor.TriaxialSeries;
import dev.touchline.sensor.pitch.GeoAnchor;
import dev.touchline.sensor.pitch.LocalTangentPlane;
import dev.touchline.sensor.pitch.PitchDimensions;
import dev.touchline.sensor.simulation.Beat;
import dev.touchline.sensor.simulation.FsrSamples;
import dev.touchline.sensor.simulation.WearableChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@code touchline process}: the demo's pipeline on a directory of exports, laid out as {@code touchline simulate}
 * writes them: {@code gps/<id>.csv|.csv.gz|.gpx|.fit} (Touchline's generic GNSS CSV, GPX 1.1, FIT; a CSV is
 * recognised by its header: Catapult by Timestamp, Longitude, Latitude, STATSports by Time, Lat, Lon, Speed km/h),
 * {@code imu/<id>.csv}, {@code gyro/<id>.csv}, {@code ecg/<id>.csv} or a WFDB record {@code ecg/<id>.hea}
 * (+ its data file; see {@link EcgRecord} for the channel rule), {@code ppg/<id>.csv}, optional
 * {@code session.json} (kick-off, stadium, pitch), {@code roster.csv} and {@code landmarks.csv}
 * ({@code id,x_m,y_m,z_m,u_px,v_px}, corner-origin pitch metres, a 1920 × 1080 frame). STATSports rows carry times
 * of day only: their day is the kick-off's UTC date from {@code session.json}, else {@link Options#statsportsDate},
 * else 1970-01-01, which the report states. A stage whose input is absent is skipped and the report says why.
 */
public final class ProcessPipeline {
    private static final long CHUNK_MICROS = 10_000_000L;

    private ProcessPipeline() {
    }

    /**
     * What the command line may add to a session directory.
     *
     * @param ecgSignal the WFDB signal to read as ECG, or null for the first ECG lead
     * @param statsportsDate the day of STATSports files when {@code session.json} gives no kick-off, or null
     */
    public record Options(@org.jspecify.annotations.Nullable String ecgSignal,
                          @org.jspecify.annotations.Nullable LocalDate statsportsDate) {
        /** No ECG signal named, no date. */
        public static final Options DEFAULTS = new Options(null, null);
    }

    /** Runs the pipeline on {@code dir} with {@link Options#DEFAULTS}. */
    public static SessionReport run(Path dir, DataSource db, String dbDescription, DemoPipeline.Progress progress)
            throws Exception {
        return run(dir, db, dbDescription, progress, Options.DEFAULTS);
    }

    /** Runs the pipeline on {@code dir}. */
    public static SessionReport run(Path dir, DataSource db, String dbDescription, DemoPipeline.Progress progress,
                                    Options options) throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new SessionDataException(dir + ": not a directory");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Session session = Session.read(dir);
        long t0 = System.nanoTime();
        List<Path> gnssFiles = files(dir.resolve("gps"));
        List<PlayerInfo> players = new ArrayList<>();
        List<GpsTrack> tracks = new ArrayList<>();
        int rejected = 0;
        LocalDate day = statsportsDay(session, options);
        boolean statsports = false;
        progress.start("read", gnssFiles.size());
        for (Path f : gnssFiles) {
            String[] header = csvHeader(f);
            boolean isStatsports = header != null && isStatSports(header);
            statsports |= isStatsports;
            GpsReadResult r = isStatsports ? StatSportsCsvReader.onDate(day).read(f) : readGnss(f, header);
            rejected += r.rejected().size();
            if (r.track().isEmpty()) {
                skipped.put("gnss " + f.getFileName(), "no valid fix in the file");
                continue;
            }
            String id = baseName(f);
            players.add(session.player(players.size(), id));
            tracks.add(r.track());
            progress.step();
        }
        progress.done();
        LocalDate given = options.statsportsDate();
        if (statsports && !session.hasKickoff && given == null) {
            skipped.put("STATSports date", "no kick-off in session.json and no --date: the STATSports fixes are put "
                    + "on 1970-01-01 (their rows carry times of day only, read as UTC)");
        } else if (statsports && session.hasKickoff && given != null && !given.equals(day)) {
            skipped.put("--date " + given, "session.json's kick-off date " + day + " is used instead");
        }
        seconds.put("read gnss", (System.nanoTime() - t0) * 1e-9);
        GnssResult gnss = null;
        StorageResult storage = null;
        StorageStage storeStage = null;
        List<PlayerInfo> storedPlayers = List.of();
        List<GpsTrack> storedTracks = List.of();
        long storedWindow = 0;
        FusionResult fusion = null;
        if (players.isEmpty()) {
            skipped.put("gnss", "no GNSS file in " + dir.resolve("gps"));
        } else {
            t0 = System.nanoTime();
            GnssStage stage = new GnssStage(players);
            for (int s = 0; s < tracks.size(); s++) {
                stage.accept(s, tracks.get(s));
            }
            GpsTrack first = tracks.get(0);
            GeoAnchor anchor = session.anchor != null ? session.anchor
                    : GeoAnchor.of(first.latDeg(0), first.lonDeg(0), 0);
            if (session.anchor == null) {
                skipped.put("pitch placement", "no stadium in session.json: the pitch pictures are centred on the "
                        + "first fix with the pitch axis pointing east, so they show the shape, not the pitch");
            }
            long windowFrom = first.timeMicros(first.length() / 2); // a time with fixes, whatever the gaps
            gnss = stage.finish(Map.of(), LocalTangentPlane.of(anchor), session.pitch, players.get(0).team(),
                    windowFrom, 0);
            seconds.put("gnss codec + totals", (System.nanoTime() - t0) * 1e-9);
            if (rejected > 0) {
                skipped.put("rejected fixes", rejected + " fixes failed the readers' checks and were left out");
            }
            t0 = System.nanoTime();
            StorageStage store = new StorageStage(db, dbDescription);
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (GpsTrack t : stage.restored()) {
                start = Math.min(start, t.timeMicros(0));
                end = Math.max(end, t.timeMicros(t.length() - 1));
            }
            long[][] periods = session.periods != null ? session.periods
                    : new long[][] {{start}, {end + 1}};
            storeStage = store;
            store.register("process-" + dir.toAbsolutePath().normalize().getFileName() + "-" + start,
                    "Processed session " + dir.getFileName(), players, periods[0], periods[1]);
            List<GpsTrack> restored = stage.restored();
            progress.start("database", players.size());
            for (int s = 0; s < players.size(); s++) {
                store.writeGnss(players.get(s), restored.get(s));
                progress.step();
            }
            store.writeGnssBlocks(players, stage.encoded());
            progress.done();
            storedPlayers = players;
            storedTracks = restored;
            storedWindow = windowFrom;
            seconds.put("gnss load + queries", (System.nanoTime() - t0) * 1e-9);
        }
        t0 = System.nanoTime();
        List<WearableSeries> series = new ArrayList<>();
        fusion = wearables(dir, session, options, skipped, series);
        List<String> notStored = new ArrayList<>();
        if (storeStage != null) {
            List<WearableSeries> registered = new ArrayList<>();
            for (WearableSeries w : series) {
                if (storedPlayers.stream().anyMatch(p -> p.id().equals(w.player().id()))) {
                    registered.add(w);
                } else {
                    notStored.add("the wearable series of " + w.player().label() + ": no GNSS file for that player, "
                            + "so the player is not in the catalogue");
                }
            }
            storeStage.writeWearables(registered);
        } else if (!series.isEmpty()) {
            // no storage section in the report without GNSS, so say it here
            skipped.put("wearable series in the database", "no GNSS file, so no match window to store the heart "
                    + "rate, load and impacts under");
        }
        if (fusion != null) {
            seconds.put("wearable fusion", (System.nanoTime() - t0) * 1e-9);
        }
        CalibrationResult calibration = null;
        Path landmarks = dir.resolve("landmarks.csv");
        if (Files.isRegularFile(landmarks)) {
            t0 = System.nanoTime();
            calibration = CalibrationStage.fromLandmarks(readLandmarks(landmarks), 1920, 1080);
            seconds.put("calibration", (System.nanoTime() - t0) * 1e-9);
        } else {
            skipped.put("calibration", "no landmarks.csv");
        }
        TrackingResult tracking = null;
        Path detections = dir.resolve("detections.csv");
        if (Files.isRegularFile(detections)) {
            t0 = System.nanoTime();
            Path truth = dir.resolve("positions.csv");
            StorageStage sinkStage = storeStage;
            tracking = FileTracking.run(detections, Files.isRegularFile(truth) ? truth : null, session.kickoffMicros,
                    sinkStage == null ? null : sinkStage::writePositions);
            seconds.put("tracking", (System.nanoTime() - t0) * 1e-9);
            skipped.put("re-identification", "the session's files carry no appearance embeddings");
            if (sinkStage == null) {
                skipped.put("tracked positions in the database", "no GNSS file, so no match window to store under");
            }
        } else {
            skipped.put("tracking and re-identification", "no detections.csv");
        }
        if (storeStage != null) {
            t0 = System.nanoTime();
            storage = storeStage.finish(storedPlayers, storedTracks, 0, storedWindow, notStored);
            seconds.put("queries", (System.nanoTime() - t0) * 1e-9);
        }
        ParquetResult parquet = null;
        if (gnss != null) {
            t0 = System.nanoTime();
            parquet = ParquetResult.export(storedPlayers, storedTracks);
            seconds.put("parquet export", (System.nanoTime() - t0) * 1e-9);
        } else {
            skipped.put("parquet export", "no GNSS file");
        }
        return new SessionReport("Session " + dir.toAbsolutePath().normalize().getFileName(), null,
                DemoPipeline.versions(db), gnss, fusion, calibration, tracking, storage, parquet, seconds,
                skipped);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * The day STATSports times of day fall on: the kick-off's UTC date from {@code session.json}, else
     * {@code --date}, else the reader's default, the epoch day.
     */
    private static LocalDate statsportsDay(Session session, Options options) {
        if (session.hasKickoff) {
            return LocalDate.ofEpochDay(Math.floorDiv(session.kickoffMicros, 86_400_000_000L));
        }
        LocalDate given = options.statsportsDate();
        return given != null ? given : LocalDate.EPOCH;
    }

    /**
     * The header fields of a {@code .csv} or {@code .csv.gz} file, stripped and lower-cased (the readers match
     * columns case-insensitively), or null for another file type.
     */
    private static String @org.jspecify.annotations.Nullable [] csvHeader(Path f) throws IOException {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".csv.gz")) {
            return null;
        }
        try (CsvLines lines = CsvLines.open(f)) {
            String[] header = lines.header();
            String[] out = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                out[i] = header[i].strip().toLowerCase(Locale.ROOT);
            }
            return out;
        }
    }

    /**
     * A STATSports export: the reader's columns Time, Lat, Lon and Speed km/h are all in the (lower-cased) header.
     */
    static boolean isStatSports(String[] header) {
        return Arrays.asList(header).containsAll(List.of("time", "lat", "lon", "speed km/h"));
    }

    private static GpsReadResult readGnss(Path f, String @org.jspecify.annotations.Nullable [] header)
            throws IOException {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gpx")) {
            return GpxReader.create().read(f);
        }
        if (name.endsWith(".fit")) {
            return FitActivityReader.create().read(f).gps();
        }
        if (header != null) {
            String joined = String.join(",", header);
            if (joined.startsWith(GpsCsvReader.HEADER)) {
                return GpsCsvReader.create().read(f);
            }
            List<String> columns = Arrays.asList(header);
            if (joined.contains("excel timestamp")
                    || columns.containsAll(List.of("timestamp", "longitude", "latitude"))) {
                return CatapultCsvReader.create().read(f);
            }
            throw new SessionDataException(f + " line 1: not a GNSS CSV Touchline knows (expected '"
                    + GpsCsvReader.HEADER + "', a Catapult export with Timestamp, Longitude, Latitude or a "
                    + "STATSports export with Time, Lat, Lon, Speed km/h)");
        }
        throw new SessionDataException(f + ": unknown GNSS file type (expected .csv, .csv.gz, .gpx or .fit)");
    }

    private static List<Landmark> readLandmarks(Path f) throws IOException {
        NumericCsv c = columns(f, "x_m", "y_m", "z_m", "u_px", "v_px");
        List<Landmark> out = new ArrayList<>();
        for (int i = 0; i < c.rows; i++) {
            out.add(new Landmark("row" + (i + 2), c.columns[0][i], c.columns[1][i], c.columns[2][i],
                    c.columns[3][i], c.columns[4][i]));
        }
        return out;
    }

    /**
     * Fusion of every player with an {@code imu/<id>.csv}, an {@code ecg/<id>.csv} or a WFDB record
     * {@code ecg/<id>.hea}, in 10 s chunks, or null when there is none. A player's ECG CSV wins over a record of the
     * same id; {@code ppg/<id>.csv} wins over a record's PPG. When the directory holds the simulator's
     * {@code truth/rpeaks/<id>.csv}, the R peaks are scored against it.
     */
    private static @org.jspecify.annotations.Nullable FusionResult wearables(Path dir, Session session,
            Options options, Map<String, String> skipped, List<WearableSeries> series)
            throws IOException, dev.touchline.fusion.BadSensorDataException {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        for (Path f : files(dir.resolve("imu"))) {
            ids.add(baseName(f));
        }
        for (Path f : files(dir.resolve("ecg"))) {
            String n = f.getFileName().toString();
            if (n.endsWith(".csv") || n.endsWith(".hea")) {
                ids.add(baseName(f));
            }
        }
        if (ids.isEmpty()) {
            skipped.put("wearable fusion", "no imu/ files and no ecg/ files");
            return null;
        }
        List<FusionResult.PlayerFusion> rows = new ArrayList<>();
        for (String id : ids) {
            NumericCsv acc = optional(dir.resolve("imu").resolve(id + ".csv"), "time_s", "acc_x_m_s2",
                    "acc_y_m_s2", "acc_z_m_s2");
            if (acc != null && acc.rows < 2) {
                acc = null;
            }
            NumericCsv gyr = acc == null ? null : optional(dir.resolve("gyro").resolve(id + ".csv"), "time_s",
                    "gyr_x_rad_s", "gyr_y_rad_s", "gyr_z_rad_s");
            NumericCsv ecg = optional(dir.resolve("ecg").resolve(id + ".csv"), "time_s", "ecg_mv");
            NumericCsv ppg = optional(dir.resolve("ppg").resolve(id + ".csv"), "time_s", "ppg_au");
            Path header = dir.resolve("ecg").resolve(id + ".hea");
            if (Files.isRegularFile(header)) {
                if (ecg != null) {
                    skipped.put("WFDB record ecg/" + id + ".hea", "ecg/" + id + ".csv is read instead");
                } else {
                    EcgRecord record = EcgRecord.read(header, options.ecgSignal());
                    if (record == null) {
                        skipped.put("ECG of " + id, "ecg/" + id + ".hea has no ECG lead among its signals; name "
                                + "one with --ecg-signal");
                    } else {
                        ecg = record.ecg;
                        if (ppg == null) {
                            ppg = record.ppg;
                        }
                        skipped.put("time base of ecg/" + id + ".hea", "the WFDB header's base time is not read: "
                                + "sample 0 of " + record.description + " is placed at the kick-off");
                    }
                }
            }
            if (acc == null && (ecg == null || ecg.rows < 2)) {
                continue;
            }
            if (acc == null) {
                skipped.put("load and strikes of " + id, "no imu/" + id + ".csv: heart rate only");
            } else if (gyr == null) {
                skipped.put("strikes of " + id, "no gyro/" + id + ".csv: the micro-load gate needs the yaw rate");
            }
            List<Beat> truth = truthBeats(dir.resolve("truth").resolve("rpeaks").resolve(id + ".csv"), session);
            NumericCsv timeline = acc != null ? acc : ecg;
            long origin = session.kickoffMicros + Math.round(timeline.columns[0][0] * 1e6);
            WearableFusion fusion = new WearableFusion(session.player(rows.size(), id), origin);
            long from = origin;
            long last = session.kickoffMicros + Math.round(timeline.columns[0][timeline.rows - 1] * 1e6);
            if (acc != null && ecg != null && ecg.rows > 0) {
                last = Math.max(last, session.kickoffMicros + Math.round(ecg.columns[0][ecg.rows - 1] * 1e6));
            }
            int[] cursor = new int[4];
            int beat = 0;
            while (from <= last) {
                long to = from + CHUNK_MICROS;
                TriaxialSeries a = acc == null ? triaxial(SensorKind.ACCELEROMETER, null, 0, to, cursor, 0)
                        : triaxial(SensorKind.ACCELEROMETER, acc, session.kickoffMicros, to, cursor, 0);
                TriaxialSeries g = gyr == null ? triaxial(SensorKind.GYROSCOPE, null, 0, to, cursor, 1)
                        : triaxial(SensorKind.GYROSCOPE, gyr, session.kickoffMicros, to, cursor, 1);
                ScalarSeries e = scalar(SensorKind.ECG, ecg, session.kickoffMicros, to, cursor, 2);
                ScalarSeries p = scalar(SensorKind.PPG, ppg, session.kickoffMicros, to, cursor, 3);
                int beatFrom = beat;
                while (beat < truth.size() && truth.get(beat).rPeakMicros() < to) {
                    beat++;
                }
                fusion.accept(new WearableChunk(rows.size(), a, g, empty(SensorKind.TEMPERATURE), e, p,
                        FsrSamples.empty(), List.of(), List.of(), truth.subList(beatFrom, beat), List.of()));
                from = to;
            }
            rows.add(fusion.finish());
            series.add(fusion.series());
        }
        return rows.isEmpty() ? null : new FusionResult(rows);
    }

    /**
     * The simulator's true R peaks ({@code beat,time_s}), without PAT, or none when the file is absent.
     */
    private static List<Beat> truthBeats(Path f, Session session) throws IOException {
        NumericCsv c = optional(f, "time_s");
        if (c == null) {
            return List.of();
        }
        List<Beat> out = new ArrayList<>(c.rows);
        for (int i = 0; i < c.rows; i++) {
            long r = session.kickoffMicros + Math.round(c.columns[0][i] * 1e6);
            out.add(new Beat(r, r, Double.NaN, false));
        }
        return out;
    }

    private static NumericCsv optional(Path f, String... names) throws IOException {
        return Files.isRegularFile(f) ? columns(f, names) : null;
    }

    private static NumericCsv columns(Path f, String... names) throws IOException {
        try {
            return NumericCsv.read(f, names);
        } catch (BadInputException e) {
            throw new SessionDataException(e.getMessage());
        }
    }

    private static double rate(NumericCsv c) {
        return c.rows < 2 ? 1 : (c.rows - 1) / Math.max(1e-6, c.columns[0][c.rows - 1] - c.columns[0][0]);
    }

    private static ScalarSeries empty(SensorKind kind) {
        return ScalarSeries.of(SensorSpec.builder(kind).build(), new long[0], new float[0], 0);
    }

    /** The rows of {@code c} before {@code toMicros} from the cursor on; advances the cursor. */
    private static TriaxialSeries triaxial(SensorKind kind, NumericCsv c, long kickoff, long toMicros,
                                           int[] cursor, int slot) {
        SensorSpec spec = SensorSpec.builder(kind).nominalRateHz(c == null ? 1 : rate(c)).build();
        if (c == null) {
            return TriaxialSeries.of(spec, new long[0], new float[0], new float[0], new float[0], 0);
        }
        int a = cursor[slot];
        int b = a;
        while (b < c.rows && kickoff + Math.round(c.columns[0][b] * 1e6) < toMicros) {
            b++;
        }
        int n = b - a;
        long[] t = new long[n];
        float[][] v = new float[3][n];
        for (int i = 0; i < n; i++) {
            t[i] = kickoff + Math.round(c.columns[0][a + i] * 1e6);
            for (int k = 0; k < 3; k++) {
                v[k][i] = (float) c.columns[k + 1][a + i];
            }
        }
        cursor[slot] = b;
        return TriaxialSeries.of(spec, t, v[0], v[1], v[2], n);
    }

    private static ScalarSeries scalar(SensorKind kind, NumericCsv c, long kickoff, long toMicros, int[] cursor,
                                       int slot) {
        if (c == null) {
            return empty(kind);
        }
        SensorSpec spec = SensorSpec.builder(kind).nominalRateHz(Math.max(100, rate(c))).build();
        int a = cursor[slot];
        int b = a;
        while (b < c.rows && kickoff + Math.round(c.columns[0][b] * 1e6) < toMicros) {
            b++;
        }
        int n = b - a;
        long[] t = new long[n];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = kickoff + Math.round(c.columns[0][a + i] * 1e6);
            v[i] = (float) c.columns[1][a + i];
        }
        cursor[slot] = b;
        return ScalarSeries.of(spec, t, v, n);
    }

    /** What {@code session.json} and {@code roster.csv} say, with defaults where they are absent. */
    private static final class Session {
        long kickoffMicros;
        /** Whether session.json gives the kick-off. */
        boolean hasKickoff;
        @org.jspecify.annotations.Nullable GeoAnchor anchor;
        PitchDimensions pitch = PitchDimensions.STANDARD;
        /** Period starts and ends (epoch µs) from session.json, or null. */
        long @org.jspecify.annotations.Nullable [][] periods;
        final Map<String, String[]> roster = new HashMap<>(); // player_id -> {uuid, team}

        static Session read(Path dir) throws IOException {
            Session s = new Session();
            Path json = dir.resolve("session.json");
            if (Files.isRegularFile(json)) {
                JsonNode root = new ObjectMapper().readTree(json.toFile());
                s.kickoffMicros = root.path("kickoff_time_us").asLong(0);
                s.hasKickoff = root.has("kickoff_time_us");
                if (root.has("minutes") && root.has("kickoff_time_us")) {
                    long half = Math.round(root.path("minutes").asDouble() * 30e6);
                    long pause = Math.round(root.path("half_time_break_s").asDouble(0) * 1e6);
                    long k = s.kickoffMicros;
                    s.periods = new long[][] {{k, k + half + pause}, {k + half, k + 2 * half + pause}};
                }
                if (root.has("stadium_lat_deg")) {
                    s.anchor = GeoAnchor.of(root.path("stadium_lat_deg").asDouble(),
                            root.path("stadium_lon_deg").asDouble(), root.path("stadium_bearing_deg").asDouble());
                }
                if (root.has("pitch_length_m")) {
                    s.pitch = PitchDimensions.of(root.path("pitch_length_m").asDouble(),
                            root.path("pitch_width_m").asDouble());
                }
            }
            Path roster = dir.resolve("roster.csv");
            if (Files.isRegularFile(roster)) {
                List<String> lines = Files.readAllLines(roster, StandardCharsets.UTF_8);
                List<String> header = Arrays.asList(lines.get(0).split(",", -1));
                int id = header.indexOf("player_id");
                int uuid = header.indexOf("uuid");
                int team = header.indexOf("team");
                if (id < 0 || uuid < 0 || team < 0) {
                    throw new SessionDataException(roster + " line 1: expected player_id, uuid and team columns");
                }
                for (int i = 1; i < lines.size(); i++) {
                    String[] f = lines.get(i).split(",", -1);
                    if (f.length > Math.max(id, Math.max(uuid, team))) {
                        s.roster.put(f[id].strip(), new String[] {f[uuid].strip(), f[team].strip()});
                    }
                }
            }
            return s;
        }

        PlayerInfo player(int index, String fileId) {
            String[] r = roster.get(fileId);
            if (r != null) {
                String prefix = switch (r[1]) {
                    case "home" -> "H";
                    case "away" -> "A";
                    default -> "R";
                };
                return new PlayerInfo(index, prefix + fileId, r[1], PlayerId.parse(r[0]));
            }
            return new PlayerInfo(index, fileId, "unknown", PlayerId.nameBased("touchline-process:" + fileId));
        }
    }
}
