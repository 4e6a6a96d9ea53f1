/**
 * Touchline's GNSS track codec: a small, seekable container for 10 Hz player tracks, lossless at micro-degree,
 * 0.01 m/s and configurable time quantisation. Depends on sensor-model and zstd-jni.
 *
 * <p>The Parquet package also needs parquet-java (parquet-hadoop and what it brings, without Hadoop) on the class
 * path: its jars have no module names and split packages between them, so they cannot be required here. This
 * module reads the class path's unnamed module instead (compiled with {@code --add-reads ...=ALL-UNNAMED}; the read
 * edge is added at run time by {@code GpsParquet}).
 */
module dev.touchline.codec.gps {
    requires static org.jspecify;
    requires transitive dev.touchline.sensor;
    requires com.github.luben.zstd_jni;

    exports dev.touchline.codec.gps;
    exports dev.touchline.codec.gps.parquet;
}
