package dev.touchline.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.formats.gpx.GpxReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** GPX 1.1 on small documents written here. */
class GpxReaderTest {
    private static GpsReadResult read(String xml) throws IOException {
        return GpxReader.create().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.gpx");
    }

    @Test
    void readsTrackPointsWithTimeAndExtensionSpeed() throws IOException {
        GpsReadResult r = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
                     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">
                  <trk><trkseg>
                    <trkpt lat="51.5" lon="-0.1"><time>2026-08-15T14:00:00Z</time>
                      <extensions><gpxtpx:TrackPointExtension><gpxtpx:speed>3.25</gpxtpx:speed>
                      </gpxtpx:TrackPointExtension></extensions></trkpt>
                    <trkpt lat="95" lon="-0.1"><time>2026-08-15T14:00:01Z</time></trkpt>
                    <trkpt lat="51.50001" lon="-0.1"><time>2026-08-15T16:00:02+02:00</time></trkpt>
                  </trkseg></trk>
                </gpx>
                """);
        assertEquals(2, r.track().length());
        assertEquals(1_786_802_400_000_000L, r.track().timeMicros(0));
        assertEquals(3.25f, r.track().speedMetresPerSecond(0));
        assertEquals(1_786_802_402_000_000L, r.track().timeMicros(1));
        assertTrue(Float.isNaN(r.track().speedMetresPerSecond(1)));
        assertEquals(1, r.rejected().size());
        assertEquals(8, r.rejected().get(0).line());
    }

    @Test
    void errorsNameFileAndLine() {
        FormatException e = assertThrows(FormatException.class, () -> read("<gpx>\n<trk><trkseg>\n"
                + "<trkpt lat=\"1\" lon=\"2\"></trkpt></trkseg></trk></gpx>"));
        assertTrue(e.getMessage().startsWith("t.gpx:3"), e.getMessage());
        e = assertThrows(FormatException.class, () -> read("<gpx><trk>"));
        assertTrue(e.getMessage().contains("XML"), e.getMessage());
        e = assertThrows(FormatException.class, () -> read("<!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>&x;</time></trkpt></trkseg></trk></gpx>"));
        assertTrue(e.getMessage().startsWith("t.gpx"), e.getMessage());
    }
}
