package dev.touchline.formats.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.testdata.RealData;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tracking readers on the real clips in {@code TOUCHLINE_DATA/tracking} (read in place, never copied). */
@Tag("realdata")
class RealTrackingClipsTest {
    @Test
    void lastRowPlay() throws IOException {
        TrackingClip clip = LastRowReader.standard().read(RealData.require("tracking/last_row/LIV_2-1_CHE.csv"));
        // 21 objects (20 players and the ball) × 195 frames
        assertEquals(21, clip.objects().size());
        assertEquals(21 * 195, clip.positions().length());
        assertEquals(1, clip.objects().stream().filter(TrackedObject::ball).count());
        assertEquals(1, clip.sequenceCount());
    }

    @Test
    void soccerTrackCodf() throws IOException {
        TrackingClip clip = CodfReader.standard().read(RealData.require("tracking/sportslabkit/sample_codf.csv"));
        assertEquals(23, clip.objects().size());
        assertEquals(1, clip.objects().stream().filter(TrackedObject::ball).count());
        // all 22 players in all 750 frames; the ball's failed projections (km off the pitch) are skipped
        assertTrue(clip.positions().length() >= 750 * 22, clip.toString());
        assertTrue(clip.skippedRows() > 0 && clip.skippedRows() < 750, clip.toString());
        for (int i = 0; i < clip.positions().length(); i++) {
            if (clip.objects().get(clip.positions().objectId(i)).ball()) {
                continue;
            }
            assertTrue(Math.abs(clip.positions().x(i)) < 60 && Math.abs(clip.positions().y(i)) < 40,
                    "player row " + i + " off the pitch");
        }
    }

    @Test
    void sportecPositions() throws IOException {
        TrackingClip clip = new SportecPositionsReader().read(
                RealData.require("tracking/kloppy_tests/sportec_positional.xml"));
        assertEquals(4, clip.objects().size());
        assertEquals(490, clip.positions().length());
        // first and second half are separate sequences
        assertEquals(2, clip.sequenceCount(), clip.toString());
    }
}
