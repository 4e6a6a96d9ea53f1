package dev.touchline.sensor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies a player by a 16-byte value: the RFID tag or UUID a club's systems already use.
 *
 * @param value the 16 bytes as a UUID (big-endian when written as bytes)
 */
public record PlayerId(UUID value) {
    /** Number of bytes in the binary form. */
    public static final int BYTES = 16;

    /** Checks the value. */
    public PlayerId {
        if (value == null) {
            throw new NullPointerException("PlayerId value is null");
        }
    }

    /** A player id from a UUID. */
    public static PlayerId of(UUID value) {
        return new PlayerId(value);
    }

    /** A player id from its 16-byte binary form (most significant byte first). */
    public static PlayerId fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("PlayerId needs " + BYTES + " bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new PlayerId(new UUID(buffer.getLong(), buffer.getLong()));
    }

    /**
     * A stable id derived from a name (a name-based, version 3 UUID), for sources that only give a
     * vendor-local player number or name.
     */
    public static PlayerId nameBased(String name) {
        return new PlayerId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** Parses the canonical 36-character UUID form. */
    public static PlayerId parse(String text) {
        try {
            return new PlayerId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a player UUID: '" + text + "'", e);
        }
    }

    /** The 16-byte binary form, most significant byte first. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES)
                .putLong(value.getMostSignificantBits())
                .putLong(value.getLeastSignificantBits())
                .array();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
