/**
 * The Touchline GPS container: a small, seekable, versioned format for GNSS tracks.
 *
 * <p>Entry point {@link dev.touchline.codec.gps.GpsCodec} (builder, whole-track {@code encode}/{@code decode});
 * {@link dev.touchline.codec.gps.GpsStreamEncoder} accepts fixes as they arrive and writes a block as soon as it is
 * complete; {@link dev.touchline.codec.gps.GpsStreamDecoder} reads block by block from an {@code InputStream};
 * {@link dev.touchline.codec.gps.GpsFile} gives {@code seek(timeMicros)} and range decode that touch only the
 * key-frame intervals they need.
 *
 * <h2>Quantisation (lossless at it)</h2>
 * Latitude/longitude are stored as {@code round(deg × 10⁶)} micro-degrees and decode to exactly
 * {@code round(v × 10⁶) / 10⁶}; speed as {@code round(v × 100)} cm/s (NaN kept as the code −1); time rounded to the
 * configured resolution (default 1 ms, 1 µs possible) and decoded exactly.
 *
 * <h2>Byte layout, format versions 1, 2 and 3 (all integers little-endian; varint = unsigned LEB128)</h2>
 * <pre>
 * header   u32 magic "TLGP" | u8 version (1, 2 or 3) | u8 flags (1 speed column, 2 player id, 4 device id)
 *          | varint time resolution µs | varint key-frame interval µs | [version ≥ 2: u8 windows per block 1..64]
 *          | varint gap threshold µs
 *          | u8 position decimals = 6 | u8 speed decimals = 2
 *          | [16 bytes player UUID] | [u8 n, n bytes UTF-8 device serial]
 *          | [version 3: u8 tables (0 built-in, 1 stored) | if 1: varint length L ≤ 7,776, L bytes of tables]
 *          | u32 CRC32C of the header
 * tables   (version 3) per stored column (time, lat, lon[, speed]) per context (24: previous-residual class 0..5
 *          × cross class 0..3): u8 m (highest used token + 1, 0 unused), m 5-bit weight codes LSB first, padded
 *          to a byte; code q > 0 weighs 2^((q−1)/2) rounded, and the frequencies (sum 2048) follow from the
 *          weights by a fixed integer normalisation
 * block*   u8 mode (0 model, 1 int16 deltas + zstd, 2 XOR + zstd) | varint fix count n (1..65535)
 *          | key frame: i64 time µs, i32 lat µdeg, i32 lon µdeg, i32 speed cm/s (−1 unknown)
 *          | u8 column orders (mode 0: 2 bits per column time, lat, lon, speed; 1 delta, 2 delta of delta
 *            (version 3's time column: step minus the last normal step), 3 constant (version 3))
 *          | varint payload length | payload | u32 CRC32C of the block from its mode byte
 * index    u8 0xFF | varint block count | per block: varint zigzag(key time − previous key time) µs,
 *          varint block length bytes, varint fix count | u32 CRC32C of the index from its marker
 * trailer  u32 offset of the index | u32 end magic "TLGE"
 * </pre>
 * Within a block, every delta between neighbouring fixes fits int16 and time never goes backwards nor jumps by
 * more than the gap threshold; the encoder starts a new block (key frame) where that would fail, and when the
 * block's seek windows are full. A seek window starts at a block's first fix and at every fix one key-frame interval
 * (default 30 s) or more after the current window's start; a block holds up to "windows per block" of them
 * (versions 2 and 3, default 2; always 1 in version 1), and {@link dev.touchline.codec.gps.GpsFile#seek} decodes the one
 * block that holds its window and returns that window. Payload of mode 1: the n−1 deltas of each column as int16, column after
 * column (time in resolution units), zstd frame without magic, checksum or content size. Mode 2: the XOR of
 * neighbouring int32 values (time relative to the key frame), column after column, zstd likewise. Mode 0 in
 * versions 1 and 2: an adaptive binary range coder over per-fix interleaved residuals (see FORMAT.md for the
 * binarisation and contexts), its probabilities reset at every block so that every block decodes alone. Mode 0 in
 * version 3:
 * <pre>
 * payload  [zigzag varint delta of each constant column, in column order] | varint R (4 + 2k)
 *          | R bytes rANS: u32 final state, then k u16 words in decode order | raw bits, LSB first, padded
 * </pre>
 * one token per residual of each non-constant column, per fix interleaved time, lat, lon, speed; token 0 is a zero
 * residual, otherwise the bit length k of |r| (1..17), the sign and the min(k − 1, 2) bits below the leading one;
 * the k − 1 − min(k − 1, 2) lower bits go raw. A token's table is chosen by its context, exactly as version 2's
 * model: the class of the column's previous residual × the class of the neighbouring column's latest residual (the
 * time column: the phase of its steps). The rANS state starts (encoder) and must end (decoder) at 2^16, renormalises
 * by 16-bit words and has 11-bit probabilities; tables are static within the stream, so blocks stay independent.
 * Whole-track {@link dev.touchline.codec.gps.GpsCodec#encode} fits them to the whole track, the streaming encoder to
 * the first blocks it holds back ({@link dev.touchline.codec.gps.GpsCodec.Builder#streamTableSample(int)}); both store
 * them in the header only when they cost less than the built-in tables. A block with a residual that a streaming
 * encoder's fitted tables cannot code is written in mode 1, so such streams stay readable by every version 3 reader.
 *
 * <h2>Untrusted input contract</h2>
 * Decoders check magic, version, flags, every CRC32C, every length against the bytes present, every count against
 * its format bound (65,535 fixes per block, 2 MiB per payload when streaming, {@code maxFixes} per whole decode),
 * every decoded delta against int16 and every value against its range, version 3's tables against their bounds and
 * every rANS payload to end exactly at its final state and last raw bit; they never allocate from a length field
 * without such a bound, every loop is bounded by the bytes or fixes present, and the only exception thrown for bad
 * data is {@link dev.touchline.codec.gps.CorruptGpsDataException}, naming the byte offset.
 */
@NullMarked
package dev.touchline.codec.gps;

import org.jspecify.annotations.NullMarked;
