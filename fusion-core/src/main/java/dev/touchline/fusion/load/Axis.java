package dev.touchline.fusion.load;

/** A sensor axis. */
public enum Axis {
    /** Sensor x. */
    X,
    /** Sensor y. */
    Y,
    /** Sensor z. */
    Z
}
