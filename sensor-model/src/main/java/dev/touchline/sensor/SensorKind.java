package dev.touchline.sensor;

/** What a sensor measures, with the SI unit its samples carry inside Touchline. */
public enum SensorKind {
    /** Linear acceleration including gravity, m/s². */
    ACCELEROMETER("m/s²"),
    /** Angular rate, rad/s. */
    GYROSCOPE("rad/s"),
    /** Magnetic flux density, µT. */
    MAGNETOMETER("µT"),
    /** Satellite positioning: latitude/longitude in degrees, speed in m/s. */
    GNSS("deg"),
    /** Photoplethysmogram, arbitrary units. */
    PPG("a.u."),
    /** Electrocardiogram, mV. */
    ECG("mV"),
    /** Force-sensitive resistor (insole), N. */
    FSR("N"),
    /** Optical tracking camera, positions in pitch metres. */
    CAMERA("m"),
    /** Temperature, °C. */
    TEMPERATURE("°C");

    private final String unit;

    SensorKind(String unit) {
        this.unit = unit;
    }

    /** The unit of this kind's samples. */
    public String unit() {
        return unit;
    }
}
