package dev.touchline.postgres;

import dev.touchline.sensor.PlayerId;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Touches and other ball events of several players as rows of {@code touch_event}. Each row names its player by
 * index into {@code players} and its kind by index into a small vocabulary whose UTF-8 bytes are encoded once, so
 * a batch needs no object per row.
 */
final class EventRows implements RowSource {
    private final PlayerId[] players;
    private final long[] idHigh;
    private final long[] idLow;
    private final int[] player;
    private final long[] time;
    private final String[] kinds;
    private final byte[][] kindUtf8;
    private final int[] kind;
    private final int length;

    EventRows(PlayerId[] players, int[] playerIndex, long[] timeMicros, String[] kinds, int[] kindIndex,
              int length) {
        this.players = players.clone();
        this.idHigh = new long[players.length];
        this.idLow = new long[players.length];
        for (int p = 0; p < players.length; p++) {
            idHigh[p] = players[p].value().getMostSignificantBits();
            idLow[p] = players[p].value().getLeastSignificantBits();
        }
        this.player = playerIndex;
        this.time = timeMicros;
        this.kinds = kinds.clone();
        this.kindUtf8 = new byte[kinds.length][];
        for (int k = 0; k < kinds.length; k++) {
            kindUtf8[k] = BinaryCopyEncoder.utf8(kinds[k]);
        }
        this.kind = kindIndex;
        this.length = length;
    }

    @Override
    public String table() {
        return "touch_event";
    }

    @Override
    public String columns() {
        return "match_date, match_key, player_id, event_time, kind";
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
        // Indices were checked by the sink before the batch started; only the shared time rule applies.
        return null;
    }

    @Override
    public void encode(int i, MatchRecord match, BinaryCopyEncoder out) throws SQLException {
        int p = player[i];
        out.startRow(5);
        out.date((int) match.matchDate().toEpochDay());
        out.int8(match.matchKey());
        out.uuid(idHigh[p], idLow[p]);
        out.timestamp(time[i]);
        out.text(kindUtf8[kind[i]]);
    }

    @Override
    public String json(int i) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"player_id\":\"").append(players[player[i]].value()).append("\",\"time_micros\":")
                .append(time[i]).append(",\"kind\":\"");
        String k = kinds[kind[i]];
        for (int c = 0; c < k.length(); c++) {
            char ch = k.charAt(c);
            if (ch == '"' || ch == '\\') {
                json.append('\\').append(ch);
            } else if (ch < 0x20) {
                json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                json.append(ch);
            }
        }
        return json.append("\"}").toString();
    }
}
