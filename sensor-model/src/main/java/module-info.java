/**
 * Touchline's shared vocabulary: time, units, identifiers, sensor specifications, columnar sample blocks, pitch
 * geometry, the power budget and bias models, and the deterministic match simulator. Depends on the JDK alone.
 */
module dev.touchline.sensor {
    requires static org.jspecify;

    exports dev.touchline.sensor;
    exports dev.touchline.sensor.bias;
    exports dev.touchline.sensor.pitch;
    exports dev.touchline.sensor.power;
    exports dev.touchline.sensor.simulation;
}
