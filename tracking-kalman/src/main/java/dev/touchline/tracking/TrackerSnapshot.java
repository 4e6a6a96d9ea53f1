package dev.touchline.tracking;

import java.util.List;
import java.util.Objects;

/**
 * The state of a {@link PitchTracker} as a plain value, from which {@link PitchTracker#PitchTracker(TrackerConfig,
 * TrackerSnapshot)} rebuilds an equivalent tracker.
 *
 * @param lastFrameMicros time of the last processed frame, epoch µs ({@link Long#MIN_VALUE} before the first)
 * @param nextId the id the next new track will get
 * @param skippedDetections detections skipped so far
 * @param tracks the live tracks
 */
public record TrackerSnapshot(long lastFrameMicros, int nextId, long skippedDetections, List<Track> tracks) {
    /** Copies the list. */
    public TrackerSnapshot {
        tracks = List.copyOf(tracks);
    }

    /**
     * One live track.
     *
     * @param id track id
     * @param state lifecycle state
     * @param hits consecutive matched frames
     * @param lastSeenMicros time of the last matched frame, epoch µs
     * @param lastOwnMicros time of the last detection of the track's own (not one shared with a neighbour),
     *                      epoch µs
     * @param occluderId id of the track hiding this one (seen as one detection with it), −1 for none
     * @param teamVotes matched detections per team code, {@link PitchTracker#TEAM_CODES} values
     * @param filter the filter's state
     */
    public record Track(int id, TrackState state, int hits, long lastSeenMicros, long lastOwnMicros, int occluderId,
                        int[] teamVotes, FilterSnapshot filter) {
        /** Checks for null. */
        public Track {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(filter, "filter");
            if (teamVotes.length != PitchTracker.TEAM_CODES) {
                throw new IllegalArgumentException("teamVotes must have " + PitchTracker.TEAM_CODES
                        + " values, had " + teamVotes.length);
            }
            teamVotes = teamVotes.clone();
        }

        /** A copy of the votes. */
        @Override
        public int[] teamVotes() {
            return teamVotes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Track t && id == t.id && state == t.state && hits == t.hits
                    && lastSeenMicros == t.lastSeenMicros && lastOwnMicros == t.lastOwnMicros
                    && occluderId == t.occluderId && java.util.Arrays.equals(teamVotes, t.teamVotes)
                    && filter.equals(t.filter);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, state, hits, lastSeenMicros, lastOwnMicros, occluderId,
                    java.util.Arrays.hashCode(teamVotes), filter);
        }
    }
}
