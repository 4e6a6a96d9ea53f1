package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imu orientation, load and ecg rpeaks commands on synthetic inputs written here (no randomness). */
class FusionCommandsTest {
    private static final double G = 9.80665;


    private static Path imuCsv(Path dir, int rows) throws IOException {
        StringBuilder b = new StringBuilder("time_s,gyr_x_rad_s,gyr_y_rad_s,gyr_z_rad_s,acc_x_m_s2,acc_y_m_s2,"
                + "acc_z_m_s2,extra\n");
        for (int i = 0; i < rows; i++) { // 0.5 rad/s about the vertical, at 100 Hz
            b.append(String.format(Locale.ROOT, "%.2f,0,0,0.5,0,0,%.5f,7%n", i / 100.0, G));
        }
        Path p = dir.resolve("imu.csv");
        Files.writeString(p, b);
        return p;
    }

    @Test
    void orientationWritesOneQuaternionPerRow(@TempDir Path dir) throws IOException {
        Path in = imuCsv(dir, 201);
        for (String algorithm : new String[] {"madgwick", "mahony", "complementary"}) {
            Path out = dir.resolve(algorithm + ".csv");
            CliResult r = CliResult.run("imu", "orientation", "--in", in.toString(), "--out", out.toString(),
                    "--algorithm",
                    algorithm);
            assertEquals(0, r.code(), r.err());
            List<String> lines = Files.readAllLines(out);
            assertEquals("time_s,qw,qx,qy,qz", lines.get(0));
            assertEquals(202, lines.size());
            String[] last = lines.get(201).split(",");
            double yaw = 2 * Math.atan2(Double.parseDouble(last[4]), Double.parseDouble(last[1]));
            assertEquals(1.0, yaw, 1e-4, algorithm); // 2 s at 0.5 rad/s
        }
    }

    @Test
    void orientationWithMagNeedsTheColumnsAndBadRowsAreNamed(@TempDir Path dir) throws IOException {
        Path in = imuCsv(dir, 20);
        CliResult noMag = CliResult.run("imu", "orientation", "--in", in.toString(), "--out",
                dir.resolve("q.csv").toString(),
                "--mag");
        assertEquals(3, noMag.code());
        assertTrue(noMag.err().contains("mag_x_uT"), noMag.err());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(in));
        lines.set(5, "0.04,0,0,NaN,0,0,9.8,7");
        Files.write(in, lines);
        CliResult nan = CliResult.run("imu", "orientation", "--in", in.toString(), "--out",
                dir.resolve("q.csv").toString());
        assertEquals(3, nan.code());
        assertTrue(nan.err().contains("line 6"), nan.err());
        lines.set(5, "0.01,0,0,0,0,0,9.8,7");
        Files.write(in, lines);
        CliResult back = CliResult.run("imu", "orientation", "--in", in.toString(), "--out",
                dir.resolve("q.csv").toString());
        assertEquals(3, back.code());
        assertTrue(back.err().contains("line 6") && back.err().contains("does not increase"), back.err());
        CliResult usage = CliResult.run("imu", "orientation", "--in", in.toString(), "--out",
                dir.resolve("q.csv").toString(),
                "--algorithm", "kalman");
        assertEquals(2, usage.code());
    }

    @Test
    void loadReportsPerMinuteAndTotal(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder("time_s,acc_x_m_s2,acc_y_m_s2,acc_z_m_s2\n");
        for (int i = 0; i < 120_000; i++) { // 1 g at 2 Hz along x, 1 kHz, 120 s: 0.08 per second
            double t = i / 1000.0;
            b.append(String.format(Locale.ROOT, "%.3f,%.5f,0,0%n", t, G + G * Math.sin(2 * Math.PI * 2 * t)));
        }
        Path in = dir.resolve("acc.csv");
        Files.writeString(in, b, StandardCharsets.UTF_8);
        Path out = dir.resolve("load.csv");
        CliResult r = CliResult.run("load", "--in", in.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(9.6, json.get("player_load").asDouble(), 0.05);
        assertEquals(9.6, json.get("player_load_vertical").asDouble(), 0.05);
        assertEquals(1000, json.get("input_rate_hz").asDouble(), 1e-6);
        // at 1 kHz: the 60 Hz anti-alias low-pass, one sample in 5, then the 20 Hz PlayerLoad low-pass at 200 Hz
        // (the rate is estimated from the time stamps, so it prints as 999.99... Hz)
        String filter = json.get("filter").asText();
        assertTrue(filter.startsWith("Butterworth low-pass order 4, 60.0 Hz at "), filter);
        assertTrue(filter.contains("one sample in 5 kept") && filter.contains("order 4, 20.0 Hz at "), filter);
        List<String> lines = Files.readAllLines(out);
        assertEquals("minute,start_s,player_load,player_load_2d,player_load_vertical,covered_fraction,filter",
                lines.get(0));
        assertEquals(3, lines.size());
        assertEquals(4.8, Double.parseDouble(lines.get(1).split(",")[2]), 0.03);
    }

    @Test
    void rpeaksFindsSyntheticBeatsInAFormat16Record(@TempDir Path dir) throws IOException {
        int fs = 250;
        int n = fs * 30;
        byte[] data = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            // a narrow QRS-like pulse every 0.8 s (75 bpm), first at 0.4 s, plus a broad T wave
            double t = i / (double) fs;
            double phase = (t - 0.4) % 0.8;
            double phaseT = (t - 0.65) % 0.8;
            double v = 1000 * Math.exp(-phase * phase / (2 * 0.012 * 0.012))
                    + 250 * Math.exp(-phaseT * phaseT / (2 * 0.04 * 0.04));
            short s = (short) Math.round(v);
            data[2 * i] = (byte) s;
            data[2 * i + 1] = (byte) (s >> 8);
        }
        Files.write(dir.resolve("syn.dat"), data);
        Files.writeString(dir.resolve("syn.hea"), "syn 1 " + fs + " " + n + "\nsyn.dat 16 1000/mV 16 0 0 0 0 ECG\n");
        Path out = dir.resolve("peaks.csv");
        CliResult r = CliResult.run("ecg", "rpeaks", "--record", dir.resolve("syn").toString(), "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sample,time_s", lines.get(0));
        assertEquals(37, lines.size() - 1); // 0.4 s + k·0.8 s < 30 s: k = 0..36
        for (int k = 1; k < lines.size(); k++) {
            int sample = Integer.parseInt(lines.get(k).split(",")[0]);
            assertEquals(100 + (k - 1) * 200, sample, 2.0, "beat " + k);
        }
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(37, json.get("beats").asInt());
        CliResult missing = CliResult.run("ecg", "rpeaks", "--record", dir.resolve("none").toString(), "--out",
                out.toString());
        assertEquals(2, missing.code());
    }

    /** A 1 kHz tibia IMU, 10 s: a strike every 0.6 s (3.5 g, 35 Hz, 7 ms decay) with the shank rotating forward, and
     *  between strikes 2-5 a landing of the other foot (2 g) while the shank swings back at 3 rad/s. */
    private static Path tibiaCsv(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("time_s,gyr_x_rad_s,gyr_y_rad_s,gyr_z_rad_s,acc_x_m_s2,acc_y_m_s2,"
                + "acc_z_m_s2\n");
        for (int i = 0; i < 10_000; i++) {
            double t = i / 1000.0;
            double since = (t - 0.5) % 0.6;
            double ax = G;
            double gz = 1.0;
            if (t >= 0.5 && since < 0.06) {
                ax += 3.5 * G * Math.exp(-since / 0.007) * Math.sin(2 * Math.PI * 35 * since) / 0.4394;
            }
            double other = since - 0.3;
            if (t >= 1.7 && t < 3.5 && other >= 0 && other < 0.06) {
                ax += 2 * G * Math.exp(-other / 0.007) * Math.sin(2 * Math.PI * 35 * other) / 0.4394;
            }
            if (other >= -0.05 && other < 0.1) {
                gz = -3;
            }
            b.append(String.format(Locale.ROOT, "%.3f,0,0,%.3f,%.5f,0,0%n", t, gz, ax));
        }
        Path p = dir.resolve("tibia.csv");
        Files.writeString(p, b);
        return p;
    }

    @Test
    void strikesSeparatesFootStrikesFromTheOtherFoot(@TempDir Path dir) throws IOException {
        Path in = tibiaCsv(dir);
        Path out = dir.resolve("strikes.csv");
        CliResult r = CliResult.run("imu", "strikes", "--in", in.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("impact,time_s,peak_g,resultant_peak_g,foot_strike,clipped", lines.get(0));
        int strikes = 0;
        int others = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double t = Double.parseDouble(f[1]);
            double since = (t - 0.5) % 0.6;
            if (f[4].equals("1")) {
                strikes++;
                assertTrue(since < 0.01, "strike at " + t);
                assertEquals(3.5, Double.parseDouble(f[2]), 0.2, line);
            } else {
                others++;
                assertEquals(0.3, since, 0.01, "rejected impact at " + t);
            }
        }
        assertEquals(16, strikes); // 0.5, 1.1, ..., 9.5 s
        assertEquals(3, others); // the other foot's landings at 2.0, 2.6 and 3.2 s
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(16, json.get("foot_strikes").asInt());
        assertEquals(16, json.get("bands").get(3).get("count").asInt()); // 3-5 g
        CliResult off = CliResult.run("imu", "strikes", "--in", in.toString(), "--out", out.toString(),
                "--swing-limit-deg-s", "0", "--json");
        assertEquals(19, new ObjectMapper().readTree(off.out()).get("foot_strikes").asInt());
        assertEquals(2, CliResult.run("imu", "strikes", "--in", in.toString(), "--out", out.toString(),
                "--bands-g", "2,1").code());
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(in));
        rows.set(100, "0.099,0,0,1,Infinity,0,0");
        Files.write(in, rows);
        CliResult bad = CliResult.run("imu", "strikes", "--in", in.toString(), "--out", out.toString());
        assertEquals(3, bad.code());
        assertTrue(bad.err().contains("line 101"), bad.err());
    }

    /** Synthetic ECG (250 Hz, QRS and T waves, 72 bpm) and PPG (250 Hz, pulse foot 200 ms after each R peak). */
    private static void ecgPpgCsv(Path ecg, Path ppg) throws IOException {
        StringBuilder e = new StringBuilder("time_s,ecg_mV\n");
        StringBuilder p = new StringBuilder("time_s,ppg\n");
        double rr = 60 / 72.0;
        for (int i = 0; i < 250 * 60; i++) {
            double t = i / 250.0;
            double v = 0;
            double w = 0;
            for (int k = 0; k < 80; k++) {
                double r = 0.3 + k * rr;
                v += 1.5 * Math.exp(-0.5 * Math.pow((t - r) / 0.012, 2))
                        + 0.3 * Math.exp(-0.5 * Math.pow((t - r - 0.25) / 0.04, 2));
                double tau = t - r - 0.2;
                if (tau > 0) {
                    w += (1 - Math.exp(-tau / 0.08)) * Math.exp(-tau / 0.5);
                }
            }
            e.append(String.format(Locale.ROOT, "%.4f,%.5f%n", t, v));
            p.append(String.format(Locale.ROOT, "%.4f,%.5f%n", t, 1000 * w));
        }
        Files.writeString(ecg, e);
        Files.writeString(ppg, p);
    }

    @Test
    void patFromCsvInputs(@TempDir Path dir) throws IOException {
        Path ecg = dir.resolve("ecg.csv");
        Path ppg = dir.resolve("ppg.csv");
        ecgPpgCsv(ecg, ppg);
        Path out = dir.resolve("pat.csv");
        CliResult r = CliResult.run("ppg", "pat", "--ecg-csv", ecg.toString(), "--ppg-csv", ppg.toString(), "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("beat,r_time_s,pat_ms,flag", lines.get(0));
        assertTrue(lines.size() >= 70, lines.size() + " lines");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(200, json.get("median_pat_ms").asDouble(), 8);
        assertEquals(0, json.get("flagged").asInt()); // a steady PAT is never flagged
        assertEquals(2, CliResult.run("ppg", "pat", "--ecg-csv", ecg.toString(), "--out", out.toString()).code());
        assertEquals(2, CliResult.run("ppg", "pat", "--ecg-csv", ecg.toString(), "--ppg-csv", ppg.toString(),
                "--out", out.toString(), "--fiducial", "peak").code());
    }

    @Test
    @org.junit.jupiter.api.Tag("realdata")
    void patOnTheV102sRecord(@TempDir Path dir) throws IOException {
        String data = System.getenv("TOUCHLINE_DATA");
        org.junit.jupiter.api.Assumptions.assumeTrue(data != null, "TOUCHLINE_DATA is not set: v102s test skipped");
        Path hea = Path.of(data, "fusion/wfdb_sample/v102s.hea");
        assertTrue(Files.isRegularFile(hea), "missing real-data file " + hea);
        Path record = hea.resolveSibling("v102s");
        Path out = dir.resolve("pat.csv");
        CliResult r = CliResult.run("ppg", "pat", "--ecg-record", record.toString(), "--ppg-channel", "2", "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        System.out.println("ppg pat on v102s: " + json);
        assertTrue(json.get("measured").asInt() >= 0.8 * json.get("beats").asInt(), json.toString());
        double median = json.get("median_pat_ms").asDouble();
        assertTrue(median > 100 && median < 450, "median PAT " + median);
    }
}
