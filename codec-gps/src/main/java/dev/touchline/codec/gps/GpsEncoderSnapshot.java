package dev.touchline.codec.gps;

import java.util.Arrays;

/**
 * The state of a {@link GpsStreamEncoder} between two fixes, as plain values, so that a stream processor (e.g. a
 * Flink keyed state) can checkpoint it and {@link GpsCodec#resumeEncoder resume} on another machine. Every
 * complete block has already been written to the output when the snapshot is taken; the snapshot holds the header
 * as written (with format version 3's tables), the open block's quantised fixes and the seek table. While a
 * streaming encoder still holds back its first blocks to fit its tables (nothing written yet), the header bytes are
 * empty and the pending fixes are all the fixes so far. Immutable: the accessors return copies.
 */
public final class GpsEncoderSnapshot {
    private final GpsHeader header;
    private final byte[] headerBytes;
    private final long[] pendingTime;
    private final int[] pendingLat;
    private final int[] pendingLon;
    private final int[] pendingSpeed;
    private final long[] blockKeyTime;
    private final int[] blockLength;
    private final int[] blockFixes;
    private final long bytesWritten;
    private final long fixCount;

    GpsEncoderSnapshot(GpsHeader header, byte[] headerBytes, long[] pendingTime, int[] pendingLat, int[] pendingLon,
                       int[] pendingSpeed, long[] blockKeyTime, int[] blockLength, int[] blockFixes,
                       long bytesWritten, long fixCount) {
        this.header = header;
        this.headerBytes = headerBytes.clone();
        this.pendingTime = pendingTime.clone();
        this.pendingLat = pendingLat.clone();
        this.pendingLon = pendingLon.clone();
        this.pendingSpeed = pendingSpeed.clone();
        this.blockKeyTime = blockKeyTime.clone();
        this.blockLength = blockLength.clone();
        this.blockFixes = blockFixes.clone();
        this.bytesWritten = bytesWritten;
        this.fixCount = fixCount;
    }

    /** The header the stream was started with. */
    public GpsHeader header() {
        return header;
    }

    /**
     * The header as written to the output (its version 3 tables included), empty while the encoder still held back
     * its first blocks.
     */
    public byte[] headerBytes() {
        return headerBytes.clone();
    }

    /** Quantised time stamps of the open block (while holding back: of every fix so far), µs. */
    public long[] pendingTimeMicros() {
        return pendingTime.clone();
    }

    /** Latitudes of the open block, micro-degrees. */
    public int[] pendingLatMicroDegrees() {
        return pendingLat.clone();
    }

    /** Longitudes of the open block, micro-degrees. */
    public int[] pendingLonMicroDegrees() {
        return pendingLon.clone();
    }

    /** Speeds of the open block, cm/s (−1 unknown). */
    public int[] pendingSpeedCentimetresPerSecond() {
        return pendingSpeed.clone();
    }

    /** Key-frame time of each written block, µs. */
    public long[] blockKeyTimeMicros() {
        return blockKeyTime.clone();
    }

    /** Byte length of each written block. */
    public int[] blockLengths() {
        return blockLength.clone();
    }

    /** Fix count of each written block. */
    public int[] blockFixCounts() {
        return blockFixes.clone();
    }

    /** Bytes written to the output so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Fixes added so far. */
    public long fixCount() {
        return fixCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpsEncoderSnapshot s && header.equals(s.header)
                && Arrays.equals(headerBytes, s.headerBytes)
                && Arrays.equals(pendingTime, s.pendingTime) && Arrays.equals(pendingLat, s.pendingLat)
                && Arrays.equals(pendingLon, s.pendingLon) && Arrays.equals(pendingSpeed, s.pendingSpeed)
                && Arrays.equals(blockKeyTime, s.blockKeyTime) && Arrays.equals(blockLength, s.blockLength)
                && Arrays.equals(blockFixes, s.blockFixes) && bytesWritten == s.bytesWritten
                && fixCount == s.fixCount;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pendingTime) + Arrays.hashCode(blockKeyTime) + Long.hashCode(bytesWritten);
    }

    @Override
    public String toString() {
        return "GpsEncoderSnapshot[" + blockKeyTime.length + " blocks, " + pendingTime.length + " pending fixes, "
                + bytesWritten + " bytes]";
    }
}
