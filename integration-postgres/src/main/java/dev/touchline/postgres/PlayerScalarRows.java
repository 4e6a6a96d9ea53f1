package dev.touchline.postgres;

import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * One player's samples of one value per row ({@code heart_rate.bpm}, {@code fatigue_index_per_second.fatigue}),
 * read from columns. Values outside {@code [min, max]} are quarantined.
 */
final class PlayerScalarRows implements RowSource {
    private final String table;
    private final String valueColumn;
    private final PlayerId player;
    private final long idHigh;
    private final long idLow;
    private final long[] time;
    private final float[] value;
    private final int length;
    private final double min;
    private final double max;

    PlayerScalarRows(String table, String valueColumn, PlayerId player, long[] timeMicros, float[] value, int length,
                     double min, double max) {
        this.table = table;
        this.valueColumn = valueColumn;
        this.player = player;
        this.idHigh = player.value().getMostSignificantBits();
        this.idLow = player.value().getLeastSignificantBits();
        this.time = timeMicros;
        this.value = value;
        this.length = length;
        this.min = min;
        this.max = max;
    }

    static PlayerScalarRows heartRate(PlayerId player, long[] timeMicros, float[] bpm, int length) {
        return new PlayerScalarRows("heart_rate", "bpm", player, timeMicros, bpm, length,
                PostgresSink.MIN_HEART_RATE_BPM, PostgresSink.MAX_HEART_RATE_BPM);
    }

    static PlayerScalarRows fatigue(PlayerId player, long[] timeMicros, float[] index, int length) {
        return new PlayerScalarRows("fatigue_index_per_second", "fatigue", player, timeMicros, index, length, 0.0,
                1.0);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String columns() {
        return "match_date, match_key, player_id, event_time, " + valueColumn;
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
        float v = value[i];
        if (!Float.isFinite(v)) {
            return QuarantineReason.NAN_VALUE;
        }
        if (v < min || v > max) {
            return QuarantineReason.VALUE_OUT_OF_RANGE;
        }
        return null;
    }

    @Override
    public void encode(int i, MatchRecord match, BinaryCopyEncoder out) throws SQLException {
        out.startRow(5);
        out.date((int) match.matchDate().toEpochDay());
        out.int8(match.matchKey());
        out.uuid(idHigh, idLow);
        out.timestamp(time[i]);
        out.float4(value[i]);
    }

    @Override
    public String json(int i) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"player_id\":\"").append(player.value()).append("\",\"time_micros\":")
                .append(time[i]).append(',');
        RowSource.number(json, valueColumn, value[i]);
        return json.append('}').toString();
    }
}
