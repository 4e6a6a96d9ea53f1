package dev.touchline.formats;

import dev.touchline.testdata.RealData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.formats.fit.FitActivityReader;
import dev.touchline.formats.fit.FitRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The FIT decoder on a file built here byte by byte, and on the real Garmin file against its decoded CSV. */
class FitActivityReaderTest {

    /** A minimal FIT file: one record definition (timestamp, lat, lon, speed, hr), two records, one compressed. */
    static byte[] tinyFit() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[] {0x40, 0, 0, 20, 0, 5, (byte) 253, 4, (byte) 0x86, 0, 4, (byte) 0x85, 1, 4,
            (byte) 0x85, 6, 2, (byte) 0x84, 3, 1, 2});
        data.write(0x00);
        data.writeBytes(le(1_000_000_000L, 4));
        data.writeBytes(le(536_870_912L, 4)); // 45°
        data.writeBytes(le(-268_435_456L, 4)); // −22.5°
        data.writeBytes(le(5_250, 2));
        data.write(150);
        // compressed timestamp header, local type 0, offset 5 seconds later (1e9 & 0x1F is 0)
        data.write(0x80 | ((int) ((1_000_000_000L + 5) & 0x1F)));
        data.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        data.writeBytes(le(0x7FFFFFFFL, 4));
        data.writeBytes(le(0x7FFFFFFFL, 4));
        data.writeBytes(le(0xFFFF, 2));
        data.write(0xFF);
        byte[] body = data.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {12, 0x10, 0x40, 0});
        file.writeBytes(le(body.length, 4));
        file.writeBytes(".FIT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        file.writeBytes(body);
        byte[] all = file.toByteArray();
        int crc = crc16(all);
        file.writeBytes(le(crc, 2));
        return file.toByteArray();
    }

    private static byte[] le(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static int crc16(byte[] data) {
        int crc = 0;
        for (byte value : data) {
            crc ^= value & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    @Test
    void decodesRecordsCompressedTimestampsAndInvalidValues() throws IOException {
        FitRecords r = FitActivityReader.create().read(tinyFit(), "tiny.fit");
        assertEquals(2, r.length());
        long t0 = (1_000_000_000L + FitActivityReader.FIT_EPOCH_SECONDS) * 1_000_000L;
        assertEquals(t0, r.timeMicros(0));
        assertEquals(45.0, FitRecords.degrees(r.latSemicircles(0)));
        assertEquals(-22.5, FitRecords.degrees(r.lonSemicircles(0)));
        assertEquals(5.25f, r.speedMetresPerSecond(0));
        assertEquals(150, r.heartRate(0));
        assertEquals(t0 + 5_000_000L, r.timeMicros(1));
        assertEquals(FitRecords.NO_POSITION, r.latSemicircles(1));
        assertEquals(FitRecords.NO_HEART_RATE, r.heartRate(1));
        GpsReadResult gps = r.gps();
        assertEquals(1, gps.track().length());
        assertEquals(1, gps.rejected().size());
        assertEquals(2, gps.rejected().get(0).line());
    }

    @Test
    void damagedFilesFailNamingFileAndByte() {
        byte[] good = tinyFit();
        byte[] flipped = good.clone();
        flipped[20] ^= 1;
        FormatException e = assertThrows(FormatException.class, () -> FitActivityReader.create().read(flipped, "x.fit"));
        assertTrue(e.getMessage().startsWith("x.fit: byte"), e.getMessage());
        assertThrows(FormatException.class, () -> FitActivityReader.create().read(Arrays.copyOf(good, 30), "x.fit"));
        assertThrows(FormatException.class, () -> FitActivityReader.create().read(new byte[5], "x.fit"));
    }

    @Test
    @Tag("realdata")
    void garminEdge500MatchesItsDecodedCsvAndRoundTripsThroughTheCodec() throws IOException {
        Path fit = RealData.require("gps/garmin-edge-500-activity.fit");
        Path csv = RealData.require("gps/garmin_edge500_records.csv.gz");
        FitRecords records = FitActivityReader.create().read(fit);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);
        int row = 0;
        int missing = 0;
        int lastLat = 0;
        int lastLon = 0;
        try (CsvLines lines = CsvLines.open(csv)) {
            String[] h = lines.header();
            int ts = lines.column(h, "timestamp");
            int hr = lines.column(h, "heart_rate");
            int sp = lines.column(h, "speed");
            int la = lines.column(h, "position_lat");
            int lo = lines.column(h, "position_long");
            for (String[] f = lines.next(); f.length > 0; f = lines.next(), row++) {
                long expected = ZonedDateTime.parse(f[ts], format).toEpochSecond() * 1_000_000L;
                assertEquals(expected, records.timeMicros(row), "row " + row);
                // The CSV beside the file repeats the last position where a record has none.
                if (records.latSemicircles(row) == FitRecords.NO_POSITION) {
                    missing++;
                } else {
                    lastLat = records.latSemicircles(row);
                    lastLon = records.lonSemicircles(row);
                }
                assertEquals(Integer.parseInt(f[la]), lastLat, "row " + row);
                assertEquals(Integer.parseInt(f[lo]), lastLon, "row " + row);
                if (!f[sp].isEmpty()) {
                    assertEquals(Double.parseDouble(f[sp]), records.speedMetresPerSecond(row), 5e-4, "row " + row);
                }
                if (!f[hr].isEmpty()) {
                    assertEquals(Integer.parseInt(f[hr]), records.heartRate(row), "row " + row);
                }
            }
        }
        assertEquals(row, records.length());
        GpsReadResult gps = records.gps();
        assertEquals(missing, gps.rejected().size());
        assertTrue(missing < row / 100, missing + " records without a position");
        GpsCodec codec = GpsCodec.defaults();
        byte[] bytes = codec.encode(gps.track());
        assertEquals(codec.quantise(gps.track()), codec.decode(bytes));
        System.out.printf(Locale.ROOT, "garmin edge 500: %d records, %d fixes, %.3f bits per fix%n", row,
                gps.track().length(), 8.0 * bytes.length / gps.track().length());
    }
}
