package dev.touchline.codec.gps.internal;

import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsHeader;
import dev.touchline.sensor.DeviceId;
import dev.touchline.sensor.PlayerId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32C;

/** Writes and reads the container header; see FORMAT.md. */
public final class HeaderCodec {
    /** Longest possible header, bytes: bounds what a streaming reader buffers before the CRC is checked. */
    public static final int MAX_HEADER_BYTES = 4 + 1 + 1 + 3 * 10 + 1 + 2 + 16 + 1 + 255 + 1 + 3
            + RansTables.MAX_SERIALISED_BYTES + 4;
    /** Version 3 table byte: the built-in tables of the format version. */
    public static final int TABLES_BUILT_IN = 0;
    /** Version 3 table byte: the stream's own tables follow. */
    public static final int TABLES_IN_HEADER = 1;

    /**
     * A header as read, with version 3's tables (the built-in ones or the stream's own; null before version 3).
     *
     * @param header the header
     * @param tables the token tables, null before version 3
     */
    public record Parsed(GpsHeader header, @org.jspecify.annotations.Nullable RansTables tables) {
    }

    private HeaderCodec() {
    }

    /** Appends the header of {@code header} to {@code out}. */
    public static void write(ByteSink out, GpsHeader header) {
        write(out, header, null);
    }

    /**
     * Appends the header; for version 3, {@code tables} null means the built-in tables, otherwise they are stored
     * in the header.
     */
    public static void write(ByteSink out, GpsHeader header, @org.jspecify.annotations.Nullable RansTables tables) {
        int start = out.size();
        out.writeIntLE(Format.MAGIC);
        out.write(header.formatVersion());
        int flags = (header.speedColumn() ? Format.FLAG_SPEED : 0) | (header.player().isPresent()
                ? Format.FLAG_PLAYER : 0) | (header.device().isPresent() ? Format.FLAG_DEVICE : 0);
        out.write(flags);
        out.writeVarLong(header.timeResolutionMicros());
        out.writeVarLong(header.keyFrameIntervalMicros());
        if (header.formatVersion() >= 2) {
            out.write(header.windowsPerBlock());
        }
        out.writeVarLong(header.gapThresholdMicros());
        out.write(GpsHeader.POSITION_DECIMALS);
        out.write(GpsHeader.SPEED_DECIMALS);
        header.player().ifPresent(p -> {
            byte[] id = p.toBytes();
            out.write(id, 0, id.length);
        });
        header.device().ifPresent(d -> {
            byte[] serial = serialBytes(d);
            out.write(serial.length);
            out.write(serial, 0, serial.length);
        });
        if (header.formatVersion() >= Format.VERSION_3) {
            if (tables == null) {
                out.write(TABLES_BUILT_IN);
            } else {
                int columns = header.speedColumn() ? 4 : 3;
                out.write(TABLES_IN_HEADER);
                out.writeVarLong(tables.serialisedSize(columns));
                tables.write(out, columns);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), start, out.size() - start);
        out.writeIntLE((int) crc.getValue());
    }

    /** The UTF-8 serial of a device, checked to fit the one-byte length. */
    public static byte[] serialBytes(DeviceId device) {
        byte[] serial = device.serial().getBytes(StandardCharsets.UTF_8);
        if (serial.length > 255) {
            throw new IllegalArgumentException("device serial is " + serial.length + " UTF-8 bytes, allowed 0..255");
        }
        return serial;
    }

    /** Reads a header; {@code in} is left just after it. */
    public static GpsHeader read(ByteReader in) throws CorruptGpsDataException {
        return readFull(in).header();
    }

    /** Reads a header with its tables; {@code in} is left just after it. */
    public static Parsed readFull(ByteReader in) throws CorruptGpsDataException {
        int start = in.position();
        int magic = in.readIntLE("magic");
        if (magic != Format.MAGIC) {
            throw new CorruptGpsDataException(start, "not a Touchline GPS container (magic 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int versionAt = in.position();
        int version = in.readByte("format version");
        if (version < Format.VERSION_1 || version > Format.LATEST) {
            throw new CorruptGpsDataException(versionAt, "format version " + version + " is not supported (this "
                    + "reader knows versions " + Format.VERSION_1 + " to " + Format.LATEST + ")");
        }
        int flagsAt = in.position();
        int flags = in.readByte("flags");
        if ((flags & ~(Format.FLAG_SPEED | Format.FLAG_PLAYER | Format.FLAG_DEVICE)) != 0) {
            throw new CorruptGpsDataException(flagsAt, "unknown header flags " + flags);
        }
        long resolution = in.readVarLong(Format.MAX_RESOLUTION_MICROS, "time resolution");
        long interval = in.readVarLong(Format.MAX_INTERVAL_MICROS, "key-frame interval");
        int windows = 1;
        if (version >= 2) {
            int windowsAt = in.position();
            windows = in.readByte("windows per block");
            if (windows < 1 || windows > Format.MAX_WINDOWS_PER_BLOCK) {
                throw new CorruptGpsDataException(windowsAt, windows + " windows per block outside 1.."
                        + Format.MAX_WINDOWS_PER_BLOCK);
            }
        }
        long gap = in.readVarLong(Format.MAX_INTERVAL_MICROS, "gap threshold");
        if (resolution == 0 || interval < resolution || gap < resolution) {
            throw new CorruptGpsDataException(flagsAt + 1, "time resolution " + resolution + " µs, key-frame "
                    + "interval " + interval + " µs, gap threshold " + gap + " µs are inconsistent");
        }
        int quantAt = in.position();
        int positionDecimals = in.readByte("position decimals");
        int speedDecimals = in.readByte("speed decimals");
        if (positionDecimals != GpsHeader.POSITION_DECIMALS || speedDecimals != GpsHeader.SPEED_DECIMALS) {
            throw new CorruptGpsDataException(quantAt, "quantisation 1e-" + positionDecimals + " deg / 1e-"
                    + speedDecimals + " m/s is not supported");
        }
        Optional<PlayerId> player = Optional.empty();
        if ((flags & Format.FLAG_PLAYER) != 0) {
            byte[] id = new byte[PlayerId.BYTES];
            for (int i = 0; i < id.length; i++) {
                id[i] = (byte) in.readByte("player id");
            }
            player = Optional.of(PlayerId.fromBytes(id));
        }
        Optional<DeviceId> device = Optional.empty();
        if ((flags & Format.FLAG_DEVICE) != 0) {
            int deviceAt = in.position();
            int length = in.readByte("device serial length");
            byte[] serial = new byte[length];
            for (int i = 0; i < length; i++) {
                serial[i] = (byte) in.readByte("device serial");
            }
            try {
                device = Optional.of(DeviceId.of(new String(serial, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new CorruptGpsDataException(deviceAt, "device serial: " + e.getMessage(), e);
            }
        }
        RansTables tables = null;
        int tablesAt = in.position();
        int tableKind = -1;
        int tablesLength = 0;
        if (version >= Format.VERSION_3) {
            tableKind = in.readByte("table kind");
            if (tableKind == TABLES_IN_HEADER) {
                tablesLength = (int) in.readVarLong(RansTables.MAX_SERIALISED_BYTES, "table length");
                tablesAt = in.position();
                in.skip(tablesLength, "tables");
            } else if (tableKind != TABLES_BUILT_IN) {
                throw new CorruptGpsDataException(tablesAt, "unknown table kind " + tableKind);
            }
        }
        int crcAt = in.position();
        int stored = in.readIntLE("header CRC32C");
        CRC32C crc = new CRC32C();
        crc.update(in.bytes(), start, crcAt - start);
        if ((int) crc.getValue() != stored) {
            throw new CorruptGpsDataException(crcAt, "header CRC32C mismatch");
        }
        boolean speed = (flags & Format.FLAG_SPEED) != 0;
        if (tableKind == TABLES_BUILT_IN) {
            tables = DefaultTables.get();
        } else if (tableKind == TABLES_IN_HEADER) {
            ByteReader t = new ByteReader(in.bytes(), tablesAt, tablesAt + tablesLength);
            tables = RansTables.read(t, speed ? 4 : 3);
            if (t.remaining() != 0) {
                throw new CorruptGpsDataException(t.position(), t.remaining() + " stray bytes after the tables");
            }
        }
        return new Parsed(new GpsHeader(version, resolution, interval, windows, gap, speed, player, device), tables);
    }

    /** Largest time delta between neighbouring fixes of a block, in resolution units. */
    public static int maxTimeDelta(GpsHeader header) {
        return (int) Math.min(Format.MAX_DELTA, header.gapThresholdMicros() / header.timeResolutionMicros());
    }
}
