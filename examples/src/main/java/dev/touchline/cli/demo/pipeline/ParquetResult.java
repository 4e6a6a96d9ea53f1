package dev.touchline.cli.demo.pipeline;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.parquet.GpsParquet;
import dev.touchline.codec.gps.parquet.PlayerTrack;
import dev.touchline.sensor.GpsTrack;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's GNSS tracks as one Parquet file (codec-gps's export: one row group per player, time as
 * TIMESTAMP(MICROS), micro-degree positions with DELTA_BINARY_PACKED, Snappy), read back to check it.
 *
 * @param fileName the name the report writes it under
 * @param bytes the file's bytes; owned by this value, not modified
 * @param players tracks in the file
 * @param fixes rows in the file
 * @param roundTripExact whether reading the bytes back gives every player's track unchanged
 */
public record ParquetResult(String fileName, byte[] bytes, int players, long fixes, boolean roundTripExact) {
    /** The file name the demo and {@code touchline process} use. */
    public static final String FILE_NAME = "session-gnss.parquet";

    /** Size per fix, bits. */
    public double bitsPerFix() {
        return fixes == 0 ? Double.NaN : 8.0 * bytes.length / fixes;
    }

    /**
     * Exports the tracks and reads them back.
     *
     * @param players the players, in the order of {@code tracks}
     * @param tracks each player's (restored) track
     */
    public static ParquetResult export(List<PlayerInfo> players, List<GpsTrack> tracks)
            throws CorruptGpsDataException {
        List<PlayerTrack> rows = new ArrayList<>();
        long fixes = 0;
        for (int i = 0; i < players.size(); i++) {
            rows.add(PlayerTrack.of(players.get(i).id(), tracks.get(i)));
            fixes += tracks.get(i).length();
        }
        GpsParquet parquet = GpsParquet.defaults();
        byte[] bytes = parquet.toBytes(rows);
        boolean exact = parquet.readAll(bytes).equals(rows);
        return new ParquetResult(FILE_NAME, bytes, rows.size(), fixes, exact);
    }
}
