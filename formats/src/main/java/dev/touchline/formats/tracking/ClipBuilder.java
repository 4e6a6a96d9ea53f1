package dev.touchline.formats.tracking;

import dev.touchline.formats.FormatException;
import dev.touchline.sensor.PositionFrames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects rows in any order, checks them and sorts them by frame and object into a {@link TrackingClip}. A frame
 * number seen twice for one object is an error naming both lines; a time gap of more than a second between
 * consecutive frames starts a new sequence. A non-finite position, or one more than 100 m from the centre spot,
 * is skipped and counted: real sources carry such rows (SoccerTrack's ball leaves the pitch by kilometres when its
 * projection fails), and one bad row should not lose a clip.
 */
final class ClipBuilder {
    private static final long SEQUENCE_GAP_MICROS = 1_000_000L;
    private static final double MAX_OFFSET_METRES = 100;

    private final String source;
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<TrackedObject> objects = new ArrayList<>();
    private int[] frame = new int[1024];
    private long[] time = new long[1024];
    private int[] object = new int[1024];
    private float[] x = new float[1024];
    private float[] y = new float[1024];
    private long[] line = new long[1024];
    private int rows;
    private int skipped;
    private long firstSkippedLine;

    ClipBuilder(String source) {
        this.source = source;
    }

    /** The id of an object, registering it on first sight. */
    int object(String name, String team, boolean ball) {
        Integer id = ids.get(name);
        if (id == null) {
            id = objects.size();
            ids.put(name, id);
            objects.add(new TrackedObject(name, team, ball));
        }
        return id;
    }

    /** Adds a row, or skips and counts it when the position is not finite or more than 100 m out. */
    void add(long lineNumber, int frameNumber, long timeMicros, int objectId, double xMetres, double yMetres) {
        if (!Double.isFinite(xMetres) || !Double.isFinite(yMetres)
                || Math.abs(xMetres) > MAX_OFFSET_METRES || Math.abs(yMetres) > MAX_OFFSET_METRES) {
            if (skipped++ == 0) {
                firstSkippedLine = lineNumber;
            }
            return;
        }
        if (rows == frame.length) {
            int c = 2 * rows;
            frame = Arrays.copyOf(frame, c);
            time = Arrays.copyOf(time, c);
            object = Arrays.copyOf(object, c);
            x = Arrays.copyOf(x, c);
            y = Arrays.copyOf(y, c);
            line = Arrays.copyOf(line, c);
        }
        frame[rows] = frameNumber;
        time[rows] = timeMicros;
        object[rows] = objectId;
        x[rows] = (float) xMetres;
        y[rows] = (float) yMetres;
        line[rows] = lineNumber;
        rows++;
    }

    TrackingClip build(double frameRateHertz) throws FormatException {
        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> frame[a] != frame[b] ? Integer.compare(frame[a], frame[b])
                : object[a] != object[b] ? Integer.compare(object[a], object[b]) : Long.compare(line[a], line[b]));
        int[] f = new int[rows];
        long[] t = new long[rows];
        int[] o = new int[rows];
        float[] px = new float[rows];
        float[] py = new float[rows];
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            int i = order[k];
            f[k] = frame[i];
            t[k] = time[i];
            o[k] = object[i];
            px[k] = x[i];
            py[k] = y[i];
            if (k > 0) {
                int p = order[k - 1];
                if (frame[p] == frame[i] && object[p] == object[i]) {
                    throw new FormatException(source, line[i], "frame " + frame[i] + " of object '"
                            + objects.get(object[i]).name() + "' appears twice (also line " + line[p] + ")");
                }
                if (frame[p] == frame[i] && time[p] != time[i]) {
                    throw new FormatException(source, line[i], "frame " + frame[i] + " has two time stamps ("
                            + time[p] + " µs at line " + line[p] + ", " + time[i] + " µs)");
                }
                if (time[i] < time[p]) {
                    throw new FormatException(source, line[i], "frame " + frame[i]
                            + " is earlier than frame " + frame[p] + " (line " + line[p] + ")");
                }
            }
            if (k == 0 || t[k] - t[k - 1] > SEQUENCE_GAP_MICROS) {
                starts.add(k);
            }
        }
        int[] s = starts.stream().mapToInt(Integer::intValue).toArray();
        return new TrackingClip(source, frameRateHertz, PositionFrames.of(f, t, o, px, py, rows), objects, s,
                skipped, firstSkippedLine);
    }
}
