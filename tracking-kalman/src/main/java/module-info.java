/**
 * Pitch-plane multi-player tracking: a 7-state Kalman filter (position, velocity, acceleration and stature),
 * rectangular assignment, a tracker with a track lifecycle, and the MOT metrics (CLEAR MOT, IDF1, HOTA) in
 * metric space. Depends on {@code sensor-model} alone.
 */
module dev.touchline.tracking {
    requires static org.jspecify;
    requires transitive dev.touchline.sensor;

    exports dev.touchline.tracking;
    exports dev.touchline.tracking.eval;
    exports dev.touchline.tracking.metrics;
}
