package dev.touchline.postgres;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** A player's GNSS fixes as rows of {@code gnss_fix}. */
final class GnssRows implements RowSource {
    /** Above any human running speed with margin; faster fixes are receiver glitches. */
    static final double MAX_SPEED_METRES_PER_SECOND = 50.0;

    private final PlayerId player;
    private final long idHigh;
    private final long idLow;
    private final GpsTrack track;

    GnssRows(PlayerId player, GpsTrack track) {
        this.player = player;
        this.idHigh = player.value().getMostSignificantBits();
        this.idLow = player.value().getLeastSignificantBits();
        this.track = track;
    }

    @Override
    public String table() {
        return "gnss_fix";
    }

    @Override
    public String columns() {
        return "match_date, match_key, player_id, event_time, lat_deg, lon_deg, speed_mps";
    }

    @Override
    public int length() {
        return track.length();
    }

    @Override
    public long timeMicros(int i) {
        return track.timeMicros(i);
    }

    @Override
    public @Nullable QuarantineReason check(int i, MatchRecord match) {
        double lat = track.latDeg(i);
        double lon = track.lonDeg(i);
        float speed = track.speedMetresPerSecond(i);
        // GpsTrack already refuses non-finite or out-of-range coordinates; these checks guard the table anyway.
        // Speed may be NaN ("unknown") and is stored as such.
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            return QuarantineReason.NAN_VALUE;
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || speed < 0 || speed > MAX_SPEED_METRES_PER_SECOND) {
            return QuarantineReason.COORDINATE_OUT_OF_RANGE;
        }
        long t = track.timeMicros(i);
        if (t < match.startMicros() || t > match.endMicros()) {
            return QuarantineReason.TIME_OUTSIDE_MATCH;
        }
        return null;
    }

    @Override
    public void encode(int i, MatchRecord match, BinaryCopyEncoder out) throws SQLException {
        out.startRow(7);
        out.date((int) match.matchDate().toEpochDay());
        out.int8(match.matchKey());
        out.uuid(idHigh, idLow);
        out.timestamp(track.timeMicros(i));
        out.float8(track.latDeg(i));
        out.float8(track.lonDeg(i));
        out.float4(track.speedMetresPerSecond(i));
    }

    @Override
    public String json(int i) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"player_id\":\"").append(player.value()).append("\",\"time_micros\":")
                .append(track.timeMicros(i)).append(',');
        RowSource.number(json, "lat_deg", track.latDeg(i));
        json.append(',');
        RowSource.number(json, "lon_deg", track.lonDeg(i));
        json.append(',');
        RowSource.number(json, "speed_mps", track.speedMetresPerSecond(i));
        return json.append('}').toString();
    }
}
