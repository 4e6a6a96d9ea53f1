package dev.touchline.sensor.simulation;

/** Kinds of labelled IMU artefacts. */
public enum ArtefactKind {
    /** Cable or strap whip: a high-frequency accelerometer burst with a large yaw rate. */
    CABLE_WHIP,
    /** A knock on the sensor (a kick, a tackle): one sharp spike. */
    KNOCK
}
