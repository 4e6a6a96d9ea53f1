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
        assertTrue(json.get("filter").asText().startsWith("Butterworth low-pass order 4, 20.0 Hz"));
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
}
