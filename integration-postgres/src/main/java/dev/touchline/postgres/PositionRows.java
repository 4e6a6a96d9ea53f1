package dev.touchline.postgres;

import dev.touchline.sensor.PositionFrames;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Optical positions (pitch coordinates, metres, CDF convention) as rows of {@code optical_position}. */
final class PositionRows implements RowSource {
    private final PositionFrames frames;
    private final double maxAbsXMetres;
    private final double maxAbsYMetres;

    PositionRows(PositionFrames frames, double maxAbsXMetres, double maxAbsYMetres) {
        this.frames = frames;
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
        return frames.length();
    }

    @Override
    public long timeMicros(int i) {
        return frames.timeMicros(i);
    }

    @Override
    public @Nullable QuarantineReason check(int i, MatchRecord match) {
        float x = frames.x(i);
        float y = frames.y(i);
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            return QuarantineReason.NAN_VALUE;
        }
        if (Math.abs(x) > maxAbsXMetres || Math.abs(y) > maxAbsYMetres) {
            return QuarantineReason.COORDINATE_OUT_OF_RANGE;
        }
        long t = frames.timeMicros(i);
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
        out.int4(frames.objectId(i));
        out.int4(frames.frame(i));
        out.timestamp(frames.timeMicros(i));
        out.float4(frames.x(i));
        out.float4(frames.y(i));
    }

    @Override
    public String json(int i) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"object_id\":").append(frames.objectId(i)).append(",\"frame\":").append(frames.frame(i))
                .append(",\"time_micros\":").append(frames.timeMicros(i)).append(',');
        RowSource.number(json, "x_m", frames.x(i));
        json.append(',');
        RowSource.number(json, "y_m", frames.y(i));
        return json.append('}').toString();
    }
}
