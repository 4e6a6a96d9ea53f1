package dev.touchline.postgres;

import dev.touchline.sensor.PlayerId;
import java.util.Arrays;
import java.util.Objects;

/**
 * A player's distance and time per speed zone in one match period, from consecutive GNSS fixes: each step from
 * the previous fix counts towards the zone of the fix's own speed; no step is counted across a gap longer than
 * {@link SampleQueries#MAX_STEP_GAP_SECONDS}. Fixes with unknown (NaN) speed add distance but no zone. Immutable.
 */
public final class PeriodZones {
    private final PlayerId player;
    private final int period;
    private final long fixes;
    private final double distanceMetres;
    private final double[] zoneMetres;
    private final double[] zoneSeconds;

    PeriodZones(PlayerId player, int period, long fixes, double distanceMetres, double[] zoneMetres,
                double[] zoneSeconds) {
        this.player = Objects.requireNonNull(player, "player");
        this.period = period;
        this.fixes = fixes;
        this.distanceMetres = distanceMetres;
        this.zoneMetres = zoneMetres.clone();
        this.zoneSeconds = zoneSeconds.clone();
    }

    public PlayerId player() {
        return player;
    }

    /** The period, from 1. */
    public int period() {
        return period;
    }

    /** Fixes stored in the period. */
    public long fixes() {
        return fixes;
    }

    /** Total distance in the period, metres (haversine, mean Earth radius). */
    public double distanceMetres() {
        return distanceMetres;
    }

    /** Number of zones. */
    public int zoneCount() {
        return zoneMetres.length;
    }

    /** Distance in zone {@code z}, metres. */
    public double zoneMetres(int z) {
        return zoneMetres[z];
    }

    /** Time in zone {@code z}, seconds (the intervals from the previous fix). */
    public double zoneSeconds(int z) {
        return zoneSeconds[z];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodZones other && player.equals(other.player) && period == other.period
                && fixes == other.fixes && Double.compare(distanceMetres, other.distanceMetres) == 0
                && Arrays.equals(zoneMetres, other.zoneMetres) && Arrays.equals(zoneSeconds, other.zoneSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(player, period, fixes, distanceMetres, Arrays.hashCode(zoneMetres),
                Arrays.hashCode(zoneSeconds));
    }

    @Override
    public String toString() {
        return "PeriodZones[" + player + ", period " + period + ", " + distanceMetres + " m, zones "
                + Arrays.toString(zoneMetres) + " m]";
    }
}
