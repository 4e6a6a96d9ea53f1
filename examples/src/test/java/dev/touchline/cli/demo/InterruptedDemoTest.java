package dev.touchline.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.cli.TouchlineCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo stopped half-way (SIGTERM, which runs the same shutdown hook as Ctrl-C) leaves a database the next run
 * opens and completes: every row exactly once (seed 2, 2 minutes).
 */
class InterruptedDemoTest {
    /** Batches committed so far in the running embedded server, or 0 while it is not up yet. */
    private static long committedBatches(Path db) {
        try {
            List<String> pid = Files.readAllLines(db.resolve("postmaster.pid"));
            if (pid.size() < 4) {
                return 0;
            }
            String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM ingest_batch")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (IOException | SQLException notYet) {
            return 0;
        }
    }

    @Test
    void aSecondRunAfterAnInterruptedOneStoresEveryRowExactlyOnce(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        List<String> args = List.of("demo", "--minutes", "2", "--seed", "2", "--wearable-players", "1", "--out",
                dir.resolve("first").toString(), "--data-dir", db.toString(), "-q");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), TouchlineCli.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        // stop it once its first batches are committed
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long batches = 0;
        while (System.nanoTime() < deadline && p.isAlive() && batches == 0) {
            Thread.sleep(200);
            batches = committedBatches(db);
        }
        boolean interrupted = p.isAlive();
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the demo stops on SIGTERM");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TouchlineCli.run(new String[] {"demo", "--minutes", "2", "--seed", "2", "--wearable-players", "1",
            "--out", dir.resolve("second").toString(), "--data-dir", db.toString(), "-q"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err + "\nfirst run: " + Files.readString(dir.resolve("first.log")));
        String md = Files.readString(dir.resolve("second/report.md"));
        Matcher gnss = Pattern.compile("GNSS rows offered (\\d+), stored (\\d+)").matcher(md);
        Matcher pos = Pattern.compile("tracked positions offered (\\d+), stored (\\d+); quarantined (\\d+)").matcher(md);
        assertTrue(gnss.find() && pos.find(), md);
        assertEquals(gnss.group(1), gnss.group(2), "GNSS rows exactly once");
        assertEquals(Long.parseLong(pos.group(1)), Long.parseLong(pos.group(2)) + Long.parseLong(pos.group(3)),
                "positions exactly once");
        assertTrue(interrupted && batches > 0, "the first run was stopped after " + batches + " batches");
        Matcher loaded = Pattern.compile("(\\d+) batches, (\\d+) of them already loaded").matcher(md);
        assertTrue(loaded.find(), md);
        long again = Long.parseLong(loaded.group(2));
        assertTrue(again >= batches && again < Long.parseLong(loaded.group(1)),
                "the second run found the first run's committed batches (" + batches + ") and wrote the rest: "
                        + loaded.group());
    }
}
