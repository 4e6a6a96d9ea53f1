package dev.touchline.sensor.simulation;

/** The signals the simulator can produce; each draws from its own random stream. */
public enum Signal {
    /** 25 Hz true positions of every object. */
    POSITIONS,
    /** 25 Hz optical detections derived from the truth. */
    DETECTIONS,
    /** 10 Hz GNSS fixes of every player. */
    GNSS,
    /** Tibia accelerometer (1 kHz) and gyroscope (200 Hz) of the wearable players. */
    IMU,
    /** ECG of the wearable players. */
    ECG,
    /** PPG (500 Hz) of the wearable players. */
    PPG,
    /** FSR insoles (250 Hz) of the wearable players. */
    FSR
}
