package dev.touchline.cli.postgres;

import dev.touchline.cli.db.Database;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.SampleQueries;
import dev.touchline.sensor.GpsTrack;
import java.sql.SQLException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code touchline query window}: a player's GNSS fixes in a time window. */
@Command(name = "window", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A player's GNSS fixes in [from, from + seconds). Columns: time_us,lat_deg,lon_deg,speed_m_s "
                + "(the generic GNSS CSV).")
final class QueryWindowCommand extends QueryBase {
    @Option(names = "--player", required = true, description = "Player UUID or registered name (e.g. 'home #7').")
    String player;

    @Option(names = "--from-s", required = true, description = "Window start, seconds since kick-off.")
    double fromSeconds;

    @Option(names = "--seconds", description = "Window length in seconds, > 0 (default: ${DEFAULT-VALUE}).")
    double seconds = 30;

    @Override
    QueryTable run(Database db, Catalog catalog, MatchRecord match) throws SQLException {
        if (!(seconds > 0 && seconds <= 86_400)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be in (0, 86400], was " + seconds);
        }
        GpsTrack t = SampleQueries.of(db.dataSource()).gnssWindow(match, player(catalog, player),
                micros(match, fromSeconds), Duration.ofNanos(Math.round(seconds * 1e9)));
        QueryTable table = new QueryTable("time_us", "lat_deg", "lon_deg", "speed_m_s");
        for (int i = 0; i < t.length(); i++) {
            table.row(t.timeMicros(i), new QueryTable.Exact(t.latDeg(i)), new QueryTable.Exact(t.lonDeg(i)),
                    (double) t.speedMetresPerSecond(i));
        }
        return table;
    }
}
