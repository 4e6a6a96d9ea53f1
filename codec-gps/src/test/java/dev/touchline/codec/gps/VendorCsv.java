package dev.touchline.codec.gps;

import dev.touchline.sensor.GpsTrack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A deliberately tiny test-only parser of the two vendor CSVs (the real readers live in the formats module, which
 * this module must not depend on). Rows that would make time go backwards are skipped.
 */
final class VendorCsv {
    private VendorCsv() {
    }

    /** STATSports: time of day on the epoch day; speed in km/h. */
    static GpsTrack statsports(Path gz) throws IOException {
        GpsTrack.Builder b = GpsTrack.builder();
        try (BufferedReader r = open(gz)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                String[] hms = f[2].trim().split(":");
                long micros = Math.round((Integer.parseInt(hms[0]) * 3600.0 + Integer.parseInt(hms[1]) * 60.0
                        + Double.parseDouble(hms[2])) * 1e6);
                add(b, micros, Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        (float) (Double.parseDouble(f[6]) / 3.6));
            }
        }
        return b.build();
    }

    /** Catapult: Excel serial days, longitude, latitude; no speed. */
    static GpsTrack catapult(Path gz) throws IOException {
        GpsTrack.Builder b = GpsTrack.builder();
        try (BufferedReader r = open(gz)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                long micros = Math.round((Double.parseDouble(f[0]) - 25_569.0) * 86_400e6);
                add(b, micros, Double.parseDouble(f[2]), Double.parseDouble(f[1]), Float.NaN);
            }
        }
        return b.build();
    }

    private static void add(GpsTrack.Builder b, long micros, double lat, double lon, float speed) {
        if (micros >= b.lastTimeMicros()) {
            b.add(micros, lat, lon, speed);
        }
    }

    private static BufferedReader open(Path gz) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8));
    }
}
