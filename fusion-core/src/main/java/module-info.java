/**
 * Wearable signal fusion: IIR filters and resampling onto a common timeline, orientation estimation (AHRS) and
 * load metrics. Depends on {@code dev.touchline.sensor} alone.
 */
module dev.touchline.fusion {
    requires static org.jspecify;
    requires transitive dev.touchline.sensor;

    exports dev.touchline.fusion;
    exports dev.touchline.fusion.filter;
    exports dev.touchline.fusion.ahrs;
    exports dev.touchline.fusion.load;
    exports dev.touchline.fusion.gait;
    exports dev.touchline.fusion.ecg;
    exports dev.touchline.fusion.ppg;
    exports dev.touchline.fusion.session;
    exports dev.touchline.fusion.calibration;
    exports dev.touchline.fusion.fsr;
}
