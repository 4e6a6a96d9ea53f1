package dev.touchline.formats.tracking;

import dev.touchline.formats.FormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Sportec Solutions / DFL positional XML: {@code FrameSet} elements (attributes {@code GameSection},
 * {@code TeamId}, {@code PersonId}) holding {@code Frame} elements (attributes {@code N} frame number, {@code T}
 * ISO-8601 time with offset, {@code X}, {@code Y} in metres, centre origin: already CDF). Team {@code BALL} is the
 * ball. Each person's frames of one game section are one FrameSet; frames of all sets are merged by frame number.
 * DTDs and external entities are refused.
 */
public final class SportecPositionsReader {
    /** DFL's position frame rate, Hz. */
    public static final double FRAME_RATE_HERTZ = 25.0;

    /** A reader. */
    public SportecPositionsReader() {
        // stateless
    }

    /** Reads a file. */
    public TrackingClip read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a stream named {@code source} in errors (not closed). */
    public TrackingClip read(InputStream in, String source) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        ClipBuilder clip = new ClipBuilder(source);
        XMLStreamReader xml = null;
        int object = -1;
        boolean any = false;
        try {
            xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                long line = xml.getLocation().getLineNumber();
                String name = xml.getLocalName();
                if (name.equals("FrameSet")) {
                    String team = required(xml, source, line, "TeamId");
                    String person = required(xml, source, line, "PersonId");
                    object = clip.object(person, team, team.equals("BALL"));
                    any = true;
                } else if (name.equals("Frame")) {
                    if (object < 0) {
                        throw new FormatException(source, line, "Frame outside a FrameSet");
                    }
                    String n = required(xml, source, line, "N");
                    int frame;
                    try {
                        frame = Integer.parseInt(n);
                    } catch (NumberFormatException e) {
                        throw new FormatException(source, line, "frame number N='" + n + "' is not an integer", e);
                    }
                    if (frame < 0) {
                        throw new FormatException(source, line, "frame number N=" + frame + " is negative");
                    }
                    String t = required(xml, source, line, "T");
                    long micros;
                    try {
                        OffsetDateTime time = OffsetDateTime.parse(t);
                        micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, time.toInstant());
                    } catch (DateTimeParseException e) {
                        throw new FormatException(source, line, "time T='" + t + "' is not an ISO-8601 time with"
                                + " offset", e);
                    }
                    clip.add(line, frame, micros, object, number(xml, source, line, "X"),
                            number(xml, source, line, "Y"));
                }
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            throw new FormatException(source, Math.max(0, line), "malformed XML: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a stream we do not own: nothing to release
                }
            }
        }
        if (!any) {
            throw new FormatException(source, 0, "no FrameSet element: not Sportec positional data");
        }
        return clip.build(FRAME_RATE_HERTZ);
    }

    private static String required(XMLStreamReader xml, String source, long line, String attribute)
            throws FormatException {
        String v = xml.getAttributeValue(null, attribute);
        if (v == null || v.isEmpty()) {
            throw new FormatException(source, line, "<" + xml.getLocalName() + "> has no " + attribute
                    + " attribute");
        }
        return v;
    }

    private static double number(XMLStreamReader xml, String source, long line, String attribute)
            throws FormatException {
        String v = required(xml, source, line, attribute);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new FormatException(source, line, attribute + "='" + v + "' is not a number", e);
        }
    }
}
