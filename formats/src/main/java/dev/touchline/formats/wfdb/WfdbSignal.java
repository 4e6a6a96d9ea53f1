package dev.touchline.formats.wfdb;

/**
 * One signal line of a WFDB header.
 *
 * @param fileName the data file (relative to the header)
 * @param format storage format: 212 or 16 are read
 * @param byteOffset bytes to skip at the start of the file (the "+24" of "16+24")
 * @param gain ADC units per physical unit (200 when the header gives 0 or nothing)
 * @param baseline ADC value of physical zero
 * @param units physical unit, "mV" when not given
 * @param description the signal's name, e.g. "MLII" or "PLETH"
 */
public record WfdbSignal(String fileName, int format, long byteOffset, double gain, int baseline, String units,
        String description) {
}
