package dev.touchline.cli.postgres;

import dev.touchline.cli.db.Database;
import dev.touchline.cli.db.DatabaseOptions;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.sensor.MatchId;
import dev.touchline.sensor.PlayerId;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every query subcommand shares: the database, the match, the output form. */
abstract class QueryBase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--match", required = true, paramLabel = "ID", description = "The match id given to ingest "
            + "(e.g. sim-1).")
    String matchId;

    @Option(names = "--json", description = "Print a JSON array instead of CSV.")
    boolean json;

    @Override
    public final Integer call() throws IOException, SQLException {
        try (Database db = database.open(2)) {
            Catalog catalog = Catalog.of(db.dataSource());
            MatchRecord match = catalog.findMatch(MatchId.of(matchId)).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "--match: no match '" + matchId + "' in " + db.description()));
            QueryTable table = run(db, catalog, match);
            table.print(spec.commandLine().getOut(), json);
        }
        return 0;
    }

    abstract QueryTable run(Database db, Catalog catalog, MatchRecord match) throws SQLException;

    /** A player by UUID or by registered name (e.g. "home #7"). */
    PlayerId player(Catalog catalog, String who) throws SQLException {
        Map<PlayerId, String> names = catalog.playerNames();
        try {
            PlayerId id = PlayerId.parse(who);
            if (names.containsKey(id)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            for (Map.Entry<PlayerId, String> e : names.entrySet()) {
                if (e.getValue().equals(who)) {
                    return e.getKey();
                }
            }
        }
        throw new ParameterException(spec.commandLine(), "--player: no player '" + who + "' (give a UUID or a "
                + "registered name such as 'home #7')");
    }

    /** Seconds since kick-off of an epoch-microsecond time. */
    static double seconds(MatchRecord match, long micros) {
        return (micros - match.startMicros()) / 1e6;
    }

    /** Epoch microseconds of seconds since kick-off. */
    static long micros(MatchRecord match, double seconds) {
        return match.startMicros() + Math.round(seconds * 1e6);
    }
}
