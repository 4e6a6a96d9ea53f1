package dev.touchline.sensor;

/**
 * Identifies a recording device (a vest unit, an insole, a camera) by its serial.
 *
 * @param serial printable serial, 1 to 64 characters, no control characters
 */
public record DeviceId(String serial) {
    /** Validates the serial. */
    public DeviceId {
        Ids.checkPrintable("DeviceId", serial, 64);
    }

    /** A device id from its serial. */
    public static DeviceId of(String serial) {
        return new DeviceId(serial);
    }

    @Override
    public String toString() {
        return serial;
    }
}
