package dev.touchline.formats.gpx;

import dev.touchline.formats.FormatException;
import dev.touchline.formats.GpsFixCollector;
import dev.touchline.formats.GpsReadResult;
import dev.touchline.sensor.TimeMicros;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the track points ({@code trk/trkseg/trkpt}) of a GPX 1.1 file: {@code lat}/{@code lon} attributes, the
 * {@code time} element (ISO-8601 with offset), and a speed in m/s from any extension element named {@code speed}
 * (Garmin's TrackPointExtension v2 writes one); NaN speed otherwise. Track points without a time fail (a track
 * needs time stamps); invalid coordinates are rejected with a reason. DTDs and external entities are disabled.
 */
public final class GpxReader {
    private GpxReader() {
    }

    /** A reader. */
    public static GpxReader create() {
        return new GpxReader();
    }

    /** Reads a file. */
    public GpsReadResult read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a stream named {@code source} in errors. */
    public GpsReadResult read(InputStream in, String source) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        GpsFixCollector fixes = new GpsFixCollector(source);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            long line = 0;
            double lat = Double.NaN;
            double lon = Double.NaN;
            long time = Long.MIN_VALUE;
            float speed = Float.NaN;
            boolean inPoint = false;
            boolean sawGpx = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (!sawGpx) {
                        if (!"gpx".equals(name)) {
                            throw new FormatException(source, xml.getLocation().getLineNumber(), "root element is <"
                                    + name + ">, expected <gpx>");
                        }
                        sawGpx = true;
                    } else if ("trkpt".equals(name)) {
                        inPoint = true;
                        line = xml.getLocation().getLineNumber();
                        lat = attribute(xml, "lat", source);
                        lon = attribute(xml, "lon", source);
                        time = Long.MIN_VALUE;
                        speed = Float.NaN;
                    } else if (inPoint && "time".equals(name)) {
                        String text = xml.getElementText().trim();
                        try {
                            time = TimeMicros.of(OffsetDateTime.parse(text).toInstant());
                        } catch (DateTimeParseException e) {
                            throw new FormatException(source, xml.getLocation().getLineNumber(), "time '" + text
                                    + "' is not ISO-8601", e);
                        }
                    } else if (inPoint && "speed".equals(name)) {
                        String text = xml.getElementText().trim();
                        try {
                            speed = Float.parseFloat(text);
                        } catch (NumberFormatException e) {
                            throw new FormatException(source, xml.getLocation().getLineNumber(), "speed '" + text
                                    + "' is not a number", e);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "trkpt".equals(xml.getLocalName())) {
                    inPoint = false;
                    if (time == Long.MIN_VALUE) {
                        throw new FormatException(source, line, "track point without <time>");
                    }
                    fixes.offer(line, time, lat, lon, speed);
                }
            }
            if (!sawGpx) {
                throw new FormatException(source, 0, "no <gpx> element");
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new FormatException(source, Math.max(0, line), "not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // closing a reader that already failed; the original error (or result) stands
                }
            }
        }
        return fixes.result();
    }

    private static double attribute(XMLStreamReader xml, String name, String source) throws FormatException {
        String value = xml.getAttributeValue(null, name);
        if (value == null) {
            throw new FormatException(source, xml.getLocation().getLineNumber(), "trkpt without " + name);
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new FormatException(source, xml.getLocation().getLineNumber(), name + " '" + value
                    + "' is not a number", e);
        }
    }
}
