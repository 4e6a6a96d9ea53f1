package dev.touchline.cli.postgres;

import dev.touchline.cli.db.Database;
import dev.touchline.postgres.AreaCovered;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.SampleQueries;
import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code touchline query area}: the convex hull area a player covered in a window. */
@Command(name = "area", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Area a player covered (convex hull of the GNSS fixes) in the last minutes before a time.",
            "Columns: player_id,from_s,to_s,fixes,hull_vertices,area_m2."})
final class QueryAreaCommand extends QueryBase {
    @Option(names = "--player", required = true, description = "Player UUID or registered name (e.g. 'home #7').")
    String player;

    @Option(names = "--minutes", description = "Window length in minutes, > 0 (default: ${DEFAULT-VALUE}).")
    double minutes = 15;

    @Option(names = "--to-s", description = "Window end, seconds since kick-off (default: the end of the match).")
    @Nullable Double toSeconds;

    @Override
    QueryTable run(Database db, Catalog catalog, MatchRecord match) throws SQLException {
        if (!(minutes > 0 && minutes <= 1440)) {
            throw new ParameterException(spec.commandLine(), "--minutes must be in (0, 1440], was " + minutes);
        }
        PlayerId id = player(catalog, player);
        Double to = toSeconds;
        long toMicros = to == null ? match.endMicros() : micros(match, to);
        AreaCovered a = SampleQueries.of(db.dataSource()).areaCovered(match, id, toMicros,
                Duration.ofNanos(Math.round(minutes * 60e9)));
        QueryTable table = new QueryTable("player_id", "from_s", "to_s", "fixes", "hull_vertices", "area_m2");
        table.row(id.toString(), seconds(match, a.fromMicros()), seconds(match, a.toMicros()), a.fixes(),
                a.hullVertices(), a.areaSquareMetres());
        return table;
    }
}
