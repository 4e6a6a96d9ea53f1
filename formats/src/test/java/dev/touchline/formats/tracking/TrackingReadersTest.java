package dev.touchline.formats.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.formats.CsvLines;
import dev.touchline.formats.FormatException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tracking readers on small hand-written inputs (no seeds: nothing random). */
class TrackingReadersTest {
    private static CsvLines lines(String text) {
        return new CsvLines(new BufferedReader(new StringReader(text)), "clip.csv");
    }

    private static TrackingClip lastRow(String text) throws IOException {
        return LastRowReader.standard().read(new BufferedReader(new StringReader(text)), "clip.csv");
    }

    @Test
    void lastRowConvertsPitchUnitsAndSortsByFrame() throws IOException {
        String csv = "player,frame,x,y,z,coords,team\n"
                + "7,1,50,50,0,\"(1.0, 2.0)\",attack\n"
                + "7,0,0,100,0,\"(1.0, \"\"2.0)\",attack\n"
                + "0,0,100,0,0.3,,\n"
                + "0,1,25,75,0.2,,\n";
        TrackingClip clip = lastRow((csv));
        assertEquals(4, clip.positions().length());
        assertEquals(2, clip.objects().size());
        assertEquals(new TrackedObject("7", "attack", false), clip.objects().get(0));
        assertTrue(clip.objects().get(1).ball());
        // frame 0: object 0 (player 7) at (0, 100) units → (−52.5, 34) m;
        // object 1 (ball) at (100, 0) → (52.5, −34) m
        assertEquals(0, clip.positions().frame(0));
        assertEquals(0, clip.positions().objectId(0));
        assertEquals(-52.5, clip.positions().x(0), 1e-4);
        assertEquals(34.0, clip.positions().y(0), 1e-4);
        assertEquals(52.5, clip.positions().x(1), 1e-4);
        assertEquals(50_000, clip.positions().timeMicros(2));
        assertEquals(0.0, clip.positions().x(2), 1e-4);
        assertEquals(1, clip.sequenceCount());
    }

    @Test
    void lastRowErrorsNameFileAndLine() {
        FormatException bad = assertThrows(FormatException.class, () -> lastRow((
                "player,frame,x,y\n1,0,10,10\n1,1,abc,10\n")));
        assertEquals(3, bad.line());
        assertTrue(bad.getMessage().startsWith("clip.csv:3: "), bad.getMessage());
        FormatException duplicate = assertThrows(FormatException.class, () -> lastRow((
                "player,frame,x,y\n1,0,10,10\n1,0,11,10\n")));
        assertEquals(3, duplicate.line());
        assertTrue(duplicate.getMessage().contains("appears twice (also line 2)"), duplicate.getMessage());
        FormatException missing = assertThrows(FormatException.class, () -> lastRow((
                "player,frame,y\n")));
        assertTrue(missing.getMessage().contains("no column 'x'"), missing.getMessage());
        FormatException quote = assertThrows(FormatException.class, () -> lastRow(
                "player,frame,x,y,coords\n1,0,10,10,\"(1, 2)\n"));
        assertEquals(2, quote.line());
        assertTrue(quote.getMessage().contains("unterminated"), quote.getMessage());
    }

    @Test
    void rowsWithNonFiniteOrFarPositionsAreSkippedAndCounted() throws IOException {
        TrackingClip clip = lastRow((
                "player,frame,x,y\n1,0,10,10\n1,1,NaN,10\n1,2,900,10\n1,3,11,10\n"));
        assertEquals(2, clip.positions().length());
        assertEquals(2, clip.skippedRows());
        assertEquals(3, clip.firstSkippedLine());
        assertEquals(3, clip.positions().frame(1));
    }

    @Test
    void codfShiftsToCentreOriginAndSkipsEmptyPairs() throws IOException {
        String csv = "TeamID,0,0,3,3\n"
                + "PlayerID,5,5,0,0\n"
                + "Attributes,x,y,x,y\n"
                + "frame,,,,\n"
                + "0,52.5,34,10,20\n"
                + "1,53.5,34,,\n"
                + "2,54.5,35,11,21\n";
        TrackingClip clip = CodfReader.standard().read(lines(csv));
        assertEquals(5, clip.positions().length());
        assertEquals("0/5", clip.objects().get(0).name());
        assertTrue(clip.objects().get(1).ball());
        assertEquals(0.0, clip.positions().x(0), 1e-5);
        assertEquals(0.0, clip.positions().y(0), 1e-5);
        assertEquals(-42.5, clip.positions().x(1), 1e-5);
        assertEquals(1.0, clip.positions().x(2), 1e-5);
        assertEquals(40_000, clip.positions().timeMicros(2));
        assertEquals(2, clip.positions().frame(3));
    }

    @Test
    void codfRejectsBrokenHeadersAndRows() {
        FormatException header = assertThrows(FormatException.class, () -> CodfReader.standard().read(lines(
                "TeamID,0,0\nPlayerID,5,6\nAttributes,x,y\n")));
        assertTrue(header.getMessage().contains("not an x, y pair"), header.getMessage());
        FormatException row = assertThrows(FormatException.class, () -> CodfReader.standard().read(lines(
                "TeamID,0,0\nPlayerID,5,5\nAttributes,x,y\nframe,,\n0,1,2\n1,1\n")));
        assertEquals(6, row.line());
        FormatException start = assertThrows(FormatException.class, () -> CodfReader.standard().read(lines(
                "frame,x,y\n")));
        assertTrue(start.getMessage().contains("'TeamID'"), start.getMessage());
    }

    private static TrackingClip sportec(String xml) throws IOException {
        return new SportecPositionsReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "positions.xml");
    }

    @Test
    void sportecMergesFrameSetsByFrame() throws IOException {
        String xml = "<?xml version=\"1.0\"?>\n<PutDataRequest><Positions>\n"
                + "<FrameSet GameSection=\"firstHalf\" TeamId=\"BALL\" PersonId=\"B\">\n"
                + "<Frame N=\"10\" T=\"2020-06-05T20:30:00.000+02:00\" X=\"1.5\" Y=\"-2\" Z=\"0\"/>\n"
                + "<Frame N=\"11\" T=\"2020-06-05T20:30:00.040+02:00\" X=\"1.6\" Y=\"-2\" Z=\"0\"/>\n"
                + "</FrameSet>\n"
                + "<FrameSet GameSection=\"firstHalf\" TeamId=\"T1\" PersonId=\"P1\">\n"
                + "<Frame N=\"10\" T=\"2020-06-05T20:30:00.000+02:00\" X=\"-3\" Y=\"4\"/>\n"
                + "</FrameSet>\n"
                + "</Positions></PutDataRequest>\n";
        TrackingClip clip = sportec(xml);
        assertEquals(3, clip.positions().length());
        assertTrue(clip.objects().get(0).ball());
        assertEquals("T1", clip.objects().get(1).team());
        assertEquals(10, clip.positions().frame(1));
        assertEquals(1, clip.positions().objectId(1));
        assertEquals(-3.0, clip.positions().x(1), 1e-6);
        assertEquals(java.time.OffsetDateTime.parse("2020-06-05T18:30:00.040Z").toInstant().toEpochMilli() * 1000,
                clip.positions().timeMicros(2));
    }

    @Test
    void sportecErrorsNameTheLine() {
        FormatException bad = assertThrows(FormatException.class, () -> sportec(
                "<?xml version=\"1.0\"?>\n<P>\n<FrameSet TeamId=\"T\" PersonId=\"P\">\n"
                        + "<Frame N=\"1\" T=\"2020-06-05T20:30:00.000+02:00\" X=\"x\" Y=\"0\"/>\n</FrameSet></P>"));
        assertEquals(4, bad.line());
        assertTrue(bad.getMessage().startsWith("positions.xml:4: X='x'"), bad.getMessage());
        FormatException broken = assertThrows(FormatException.class, () -> sportec("<P><FrameSet"));
        assertTrue(broken.getMessage().contains("malformed XML"), broken.getMessage());
        FormatException none = assertThrows(FormatException.class, () -> sportec("<P/>"));
        assertTrue(none.getMessage().contains("no FrameSet"), none.getMessage());
    }
}
