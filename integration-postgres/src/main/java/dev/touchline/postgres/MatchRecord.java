package dev.touchline.postgres;

import dev.touchline.sensor.MatchId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A registered match as the sink needs it: its database key, the partition day and the time span outside which
 * samples are quarantined.
 *
 * @param matchKey the database key of the match (matches.match_key)
 * @param matchId the caller's match identifier
 * @param matchDate the UTC date of kick-off, the partition key of raw samples
 * @param startMicros the first instant of the match, epoch microseconds (inclusive)
 * @param endMicros the last instant of the match, epoch microseconds (inclusive)
 */
public record MatchRecord(long matchKey, MatchId matchId, LocalDate matchDate, long startMicros, long endMicros) {
    /** Checks that the match ends after it starts. */
    public MatchRecord {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(matchDate, "matchDate");
        if (endMicros <= startMicros) {
            throw new IllegalArgumentException("endMicros must be > startMicros (" + startMicros + "), was "
                    + endMicros);
        }
    }
}
