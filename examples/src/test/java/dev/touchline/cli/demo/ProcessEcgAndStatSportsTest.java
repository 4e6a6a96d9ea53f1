package dev.touchline.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.cli.TouchlineCli;
import dev.touchline.cli.demo.pipeline.Wfdb16Writer;
import dev.touchline.formats.GpsReadResult;
import dev.touchline.formats.catapult.CatapultCsvReader;
import dev.touchline.formats.statsports.StatSportsCsvReader;
import dev.touchline.formats.wfdb.Annotation;
import dev.touchline.formats.wfdb.WfdbReader;
import dev.touchline.testdata.RealData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code touchline process} on WFDB ECG records (one written here from the simulator's ECG, seed 7; PhysioNet
 * records 100 and v102s), on the real STATSports export, with its day from session.json, --date or neither, and on
 * the real Catapult export.
 */
class ProcessEcgAndStatSportsTest {
    private static int run(StringWriter out, StringWriter err, String... args) {
        return TouchlineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String process(Path session, Path dir, String report, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("process", "--session", session.toString(), "--out",
                dir.resolve(report).toString(), "--data-dir", dir.resolve("db").toString(), "--quiet"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, args.toArray(String[]::new)), err.toString());
        return Files.readString(dir.resolve(report).resolve("report.md"));
    }

    /** The wearable table's cells of {@code label}: [player, PlayerLoad, ..., R peaks found / true, detected, PAT]. */
    private static String[] wearableRow(String md, String label) {
        int section = md.indexOf("## Wearables");
        assertTrue(section >= 0, md);
        for (String line : md.substring(section).split("\n")) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| " + label + " |") && cells.length >= 12) {
                String[] out = new String[cells.length - 1];
                for (int i = 1; i < cells.length; i++) {
                    out[i - 1] = cells[i].strip();
                }
                return out;
            }
        }
        throw new AssertionError("no wearable row for " + label + " in\n" + md);
    }

    /** {found, true} from a cell like "290 / 293 (99.0 %)". */
    private static int[] foundOfTrue(String cell) {
        Matcher m = Pattern.compile("(\\d+) / (\\d+)").matcher(cell);
        assertTrue(m.find(), cell);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static long[] tableRows(String md, String table) {
        Matcher m = Pattern.compile("\\| " + table + " \\| ([0-9,]+) \\| ([0-9,]+) \\| ([0-9,]+) \\|").matcher(md);
        assertTrue(m.find(), table + " in\n" + md);
        return new long[] {Long.parseLong(m.group(1).replace(",", "")), Long.parseLong(m.group(2).replace(",", "")),
                Long.parseLong(m.group(3).replace(",", ""))};
    }

    @Test
    void aSimulatedEcgWrittenAsAWfdbRecordGivesTheTrueBeats(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("session");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "simulate", "--seed", "7", "--minutes", "2", "--half-time-break-minutes", "0",
                "--wearable-players", "1", "--signals", "gnss,ecg,ppg", "--out", session.toString(), "--quiet"),
                err.toString());
        Path csv;
        try (Stream<Path> s = Files.list(session.resolve("ecg"))) {
            csv = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        String id = csv.getFileName().toString().replace(".csv", "");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("time_s,ecg_mv", lines.get(0));
        int n = lines.size() - 1;
        double[][] v = new double[2][n];
        double hz = 250;
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            // the record has no time column: the CSV must be one unbroken 250 Hz run from kick-off
            assertEquals(i / hz, Double.parseDouble(f[0]), 0.6e-3, "row " + (i + 2));
            v[0][i] = 0.3 * Math.sin(2 * Math.PI * 0.25 * i / hz); // a breathing trace first: not an ECG lead
            v[1][i] = Double.parseDouble(f[1]);
        }
        Wfdb16Writer.write(session.resolve("ecg"), id, hz, new String[] {"RESP", "II"}, new String[] {"NU", "mV"},
                new double[] {1000, 1000}, v);
        Files.delete(csv);
        String md = process(session, dir, "report");
        assertTrue(md.contains("sample 0 of II at 250 Hz is placed at the kick-off"), md);
        String[] row = wearableRow(md, md.contains("| H" + id + " |") ? "H" + id : "A" + id);
        int[] beats = foundOfTrue(row[6]);
        int detected = Integer.parseInt(row[7]);
        // measured: 267 of 267 true beats found within 75 ms, 267 detected, as from the CSV
        assertTrue(beats[1] > 200, "true beats " + beats[1]);
        assertTrue(beats[0] >= 0.98 * beats[1], row[6]);
        assertTrue(detected <= beats[1] + 3, "detected " + detected + " of " + beats[1]);
        double pat = Double.parseDouble(row[8]);
        assertTrue(pat > 100 && pat < 350, "PAT median " + row[8]);
        long[] hr = tableRows(md, "heart_rate");
        assertTrue(hr[0] >= detected - 2 && hr[1] + hr[2] == hr[0] && hr[1] >= 0.97 * hr[0], md);
    }

    @Test
    @Tag("realdata")
    void physioNetRecordsGiveTheAnnotatedBeatsAndAPulseArrivalTime(@TempDir Path dir) throws Exception {
        Path hea100 = RealData.require("fusion/wfdb_sample/100.hea");
        Path session = dir.resolve("session");
        Path ecg = Files.createDirectories(session.resolve("ecg"));
        for (String f : List.of("100.hea", "100.dat", "v102s.hea", "v102s.dat")) {
            Files.copy(RealData.require("fusion/wfdb_sample/" + f), ecg.resolve(f));
        }
        // record 100's reference beat annotations as the simulator's truth file, times in seconds since sample 0
        StringBuilder truth = new StringBuilder("beat,time_s\n");
        int beats = 0;
        for (Annotation a : WfdbReader.readAnnotations(hea100.resolveSibling("100"), "atr")) {
            if (a.isBeat()) {
                truth.append(beats++).append(',').append(String.format(Locale.ROOT, "%.6f%n", a.sample() / 360.0));
            }
        }
        assertEquals(2273, beats);
        Files.writeString(Files.createDirectories(session.resolve("truth/rpeaks")).resolve("100.csv"), truth);
        String md = process(session, dir, "report");
        String[] r100 = wearableRow(md, "100");
        assertEquals("–", r100[1], "no IMU, no PlayerLoad: " + String.join(" | ", r100));
        int[] found = foundOfTrue(r100[6]);
        assertEquals(2273, found[1], r100[6]);
        // measured: 2273 of 2273 within 75 ms, 2273 detected
        assertTrue(found[0] >= 0.995 * found[1], r100[6]);
        int detected = Integer.parseInt(r100[7]);
        assertTrue(Math.abs(detected - 2273) <= 12, "detected " + detected);
        assertTrue(md.contains("sample 0 of MLII at 360 Hz"), md);
        assertTrue(md.contains("no GNSS file, so no match window to store the heart rate"), md);
        String[] v102 = wearableRow(md, "v102s");
        assertTrue(Integer.parseInt(v102[7]) > 100, "v102s beats " + v102[7]);
        assertTrue(md.contains("sample 0 of II at 250 Hz, PPG PLETH"), md);
        assertTrue(!v102[8].equals("NaN"), "a PAT from the record's PLETH: " + String.join(" | ", v102));
    }

    @Test
    @Tag("realdata")
    void aStatSportsExportTakesItsDayFromSessionJsonThenDateThenTheEpoch(@TempDir Path dir) throws Exception {
        Path file = RealData.require("gps/statsports_U16_ID66.csv.gz");
        Path session = dir.resolve("session");
        Files.createDirectories(session.resolve("gps"));
        Files.copy(file, session.resolve("gps/66.csv.gz"));
        LocalDate kickoffDay = LocalDate.of(2021, 5, 1);
        long kickoff = (kickoffDay.toEpochDay() * 86_400L + 12 * 3600L) * 1_000_000L;
        Files.writeString(session.resolve("session.json"), "{\"kickoff_time_us\": " + kickoff + "}");
        GpsReadResult expected = StatSportsCsvReader.onDate(kickoffDay).read(file);
        int fixes = expected.track().length();
        assertTrue(fixes > 40_000, "fixes " + fixes);
        long first = expected.track().timeMicros(0);

        String md = process(session, dir, "r1", "--date", "2021-06-01");
        assertTrue(md.contains("GNSS rows offered " + fixes + ", stored " + fixes), md);
        assertTrue(md.contains("`process-session-" + first + "`"), "match id names the first fix, 2021-05-01: " + md);
        assertTrue(md.contains("session.json's kick-off date 2021-05-01 is used instead"), md);

        Files.delete(session.resolve("session.json"));
        md = process(session, dir, "r2", "--date", "2021-06-01");
        long june = first + 31L * 86_400_000_000L;
        assertTrue(md.contains("`process-session-" + june + "`"), "--date 2021-06-01: " + md);
        assertTrue(!md.contains("1970-01-01"), md);

        md = process(session, dir, "r3");
        long epoch = first - kickoffDay.toEpochDay() * 86_400_000_000L;
        assertTrue(md.contains("`process-session-" + epoch + "`"), "no date: " + md);
        assertTrue(md.contains("the STATSports fixes are put on 1970-01-01"), md);
        assertNotNull(expected.rejected());
    }

    @Test
    @Tag("realdata")
    void aCatapultExportIsRecognisedByItsHeader(@TempDir Path dir) throws Exception {
        Path file = RealData.require("gps/catapult_U18_ID1.csv.gz");
        Path session = dir.resolve("session");
        Files.createDirectories(session.resolve("gps"));
        Files.copy(file, session.resolve("gps/1.csv.gz"));
        int fixes = CatapultCsvReader.create().read(file).track().length();
        assertTrue(fixes > 30_000, "fixes " + fixes);
        String md = process(session, dir, "report");
        assertTrue(md.contains("GNSS rows offered " + fixes + ", stored " + fixes), md);
    }
}
