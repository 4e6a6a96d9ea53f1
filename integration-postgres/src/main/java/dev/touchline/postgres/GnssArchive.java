package dev.touchline.postgres;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.codec.gps.GpsFile;
import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.PlayerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Keeps the raw GNSS burst compressed while the partitioned {@code gnss_fix} table holds what is queried often:
 * codec-gps containers in {@code gnss_block}, one row per container (a whole session file, or one segment of a
 * live stream), keyed by match, player and first fix time.
 *
 * <p>Why one row per container rather than per codec block: a container's blocks are only meaningful with its
 * header (quantisation, speed column) and seek table, and each block's CRC32C covers that framing; storing the
 * container whole keeps every integrity check of codec-gps and lets {@link GpsFile#decodeRange} decode only the
 * blocks a time range needs. A 90-minute 10 Hz track is tens of kilobytes, far below what {@code bytea} handles
 * well. Storing is idempotent: the same container stored again writes nothing.
 */
public final class GnssArchive {
    private final DataSource dataSource;
    private final GpsCodec reader;

    private GnssArchive(DataSource dataSource) {
        this.dataSource = dataSource;
        this.reader = GpsCodec.defaults();
    }

    /** An archive over {@code dataSource}, whose schema is migrated. */
    public static GnssArchive of(DataSource dataSource) {
        return new GnssArchive(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Encodes {@code track} with {@code codec} and stores it.
     *
     * @param track the fixes, at least one, in time order; not modified
     */
    public StoredGnssBlock store(MatchRecord match, PlayerId player, GpsTrack track, GpsCodec codec)
            throws SQLException {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(codec, "codec");
        if (track.isEmpty()) {
            throw new IllegalArgumentException("track must hold at least one fix");
        }
        try {
            return store(match, player, codec.encode(track));
        } catch (CorruptGpsDataException e) {
            throw new IllegalStateException("codec-gps could not read the container it just wrote", e);
        }
    }

    /**
     * Stores a codec-gps container as it is (e.g. a device's file), after reading its header, seek table and
     * first and last blocks, which checks their CRC32C.
     *
     * @param container the container bytes; not modified
     * @throws CorruptGpsDataException when the bytes are not a readable container or hold no fix
     */
    public StoredGnssBlock store(MatchRecord match, PlayerId player, byte[] container)
            throws SQLException, CorruptGpsDataException {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(container, "container");
        long first;
        long last;
        long fixes;
        try (GpsFile file = reader.open(container)) {
            fixes = file.fixCount();
            if (file.blockCount() == 0 || fixes == 0) {
                throw new CorruptGpsDataException(0, "container holds no fix");
            }
            if (fixes > Integer.MAX_VALUE) {
                throw new CorruptGpsDataException(0, "container claims " + fixes + " fixes");
            }
            GpsTrack head = file.decodeBlock(0);
            GpsTrack tail = file.decodeBlock(file.blockCount() - 1);
            if (head.isEmpty() || tail.isEmpty()) {
                throw new CorruptGpsDataException(0, "container has an empty first or last block");
            }
            first = head.timeMicros(0);
            last = tail.timeMicros(tail.length() - 1);
            if (last < first) {
                throw new CorruptGpsDataException(0, "container's blocks are not in time order");
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO gnss_block (match_key, player_id, first_time, last_time, fixes, data) "
                             + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (match_key, player_id, first_time) DO NOTHING")) {
            ps.setLong(1, match.matchKey());
            ps.setObject(2, player.value());
            ps.setObject(3, Catalog.timestamptz(first));
            ps.setObject(4, Catalog.timestamptz(last));
            ps.setInt(5, (int) fixes);
            ps.setBytes(6, container);
            boolean inserted = ps.executeUpdate() == 1;
            return new StoredGnssBlock(first, last, (int) fixes, container.length, !inserted);
        }
    }

    /**
     * The stored fixes of a player with {@code fromMicros <= time <= toMicros}, exactly as the containers decode
     * them (identical to the codec's quantisation of the original track), in time order. Only the containers that
     * overlap the range are read, and in each only the blocks that can hold it are decoded.
     *
     * @param fromMicros range start, epoch microseconds (inclusive)
     * @param toMicros range end, epoch microseconds (inclusive), not before {@code fromMicros}
     * @throws CorruptGpsDataException when a stored container no longer decodes
     */
    public GpsTrack restore(MatchRecord match, PlayerId player, long fromMicros, long toMicros)
            throws SQLException, CorruptGpsDataException {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        if (toMicros < fromMicros) {
            throw new IllegalArgumentException("toMicros must be >= fromMicros (" + fromMicros + "), was " + toMicros);
        }
        GpsTrack result = GpsTrack.empty();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT data FROM gnss_block WHERE match_key = ? AND player_id = ? AND last_time >= ? "
                             + "AND first_time <= ? ORDER BY first_time")) {
            ps.setLong(1, match.matchKey());
            ps.setObject(2, player.value());
            ps.setObject(3, Catalog.timestamptz(fromMicros));
            ps.setObject(4, Catalog.timestamptz(toMicros));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try (GpsFile file = reader.open(rs.getBytes(1))) {
                        result = result.concat(file.decodeRange(fromMicros, toMicros));
                    }
                }
            }
        }
        return result;
    }
}
