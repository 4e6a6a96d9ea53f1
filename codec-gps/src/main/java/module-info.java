/**
 * Touchline's GNSS track codec: a small, seekable container for 10 Hz player tracks, lossless at micro-degree,
 * 0.01 m/s and configurable time quantisation. Depends on sensor-model and zstd-jni.
 */
module dev.touchline.codec.gps {
    requires static org.jspecify;
    requires transitive dev.touchline.sensor;
    requires com.github.luben.zstd_jni;

    exports dev.touchline.codec.gps;
}
