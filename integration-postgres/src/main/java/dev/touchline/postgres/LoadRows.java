package dev.touchline.postgres;

import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** One player's IMU-derived load per second (PlayerLoad, impulse) as rows of {@code load_per_second}. */
final class LoadRows implements RowSource {
    private final PlayerId player;
    private final long idHigh;
    private final long idLow;
    private final long[] time;
    private final float[] playerLoad;
    private final float[] impulse;
    private final int length;

    LoadRows(PlayerId player, long[] secondStartMicros, float[] playerLoad, float[] impulseNewtonSeconds,
             int length) {
        this.player = player;
        this.idHigh = player.value().getMostSignificantBits();
        this.idLow = player.value().getLeastSignificantBits();
        this.time = secondStartMicros;
        this.playerLoad = playerLoad;
        this.impulse = impulseNewtonSeconds;
        this.length = length;
    }

    @Override
    public String table() {
        return "load_per_second";
    }

    @Override
    public String columns() {
        return "match_date, match_key, player_id, event_time, player_load, impulse_ns";
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
        float pl = playerLoad[i];
        float imp = impulse[i];
        if (!Float.isFinite(pl) || !Float.isFinite(imp)) {
            return QuarantineReason.NAN_VALUE;
        }
        if (pl < 0 || pl > PostgresSink.MAX_PLAYER_LOAD_PER_SECOND || imp < 0
                || imp > PostgresSink.MAX_IMPULSE_NEWTON_SECONDS_PER_SECOND) {
            return QuarantineReason.VALUE_OUT_OF_RANGE;
        }
        return null;
    }

    @Override
    public void encode(int i, MatchRecord match, BinaryCopyEncoder out) throws SQLException {
        out.startRow(6);
        out.date((int) match.matchDate().toEpochDay());
        out.int8(match.matchKey());
        out.uuid(idHigh, idLow);
        out.timestamp(time[i]);
        out.float4(playerLoad[i]);
        out.float4(impulse[i]);
    }

    @Override
    public String json(int i) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"player_id\":\"").append(player.value()).append("\",\"time_micros\":")
                .append(time[i]).append(',');
        RowSource.number(json, "player_load", playerLoad[i]);
        json.append(',');
        RowSource.number(json, "impulse_ns", impulse[i]);
        return json.append('}').toString();
    }
}
