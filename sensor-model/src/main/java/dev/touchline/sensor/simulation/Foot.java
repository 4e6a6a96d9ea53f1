package dev.touchline.sensor.simulation;

/** Left or right foot. */
public enum Foot {
    /** Left foot; the simulated tibia IMU is on the left shank. */
    LEFT,
    /** Right foot. */
    RIGHT
}
