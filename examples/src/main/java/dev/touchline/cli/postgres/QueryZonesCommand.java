package dev.touchline.cli.postgres;

import dev.touchline.cli.db.Database;
import dev.touchline.postgres.Catalog;
import dev.touchline.postgres.MatchRecord;
import dev.touchline.postgres.PeriodZones;
import dev.touchline.postgres.SampleQueries;
import dev.touchline.postgres.SpeedZones;
import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code touchline query zones}: distance and time per speed zone, per player and period. */
@Command(name = "zones", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Distance and time per speed zone of every player in each period, from GNSS fixes.",
            "Columns: player_id,name,period,fixes,distance_m, then zoneK_m and zoneK_s for each zone K from 0."})
final class QueryZonesCommand extends QueryBase {
    @Option(names = "--zones-m-s", split = ",", paramLabel = "M_S",
            description = "Zone thresholds in m/s, increasing (default: 2,4,5.5,7 = 7.2/14.4/19.8/25.2 km/h).")
    List<Double> thresholds = List.of(2.0, 4.0, 5.5, 7.0);

    @Override
    QueryTable run(Database db, Catalog catalog, MatchRecord match) throws SQLException {
        SpeedZones zones;
        try {
            zones = SpeedZones.ofMetresPerSecond(thresholds.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--zones-m-s: " + e.getMessage());
        }
        int k = zones.zoneCount();
        String[] columns = new String[5 + 2 * k];
        columns[0] = "player_id";
        columns[1] = "name";
        columns[2] = "period";
        columns[3] = "fixes";
        columns[4] = "distance_m";
        for (int z = 0; z < k; z++) {
            columns[5 + z] = "zone" + z + "_m";
            columns[5 + k + z] = "zone" + z + "_s";
        }
        QueryTable table = new QueryTable(columns);
        Map<PlayerId, String> names = catalog.playerNames();
        for (PeriodZones p : SampleQueries.of(db.dataSource()).speedZonesPerPeriod(match, zones)) {
            Object[] row = new Object[columns.length];
            row[0] = p.player().toString();
            row[1] = names.getOrDefault(p.player(), "");
            row[2] = p.period();
            row[3] = p.fixes();
            row[4] = p.distanceMetres();
            for (int z = 0; z < k; z++) {
                row[5 + z] = p.zoneMetres(z);
                row[5 + k + z] = p.zoneSeconds(z);
            }
            table.row(row);
        }
        return table;
    }
}
