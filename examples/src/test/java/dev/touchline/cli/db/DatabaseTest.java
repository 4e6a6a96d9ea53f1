package dev.touchline.cli.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void embeddedDatabaseKeepsCommittedRowsAcrossRestarts(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("db");
        try (Database db = Database.embedded(dataDir, 2)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO teams (name) VALUES ('Reopened ''FC''; --')");
            }
        }
        try (Database db = Database.embedded(dataDir, 2);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), min(name) FROM teams")) {
            r.next();
            assertEquals(1, r.getInt(1));
            assertEquals("Reopened 'FC'; --", r.getString(2));
        }
    }
}
