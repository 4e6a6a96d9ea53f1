package dev.touchline.cli.postgres;

import dev.touchline.cli.db.Database;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.OverLimit;
import dev.touchline.postgres.SampleQueries;
import java.sql.SQLException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code touchline query over-limit}: players over a cumulative load limit before half-time. */
@Command(name = "over-limit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Players whose cumulative PlayerLoad or impulse over the first half exceeded a limit.",
            "Columns: player_id,name,player_load_au,impulse_n_s,player_load_exceeded_s,impulse_exceeded_s (seconds "
                    + "since kick-off of the second that passed the limit; empty when it was not passed)."})
final class QueryOverLimitCommand extends QueryBase {
    @Option(names = "--player-load", paramLabel = "AU",
            description = "PlayerLoad limit, arbitrary units (default: none).")
    double playerLoad = Double.POSITIVE_INFINITY;

    @Option(names = "--impulse-n-s", paramLabel = "N_S",
            description = "Impulse limit in N·s (default: ${DEFAULT-VALUE}, i.e. 18 kN·s).")
    double impulse = 18_000;

    @Override
    QueryTable run(Database db, Catalog catalog, MatchRecord match) throws SQLException {
        if (Double.isNaN(playerLoad) || Double.isNaN(impulse)) {
            throw new ParameterException(spec.commandLine(), "limits must be numbers");
        }
        Map<dev.touchline.sensor.PlayerId, String> names = catalog.playerNames();
        QueryTable table = new QueryTable("player_id", "name", "player_load_au", "impulse_n_s",
                "player_load_exceeded_s", "impulse_exceeded_s");
        for (OverLimit o : SampleQueries.of(db.dataSource()).overLimitBeforeHalfTime(match, playerLoad, impulse)) {
            table.row(o.player().toString(), names.getOrDefault(o.player(), ""), o.playerLoad(),
                    o.impulseNewtonSeconds(),
                    o.playerLoadExceeded() ? seconds(match, o.playerLoadExceededAtMicros()) : null,
                    o.impulseExceeded() ? seconds(match, o.impulseExceededAtMicros()) : null);
        }
        return table;
    }
}
