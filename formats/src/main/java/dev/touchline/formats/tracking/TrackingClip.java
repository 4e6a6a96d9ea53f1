package dev.touchline.formats.tracking;

import dev.touchline.sensor.PositionFrames;
import java.util.List;
import java.util.Objects;

/**
 * Ground-truth positions of a clip: every object's position per frame in CDF metres, and what each object id
 * stands for ({@code objects.get(id)}). A source with several periods keeps their frames in one
 * {@link PositionFrames}; {@link #sequenceStarts()} gives the row where each period (a continuous run of frames)
 * begins.
 *
 * @param source the file read, for messages
 * @param frameRateHertz nominal frame rate, Hz
 * @param positions rows ordered by frame, then object id
 * @param objects what each object id is; ids are indices into this list
 * @param sequenceStarts first row of each continuous sequence, ascending, starting with 0 (empty for no rows)
 * @param skippedRows rows left out because their position was not finite or more than 100 m from the centre
 * @param firstSkippedLine the 1-based line of the first of them, 0 when none
 */
public record TrackingClip(String source, double frameRateHertz, PositionFrames positions,
                           List<TrackedObject> objects, int[] sequenceStarts, int skippedRows,
                           long firstSkippedLine) {
    /** Checks and copies the components. */
    public TrackingClip {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(positions, "positions");
        objects = List.copyOf(objects);
        sequenceStarts = sequenceStarts.clone();
        if (!(frameRateHertz > 0) || Double.isInfinite(frameRateHertz)) {
            throw new IllegalArgumentException("frameRateHertz must be finite and > 0 Hz, was " + frameRateHertz);
        }
    }

    /** First row of each continuous sequence (a copy). */
    @Override
    public int[] sequenceStarts() {
        return sequenceStarts.clone();
    }

    /** Number of continuous sequences. */
    public int sequenceCount() {
        return sequenceStarts.length;
    }

    /** One past the last row of sequence {@code s}. */
    public int sequenceEnd(int s) {
        return s + 1 < sequenceStarts.length ? sequenceStarts[s + 1] : positions.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackingClip c && source.equals(c.source)
                && Double.compare(frameRateHertz, c.frameRateHertz) == 0 && positions.equals(c.positions)
                && objects.equals(c.objects) && java.util.Arrays.equals(sequenceStarts, c.sequenceStarts)
                && skippedRows == c.skippedRows && firstSkippedLine == c.firstSkippedLine;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, frameRateHertz, positions, objects, java.util.Arrays.hashCode(sequenceStarts),
                skippedRows, firstSkippedLine);
    }

    @Override
    public String toString() {
        return "TrackingClip[" + source + ", " + frameRateHertz + " Hz, " + positions.length() + " rows, "
                + objects.size() + " objects, " + sequenceStarts.length + " sequences, " + skippedRows
                + " rows skipped]";
    }
}
