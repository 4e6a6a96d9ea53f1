package dev.touchline.postgres;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Optical positions (pitch coordinates, metres, CDF convention) as rows of {@code optical_position}. */
final class PositionRows implements RowSource {
    private final int[] frame;
    private final long[] time;
    private final int[] objectId;
    private final float[] x;
    private final float[] y;
    private final int length;
    private final double maxAbsXMetres;
    private final double maxAbsYMetres;

    PositionRows(int[] frame, long[] timeMicros, int[] objectId, float[] x, float[] y, int length,
                 double maxAbsXMetres, double maxAbsYMetres) {
        this.frame = frame;
        this.time = timeMicros;
        this.objectId = objectId;
        this.x = x;
        this.y = y;
        this.length = length;
        this.maxAbsXMetres = maxAbsXMetres;
        this.maxAbsYMetres = maxAbsYMetres;
    }

    @Override
    public String table() {
        return "optical_position";
    }

    @Override
    public String columns() {
        return "match_date, match_key, object_id, frame, event_time, x_m, y_m";
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
        float x = this.x[i];
        float y = this.y[i];
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            return QuarantineReason.NAN_VALUE;
        }
        if (Math.abs(x) > maxAbsXMetres || Math.abs(y) > maxAbsYMetres) {
            return QuarantineReason.COORDINATE_OUT_OF_RANGE;
        }
        return null;
    }

    @Override
    public void encode(int i, MatchRecord match, BinaryCopyEncoder out) throws SQLException {
        out.startRow(7);
        out.date((int) match.matchDate().toEpochDay());
        out.int8(match.matchKey());
        out.int4(objectId[i]);
        out.int4(frame[i]);
        out.timestamp(time[i]);
        out.float4(x[i]);
        out.float4(y[i]);
    }

    @Override
    public String json(int i) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"object_id\":").append(objectId[i]).append(",\"frame\":").append(frame[i])
                .append(",\"time_micros\":").append(time[i]).append(',');
        RowSource.number(json, "x_m", x[i]);
        json.append(',');
        RowSource.number(json, "y_m", y[i]);
        return json.append('}').toString();
    }
}
