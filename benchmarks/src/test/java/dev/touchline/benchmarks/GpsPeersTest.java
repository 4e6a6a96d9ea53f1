package dev.touchline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.sensor.GpsTrack;
import org.junit.jupiter.api.Test;

/** Every benchmark kernel round-trips a simulated track (seed 1, 2 minutes) and reports a plausible size. */
class GpsPeersTest {
    @Test
    void everyCodecRoundTripsLatitude() throws CorruptGpsDataException {
        GpsTrack track = GpsDatasets.simulated(1, 2);
        assertTrue(track.length() > 1000, "fixes: " + track.length());
        for (String name : GpsPeers.NAMES) {
            byte[] bytes = GpsPeers.encode(name, track);
            GpsPeers.Columns out = new GpsPeers.Columns(track.length());
            assertEquals(track.length(), GpsPeers.decode(name, bytes, track.length(), out), name);
            for (int i = 0; i < track.length(); i++) {
                boolean quantised = !name.endsWith("-raw") && !name.equals("plain");
                double expected = quantised ? Math.round(track.latDeg(i) * 1e6) / 1e6 : track.latDeg(i);
                assertEquals(expected, out.lat(i), name + " fix " + i);
            }
            double bits = 8.0 * bytes.length / track.length();
            assertTrue(bits > 0.5 && bits <= 8 * GpsPeers.PLAIN_BYTES_PER_FIX + 1, name + ": " + bits);
        }
    }
}
