package dev.touchline.fusion.session;

/**
 * Receives the outputs of a {@link SessionPipeline} as they become final, each stream in time order. Every method
 * has an empty default, so a listener implements only what it needs. Called on the feeding thread; implementations
 * should not allocate per call if the pipeline is to stay allocation-free.
 */
public interface SessionListener {
    /**
     * One orientation update, at a gyroscope sample's time.
     *
     * @param timeMicros gyroscope sample time, µs since the epoch
     * @param qw orientation quaternion (sensor to earth, ENU), scalar part
     * @param qx quaternion x
     * @param qy quaternion y
     * @param qz quaternion z
     * @param eastMetresPerSecondSquared gravity-free acceleration, earth frame, east; NaN when no accelerometer
     *        sample covers this time (a gap)
     * @param northMetresPerSecondSquared gravity-free acceleration, north; NaN in a gap
     * @param upMetresPerSecondSquared gravity-free acceleration, up; NaN in a gap
     */
    default void onOrientation(long timeMicros, double qw, double qx, double qy, double qz,
            double eastMetresPerSecondSquared, double northMetresPerSecondSquared, double upMetresPerSecondSquared) {
    }

    /**
     * One impact (see {@link dev.touchline.fusion.gait.ImpactListener} for the fields).
     *
     * @param onsetMicros onset, µs since the epoch
     * @param peakG transient peak along the tibia, g
     * @param resultantPeakG peak resultant |a|, g
     * @param consistent whether the gyroscope agrees that it was a ground contact
     * @param clipped whether the accelerometer clipped in the peak window
     */
    default void onImpact(long onsetMicros, double peakG, double resultantPeakG, boolean consistent,
            boolean clipped) {
    }

    /**
     * One completed PlayerLoad interval (see {@link dev.touchline.fusion.load.PlayerLoadListener}).
     *
     * @param seconds 1 or 60
     * @param startMicros interval start, µs since the epoch
     * @param playerLoad PL in the interval
     * @param playerLoad2d PL-2D
     * @param playerLoadVertical PL-vertical
     * @param coveredFraction fraction of the interval with data
     */
    default void onPlayerLoad(int seconds, long startMicros, double playerLoad, double playerLoad2d,
            double playerLoadVertical, double coveredFraction) {
    }

    /**
     * One PPG sample on the common output grid (anti-alias filtered, group delay compensated).
     *
     * @param timeMicros grid time, µs since the epoch (a multiple of the output period)
     * @param value PPG value in the input's unit, NaN inside a gap (e.g. duty-cycled capture)
     */
    default void onPpg(long timeMicros, double value) {
    }
}
