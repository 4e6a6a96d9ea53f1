package dev.touchline.cli.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.db.Database;
import dev.touchline.cli.db.DatabaseOptions;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.GpsReadResult;
import dev.touchline.formats.csv.GpsCsvReader;
import dev.touchline.formats.fit.FitActivityReader;
import dev.touchline.formats.gpx.GpxReader;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.GnssArchive;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.PostgresSink;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline ingest}: loads a simulated session directory (and GNSS exports) into PostgreSQL. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads a 'touchline simulate' output directory into PostgreSQL: GNSS fixes (and each file "
                + "compressed with codec-gps), optical positions, touches (ball on the ground within 1 m of a "
                + "player), heart rate (60/RR from beat times) and load per second (PlayerLoad from the IMU, impulse "
                + "from the insoles). Loading the same directory again writes nothing.",
            "Prints rows/s and per-table counts of loaded and quarantined rows."})
public final class IngestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--session", required = true, paramLabel = "DIR",
            description = "Output directory of 'touchline simulate' (with session.json and roster.csv).")
    private Path session;

    @Option(names = "--match-id", paramLabel = "ID", description = "Match id to store (default: sim-<seed>).")
    private @Nullable String matchId;

    @Option(names = "--gnss", paramLabel = "PLAYER=FILE",
            description = "Also load a GNSS export for a player (UUID or roster number): .gpx, .fit, .csv "
                    + "(time_us,lat_deg,lon_deg,speed_m_s) or .tlg (codec-gps). Repeatable.")
    private Map<String, Path> exports = new LinkedHashMap<>();

    @Option(names = "--gnss-interval-ms", paramLabel = "MS",
            description = "Keep only the first GNSS fix of every MS milliseconds in gnss_fix (0: keep all, the "
                    + "default); gnss_block always keeps the full-rate track compressed.")
    private long gnssIntervalMillis;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException, SQLException, BadInputException {
        if (!Files.isRegularFile(session.resolve("session.json"))) {
            throw new ParameterException(spec.commandLine(), "--session " + session
                    + " is not a 'touchline simulate' directory (no session.json)");
        }
        if (gnssIntervalMillis < 0 || gnssIntervalMillis > 3_600_000) {
            throw new ParameterException(spec.commandLine(), "--gnss-interval-ms must be in [0, 3600000], was "
                    + gnssIntervalMillis);
        }
        SessionDirectory dir = SessionDirectory.read(session);
        String id = matchId == null ? "sim-" + dir.seed : matchId;
        try (Database db = database.open(4)) {
            Catalog catalog = Catalog.of(db.dataSource());
            long started = System.nanoTime();
            MatchRecord match = register(catalog, dir, id);
            PostgresSink sink = PostgresSink.builder(db.dataSource()).build();
            SessionLoader loader = new SessionLoader(dir, match, sink, GnssArchive.of(db.dataSource()),
                    java.time.Duration.ofMillis(gnssIntervalMillis));
            loader.loadAll();
            for (Map.Entry<String, Path> e : exports.entrySet()) {
                loadExport(loader, match, catalog, dir, e.getKey(), e.getValue());
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            print(db, id, loader, elapsed);
        }
        return 0;
    }

    private static MatchRecord register(Catalog catalog, SessionDirectory dir, String id) throws SQLException {
        Map<String, Long> teams = new LinkedHashMap<>();
        for (SessionDirectory.Person p : dir.roster) {
            String team = switch (p.team()) {
                case "home" -> "Home";
                case "away" -> "Away";
                default -> "Officials";
            } + " (simulated, seed " + dir.seed + ")";
            Long key = teams.get(team);
            if (key == null) {
                key = catalog.team(team);
                teams.put(team, key);
            }
            catalog.player(p.id(), p.team() + " #" + p.jersey(), key, "first_team");
        }
        return catalog.match(MatchId.of(id), "Simulated match, seed " + dir.seed,
                new long[] {dir.config.periodStartMicros(1), dir.config.periodStartMicros(2)},
                new long[] {dir.config.periodEndMicros(1), dir.config.periodEndMicros(2)});
    }

    private void loadExport(SessionLoader loader, MatchRecord match, Catalog catalog, SessionDirectory dir,
                            String who, Path file) throws IOException, SQLException, BadInputException {
        PlayerId player = player(dir, catalog, who);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "--gnss: no such file: " + file);
        }
        try {
            if (name.endsWith(".tlg")) {
                byte[] bytes = Files.readAllBytes(file);
                try (GpsFile container = GpsCodec.defaults().open(bytes)) {
                    loader.loadTrack(player, container.decodeAll());
                } catch (CorruptGpsDataException e) {
                    throw new BadInputException(file + ": " + e.getMessage(), e);
                }
                return;
            }
            GpsReadResult read;
            if (name.endsWith(".gpx")) {
                read = GpxReader.create().read(file);
            } else if (name.endsWith(".fit")) {
                read = FitActivityReader.create().read(file).gps();
            } else if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                read = GpsCsvReader.create().read(file);
            } else {
                throw new ParameterException(spec.commandLine(), "--gnss " + file
                        + ": expected a .gpx, .fit, .csv or .tlg file");
            }
            loader.loadTrack(player, read.track());
            loader.readerRejected += read.rejected().size();
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** A roster number or a UUID; a UUID not in the roster is registered as an unassigned player. */
    private PlayerId player(SessionDirectory dir, Catalog catalog, String who) throws SQLException {
        try {
            SessionDirectory.Person p = dir.byNumber(Integer.parseInt(who));
            if (p == null) {
                throw new ParameterException(spec.commandLine(), "--gnss: no player number " + who + " in the roster");
            }
            return p.id();
        } catch (NumberFormatException notANumber) {
            PlayerId id;
            try {
                id = PlayerId.parse(who);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--gnss: '" + who
                        + "' is neither a roster number nor a UUID");
            }
            for (SessionDirectory.Person p : dir.roster) {
                if (p.id().equals(id)) {
                    return id;
                }
            }
            catalog.player(id, "Imported " + id, catalog.team("Imported"), "first_team");
            return id;
        }
    }

    private void print(Database db, String id, SessionLoader loader, double elapsed) throws IOException {
        long rows = loader.counts.loaded();
        double rate = elapsed > 0 ? rows / elapsed : 0;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("match_id", id);
            root.put("database", db.description());
            root.put("rows_loaded", rows);
            root.put("elapsed_s", Math.round(elapsed * 1000) / 1000.0);
            root.put("rows_per_s", Math.round(rate));
            ObjectNode tables = root.putObject("tables");
            loader.counts.all().forEach((t, c) -> {
                ObjectNode n = tables.putObject(t);
                n.put("loaded", c[0]);
                n.put("quarantined", c[1]);
            });
            root.put("gnss_blocks", loader.gnssBlocks);
            root.put("gnss_block_bytes", loader.gnssBlockBytes);
            root.put("reader_rejected_fixes", loader.readerRejected);
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "Loaded %,d rows in %.1f s (%,.0f rows/s) into %s as match %s.%n", rows, elapsed,
                    rate, db.description(), id);
            loader.counts.all().forEach((t, c) -> out.printf(Locale.ROOT, "  %-18s %,12d loaded %,8d quarantined%n",
                    t, c[0], c[1]));
            out.printf(Locale.ROOT, "  %-18s %,12d containers, %,d bytes%n", "gnss_block", loader.gnssBlocks,
                    loader.gnssBlockBytes);
            if (loader.readerRejected > 0) {
                out.printf(Locale.ROOT, "  %,d GNSS fixes rejected by the file readers%n", loader.readerRejected);
            }
        }
        out.flush();
    }
}
