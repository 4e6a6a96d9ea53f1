/**
 * Export and import of GNSS tracks as Apache Parquet files, through parquet-java with no Hadoop at compile or run
 * time.
 *
 * <p>Entry point {@link dev.touchline.codec.gps.parquet.GpsParquet}:
 * <pre>{@code
 * GpsParquet parquet = GpsParquet.builder().compression(ParquetCompression.ZSTD).build();
 * parquet.write(track, Path.of("session.parquet"));                 // one anonymous track
 * parquet.writeAll(List.of(PlayerTrack.of(id, track)), out);         // several players, to an OutputStream
 * List<PlayerTrack> back = parquet.readAll(Path.of("session.parquet"));
 * }</pre>
 *
 * <h2>Schema</h2>
 * <pre>
 * message touchline_gps_track {
 *   optional fixed_len_byte_array(16) player_id (UUID);   null for an anonymous track
 *   required int64 time (TIMESTAMP(MICROS, true));          epoch microseconds, UTC
 *   required int32 lat_deg (DECIMAL(9, 6));                 micro-degrees, read as degrees
 *   required int32 lon_deg (DECIMAL(9, 6));                 micro-degrees, read as degrees
 *   optional int32 speed_m_s (DECIMAL(9, 2));               centimetres per second; null where unknown (NaN)
 * }
 * </pre>
 * The positions and speed are stored physically as the same integers as in the {@code .tlg} container, so a
 * track survives {@code .tlg → Parquet → .tlg} unchanged; the DECIMAL annotation lets any current reader (DuckDB,
 * Spark, pyarrow) show degrees and m/s. Each player's track is one or more row groups of its own, in the order
 * written; a file may hold any number of players.
 *
 * <h2>Encodings</h2>
 * By default the writer uses Parquet's version-2 data pages with dictionary encoding off for the numeric columns, so
 * {@code time}, {@code lat_deg}, {@code lon_deg} and {@code speed_m_s} are DELTA_BINARY_PACKED; {@code player_id} is
 * dictionary-encoded. {@link dev.touchline.codec.gps.parquet.GpsParquet.Builder#legacyWriter(boolean)} switches to
 * version-1 pages with dictionary encoding (PLAIN fallback) for readers that predate DELTA_BINARY_PACKED. Pages are
 * compressed with Snappy by default, or zstd, or not at all ({@link dev.touchline.codec.gps.parquet.ParquetCompression}).
 *
 * <h2>Module path</h2>
 * parquet-java's jars have no module names and split packages between them, so they cannot be automatic modules.
 * They stay on the class path; this module reads the class path's unnamed module, and adds that read edge itself at
 * run time the first time {@code GpsParquet} is used. The rest of the module needs no Parquet jar at all.
 */
@NullMarked
package dev.touchline.codec.gps.parquet;

import org.jspecify.annotations.NullMarked;
