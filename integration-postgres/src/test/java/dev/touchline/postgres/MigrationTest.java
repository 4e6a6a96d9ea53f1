package dev.touchline.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations build the whole schema from an empty database. No randomness. */
class MigrationTest {
    private static final List<String> RAW = List.of("gnss_fix", "optical_position", "heart_rate", "load_per_second",
            "touch_event", "fatigue_index_per_second");
    private static HikariDataSource db;
    private static int applied;

    @BeforeAll
    static void migrate() throws SQLException {
        db = EmbeddedDatabase.freshDatabase();
        applied = TouchlineSchema.migrate(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void appliesEveryMigrationOnceFromEmpty() {
        assertEquals(4, applied);
        assertEquals(0, TouchlineSchema.migrate(db), "a second run finds nothing to do");
    }

    @Test
    void serverIsPostgres15() throws SQLException {
        assertEquals("15", strings("SELECT current_setting('server_version_num')::int / 10000 || ''", null).get(0));
    }

    @Test
    void createsCatalogueAndBookkeepingTables() throws SQLException {
        List<String> tables = strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name = ANY (?) ORDER BY table_name",
                new String[] {"teams", "players", "matches", "match_periods", "devices", "sessions", "ingest_batch",
                              "quarantine"});
        assertEquals(List.of("devices", "ingest_batch", "match_periods", "matches", "players", "quarantine",
                "sessions", "teams"), tables);
        assertEquals(List.of("uuid"), strings("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'players' AND column_name = ?", "player_id"));
    }

    @Test
    void biViewsRunWithTheCallersRightsAndBlocksSkipCompression() throws SQLException {
        assertEquals(List.of("bi_player_minute", "bi_player_minute_heart_rate", "bi_player_minute_load",
                        "bi_player_minute_movement"),
                strings("SELECT c.relname FROM pg_class c WHERE c.relkind = 'v' AND c.relname LIKE ? "
                        + "AND 'security_invoker=true' = ANY (c.reloptions) ORDER BY c.relname", "bi\\_%"));
        assertEquals(List.of("e"), strings("SELECT a.attstorage::text FROM pg_attribute a "
                + "WHERE a.attrelid = to_regclass('gnss_block') AND a.attname = ?", "data"));
    }

    @Test
    void rawTablesArePartitionedByMatchDateWithBrinOnly() throws SQLException {
        for (String table : RAW) {
            assertEquals(List.of("r:match_date"), strings("SELECT p.partstrat::text || ':' || a.attname "
                    + "FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid "
                    + "AND a.attnum = p.partattrs[0] WHERE p.partrelid = to_regclass(?)", table), table);
            List<String> indexes = strings("SELECT am.amname || ' ' || pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    + "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
                    + "WHERE i.indrelid = to_regclass(?)", table);
            assertEquals(1, indexes.size(), table + ": " + indexes);
            String index = indexes.get(0);
            assertTrue(index.startsWith("brin ") && index.contains("(event_time)")
                    && index.contains("autosummarize='on'") && index.matches(".*pages_per_range='(16|32)'.*"), index);
        }
    }

    @Test
    void partitionsAreCreatedOnDemandOnce() throws SQLException {
        LocalDate day = LocalDate.of(2031, 5, 17);
        assertEquals(List.of("6"), strings("SELECT touchline_ensure_partitions(?)::text", day));
        assertEquals(List.of("0"), strings("SELECT touchline_ensure_partitions(?)::text", day));
        for (String table : RAW) {
            List<String> parts = strings("SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) "
                    + "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(?)",
                    table);
            assertEquals(List.of(table + "_20310517 FOR VALUES FROM ('2031-05-17') TO ('2031-05-18')"), parts);
            List<String> brin = strings("SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    + "JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = to_regclass(?)", table + "_20310517");
            assertEquals(List.of("brin"), brin, "the partition inherits only the BRIN index");
        }
    }

    private static List<String> strings(String sql, Object parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter instanceof String[] array) {
                ps.setArray(1, c.createArrayOf("text", array));
            } else if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
