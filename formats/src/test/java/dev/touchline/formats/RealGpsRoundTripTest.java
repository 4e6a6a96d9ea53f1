package dev.touchline.formats;

import dev.touchline.testdata.RealData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.formats.catapult.CatapultCsvReader;
import dev.touchline.formats.statsports.StatSportsCsvReader;
import dev.touchline.sensor.GpsTrack;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Both real vendor exports through the real readers and the GPS codec (a test-only dependency): every row is a
 * valid fix, the round trip is exact at the codec's quantisation, and the size beats the targets.
 */
@Tag("realdata")
class RealGpsRoundTripTest {

    @Test
    void statsports() throws IOException {
        GpsReadResult r = StatSportsCsvReader.onEpochDay().read(RealData.require("gps/statsports_U16_ID66.csv.gz"));
        assertEquals(43_791, r.track().length());
        assertEquals(0, r.rejected().size());
        roundTrip("statsports", r.track(), 0.7 * 8.52, 4.89);
    }

    @Test
    void catapult() throws IOException {
        GpsReadResult r = CatapultCsvReader.create().read(RealData.require("gps/catapult_U18_ID1.csv.gz"));
        assertEquals(35_128, r.track().length());
        assertEquals(0, r.rejected().size());
        roundTrip("catapult", r.track(), 0.7 * 13.55, 10.87);
    }

    private static void roundTrip(String name, GpsTrack track, double seedTarget, double parquetZstd)
            throws IOException {
        GpsCodec codec = GpsCodec.defaults();
        byte[] bytes = codec.encode(track);
        GpsTrack back = codec.decode(bytes);
        assertEquals(codec.quantise(track), back);
        for (int i = 0; i < track.length(); i++) {
            assertEquals(Math.round(track.latDeg(i) * 1e6) / 1e6, back.latDeg(i));
        }
        double bits = 8.0 * bytes.length / track.length();
        System.out.printf(Locale.ROOT, "%s: %.3f bits per fix with 30 s random access%n", name, bits);
        assertTrue(bits < seedTarget && bits < parquetZstd, name + " " + bits + " bits/fix");
    }
}
