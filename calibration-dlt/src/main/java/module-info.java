/**
 * Venue camera calibration: DLT-11 and DLT-16/-20 (DLT with a lens model refined by Levenberg-Marquardt), RQ
 * decomposition into intrinsics, rotation and camera centre, pixel to pitch projection on a plane, pitch to pixel
 * projection and player stature. Depends on sensor-model, EJML and commons-math3.
 */
module dev.touchline.calibration {
    requires static org.jspecify;
    requires dev.touchline.sensor;
    requires ejml.core;
    requires ejml.ddense;
    requires commons.math3;
    requires transitive java.desktop;

    exports dev.touchline.calibration;
}
