package dev.touchline.postgres;

import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** A player's GNSS fixes, read from columns, as rows of {@code gnss_fix}. */
final class GnssRows implements RowSource {
    /** Above any human running speed with margin; faster fixes are receiver glitches. */
    static final double MAX_SPEED_METRES_PER_SECOND = 50.0;

    private final PlayerId player;
    private final long idHigh;
    private final long idLow;
    private final long[] time;
    private final double[] lat;
    private final double[] lon;
    private final float[] speed;
    private final int length;

    GnssRows(PlayerId player, long[] timeMicros, double[] latDeg, double[] lonDeg, float[] speedMetresPerSecond,
             int length) {
        this.player = player;
        this.idHigh = player.value().getMostSignificantBits();
        this.idLow = player.value().getLeastSignificantBits();
        this.time = timeMicros;
        this.lat = latDeg;
        this.lon = lonDeg;
        this.speed = speedMetresPerSecond;
        this.length = length;
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
        return length;
    }

    @Override
    public long timeMicros(int i) {
        return time[i];
    }

    @Override
    public @Nullable QuarantineReason check(int i) {
        double lat = this.lat[i];
        double lon = this.lon[i];
        float speed = this.speed[i];
        // Speed may be NaN ("unknown", as in GpsTrack) and is stored as such.
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            return QuarantineReason.NAN_VALUE;
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || speed < 0 || speed > MAX_SPEED_METRES_PER_SECOND) {
            return QuarantineReason.COORDINATE_OUT_OF_RANGE;
        }
        return null;
    }

    @Override
    public void encode(int i, MatchRecord match, BinaryCopyEncoder out) throws SQLException {
        out.startRow(7);
        out.date((int) match.matchDate().toEpochDay());
        out.int8(match.matchKey());
        out.uuid(idHigh, idLow);
        out.timestamp(time[i]);
        out.float8(lat[i]);
        out.float8(lon[i]);
        out.float4(speed[i]);
    }

    @Override
    public String json(int i) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"player_id\":\"").append(player.value()).append("\",\"time_micros\":")
                .append(time[i]).append(',');
        RowSource.number(json, "lat_deg", lat[i]);
        json.append(',');
        RowSource.number(json, "lon_deg", lon[i]);
        json.append(',');
        RowSource.number(json, "speed_mps", speed[i]);
        return json.append('}').toString();
    }
}
