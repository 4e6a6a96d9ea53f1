package dev.touchline.sensor.simulation;

import dev.touchline.sensor.ScalarSeries;
import dev.touchline.sensor.TriaxialSeries;
import java.util.List;

/**
 * The high-rate wearable signals of one player over one chunk, with their ground truth. A signal that was not
 * selected is an empty series.
 *
 * @param objectIndex the player
 * @param accelerometer left-tibia accelerometer, m/s², sensor frame, 1 kHz
 * @param gyroscope left-tibia gyroscope, rad/s, sensor frame, 200 Hz
 * @param temperature IMU die temperature, °C, 1 Hz
 * @param ecg single-lead ECG, mV
 * @param ppg upper-arm PPG, arbitrary units, 500 Hz
 * @param fsr insole forces, N, 250 Hz
 * @param footStrikes true strikes of the instrumented leg
 * @param artefacts labelled IMU artefacts
 * @param beats true R peaks with pulse arrival times
 * @param contacts true ground contacts of both feet
 */
public record WearableChunk(int objectIndex, TriaxialSeries accelerometer, TriaxialSeries gyroscope,
                            ScalarSeries temperature, ScalarSeries ecg, ScalarSeries ppg, FsrSamples fsr,
                            List<FootStrike> footStrikes, List<Artefact> artefacts, List<Beat> beats,
                            List<FootContact> contacts) {
    /** Copies the event lists. */
    public WearableChunk {
        footStrikes = List.copyOf(footStrikes);
        artefacts = List.copyOf(artefacts);
        beats = List.copyOf(beats);
        contacts = List.copyOf(contacts);
    }
}
