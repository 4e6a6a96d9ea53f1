package dev.touchline.cli.demo.pipeline;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.GnssArchive;
import dev.touchline.postgres.LoadResult;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.PeriodDistance;
import dev.touchline.postgres.PostgresSink;
import dev.touchline.postgres.SampleQueries;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.PositionFrames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Registers the match in the catalogue and loads it through the binary-COPY sink: the restored GNSS tracks (one
 * batch per player per minute), the tracked positions (one batch per stretch between camera cuts), the wearable
 * players' heart rate (one row per detected beat, {@code 60 / RR}), PlayerLoad and insole impulse per second and
 * impacts (one {@code touch_event} per detected strike, its kind naming the impact band), and each player's
 * compressed {@code .tlg} container in {@code gnss_block}. Batch ids are derived from the content's place (table,
 * match, source, first time, rows), so running the same session again writes nothing twice. Then it runs the
 * sample queries and measures the tables.
 */
public final class StorageStage {
    /** Tables whose size the report lists. */
    public static final List<String> TABLES = List.of("gnss_fix", "gnss_block", "optical_position", "heart_rate",
            "load_per_second", "touch_event", "ingest_batch", "quarantine", "players", "matches");
    /** The wearable tables, in the order the report lists their rows. */
    public static final List<String> WEARABLE_TABLES = List.of("heart_rate", "load_per_second", "touch_event");
    private static final long GNSS_BATCH_MICROS = 60_000_000L;
    /** Beats further apart than this, µs, start a new heart-rate series (e.g. the half-time break). */
    private static final long BEAT_GAP_MICROS = 3_000_000L;

    private final DataSource dataSource;
    private final String description;
    private final PostgresSink sink;
    private @org.jspecify.annotations.Nullable MatchRecord match;
    private long gnssOffered;
    private long positionsOffered;
    private final Map<String, Long> wearableOffered = new LinkedHashMap<>();
    private long gnssBlocksOffered;
    private long gnssBlockBytes;
    private int batches;
    private int alreadyLoaded;

    /** A stage over an open, migrated database. */
    public StorageStage(DataSource dataSource, String description) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.description = description;
        this.sink = PostgresSink.builder(dataSource).build();
    }

    /** Registers teams, players and the match; must come before any write. */
    public MatchRecord register(String matchId, String name, List<PlayerInfo> people, long[] periodStartMicros,
                                long[] periodEndMicros) throws SQLException {
        Catalog catalog = Catalog.of(dataSource);
        Map<String, Long> teams = new LinkedHashMap<>();
        for (PlayerInfo p : people) {
            Long key = teams.get(p.team());
            if (key == null) {
                key = catalog.team(teamName(p.team()));
                teams.put(p.team(), key);
            }
            catalog.player(p.id(), p.label(), key, "first_team");
        }
        MatchRecord m = catalog.match(MatchId.of(matchId), name, periodStartMicros, periodEndMicros);
        this.match = m;
        return m;
    }

    private static String teamName(String code) {
        return switch (code) {
            case "home" -> "Home FC";
            case "away" -> "Away United";
            case "referee" -> "Match officials";
            default -> code;
        };
    }

    private MatchRecord match() {
        return Objects.requireNonNull(match, "register the match first");
    }

    /** Loads one player's whole GNSS track, a batch per minute. */
    public void writeGnss(PlayerInfo player, GpsTrack track) throws SQLException {
        int a = 0;
        while (a < track.length()) {
            long start = track.timeMicros(a);
            int b = a;
            while (b < track.length() && track.timeMicros(b) < start + GNSS_BATCH_MICROS) {
                b++;
            }
            GpsTrack part = track.slice(a, b);
            count(sink.writeGnss(PostgresSink.batchId("gnss_fix", match(), player.id().toString(), start,
                    part.length()), match(), player.id(), part));
            gnssOffered += part.length();
            a = b;
        }
    }

    /** Loads tracked positions (the tracking stage's sink). */
    public void writePositions(PositionFrames frames) throws SQLException {
        if (frames.length() == 0) {
            return;
        }
        count(sink.writePositions(PostgresSink.batchId("optical_position", match(), "tracking",
                frames.timeMicros(0), frames.length()), match(), frames));
        positionsOffered += frames.length();
    }

    /**
     * Loads each wearable player's heart rate, load per second and impacts.
     *
     * @param series the fusion stage's per-player series; players must be registered
     */
    public void writeWearables(List<WearableSeries> series) throws SQLException {
        MatchRecord m = match();
        String[] kinds = new String[FusionResult.IMPACT_BAND_EDGES_G.length];
        for (int b = 0; b < kinds.length; b++) {
            kinds[b] = WearableSeries.bandKind(b);
        }
        for (WearableSeries w : series) {
            PlayerId id = w.player().id();
            long[] beats = w.rPeakMicros();
            int from = 0;
            for (int i = 1; i <= beats.length; i++) {
                if (i == beats.length || beats[i] - beats[i - 1] > BEAT_GAP_MICROS) {
                    int n = i - from;
                    if (n >= 2) {
                        count(sink.writeHeartRateFromBeats(m, id, Arrays.copyOfRange(beats, from, i), n));
                        offered("heart_rate", n - 1);
                    }
                    from = i;
                }
            }
            if (w.seconds() > 0) {
                count(sink.writeLoadPerSecond(m, id, w.secondStartMicros(), w.playerLoad(),
                        w.impulseNewtonSeconds(), w.seconds()));
                offered("load_per_second", w.seconds());
            }
            int strikes = w.strikeMicros().length;
            if (strikes > 0) {
                count(sink.writeEvents(PostgresSink.batchIdOf("touch_event", m, id, w.strikeMicros(), strikes), m,
                        new PlayerId[] {id}, new int[strikes], w.strikeMicros(), kinds, w.strikeBand(), strikes));
                offered("touch_event", strikes);
            }
        }
    }

    private void offered(String table, long rows) {
        wearableOffered.merge(table, rows, Long::sum);
    }

    /**
     * Stores each player's compressed track as it is in {@code gnss_block}, restorable by time range.
     *
     * @param players the players, in the order of {@code containers}
     * @param containers each player's {@code .tlg} bytes; not modified
     */
    public void writeGnssBlocks(List<PlayerInfo> players, List<byte[]> containers)
            throws SQLException, CorruptGpsDataException {
        GnssArchive archive = GnssArchive.of(dataSource);
        for (int i = 0; i < players.size(); i++) {
            archive.store(match(), players.get(i).id(), containers.get(i));
            gnssBlocksOffered++;
            gnssBlockBytes += containers.get(i).length;
        }
    }

    private void count(LoadResult r) {
        batches++;
        if (r.alreadyLoaded()) {
            alreadyLoaded++;
        }
    }

    /**
     * Runs the queries and measures the tables.
     *
     * @param players players with GNSS, in the order of {@code restored}
     * @param restored the restored tracks that were loaded
     * @param windowSlot the player whose 30 s window is read back
     * @param windowFromMicros the window's start
     * @param notStored what could not be stored, for the report
     */
    public StorageResult finish(List<PlayerInfo> players, List<GpsTrack> restored, int windowSlot,
                                long windowFromMicros, List<String> notStored) throws SQLException {
        MatchRecord m = match();
        SampleQueries queries = SampleQueries.of(dataSource);
        List<StorageResult.Distance> distances = new ArrayList<>();
        for (PlayerInfo p : players) {
            for (PeriodDistance d : queries.distancePerPeriod(m, p.id())) {
                distances.add(new StorageResult.Distance(p.label(), d.period(), d.metres(), d.fixes()));
            }
        }
        String windowPlayer = "";
        int windowRows = 0;
        boolean windowExact = false;
        if (windowSlot >= 0 && windowSlot < players.size()) {
            PlayerInfo p = players.get(windowSlot);
            GpsTrack window = queries.gnssWindow(m, p.id(), windowFromMicros,
                    Duration.ofMillis(GnssStage.WINDOW_MICROS / 1000));
            GpsTrack expected = GnssStage.slice(restored.get(windowSlot), windowFromMicros,
                    windowFromMicros + GnssStage.WINDOW_MICROS);
            windowPlayer = p.label();
            windowRows = window.length();
            windowExact = windowRows > 0 && window.equals(expected);
        }
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String table : TABLES) {
            bytes.put(table, single("SELECT CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum("
                    + "pg_total_relation_size(t.relid)), 0) FROM pg_partition_tree(c.oid) t) "
                    + "ELSE pg_total_relation_size(c.oid) END FROM pg_class c WHERE c.oid = '" + table
                    + "'::regclass", -1));
        }
        return new StorageResult(description, m.matchId().value(), gnssOffered,
                single("SELECT count(*) FROM gnss_fix WHERE match_key = ?", m.matchKey()), positionsOffered,
                single("SELECT count(*) FROM optical_position WHERE match_key = ?", m.matchKey()),
                single("SELECT count(*) FROM quarantine q JOIN ingest_batch b USING (batch_id) WHERE b.match_key = ? "
                        + "AND q.target_table = 'optical_position'", m.matchKey()),
                batches, alreadyLoaded, bytes, distances, windowPlayer, windowRows, windowExact, wearableRows(m),
                gnssBlocksOffered, single("SELECT count(*) FROM gnss_block WHERE match_key = ?", m.matchKey()),
                gnssBlockBytes, notStored);
    }

    private List<StorageResult.TableRows> wearableRows(MatchRecord m) throws SQLException {
        List<StorageResult.TableRows> rows = new ArrayList<>();
        for (String table : WEARABLE_TABLES) {
            // The table name comes from the constant list above, never from input.
            long stored = single("SELECT count(*) FROM " + table + " WHERE match_key = ?", m.matchKey());
            long quarantined = single("SELECT count(*) FROM quarantine q JOIN ingest_batch b USING (batch_id) "
                    + "WHERE b.match_key = ? AND q.target_table = '" + table + "'", m.matchKey());
            rows.add(new StorageResult.TableRows(table, wearableOffered.getOrDefault(table, 0L), stored,
                    quarantined));
        }
        return rows;
    }

    private long single(String sql, long matchKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (matchKey >= 0) {
                ps.setLong(1, matchKey);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
