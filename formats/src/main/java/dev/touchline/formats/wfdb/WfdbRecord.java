package dev.touchline.formats.wfdb;

import java.util.List;

/**
 * A WFDB record's samples as ADC values, one column per signal, with the header's scaling.
 */
public final class WfdbRecord {
    private final String name;
    private final double samplingFrequencyHz;
    private final List<WfdbSignal> signals;
    private final int[][] adc;

    WfdbRecord(String name, double samplingFrequencyHz, List<WfdbSignal> signals, int[][] adc) {
        this.name = name;
        this.samplingFrequencyHz = samplingFrequencyHz;
        this.signals = List.copyOf(signals);
        this.adc = adc;
    }

    /** The record name. */
    public String name() {
        return name;
    }

    /** Samples per second per signal, Hz. */
    public double samplingFrequencyHz() {
        return samplingFrequencyHz;
    }

    /** The signal descriptions, in column order. */
    public List<WfdbSignal> signals() {
        return signals;
    }

    /** Samples per signal. */
    public int length() {
        return adc.length == 0 ? 0 : adc[0].length;
    }

    /** One ADC sample. */
    public int adc(int signal, int sample) {
        return adc[signal][sample];
    }

    /** One sample in physical units ({@link WfdbSignal#units()}): (adc − baseline) / gain. */
    public double physical(int signal, int sample) {
        WfdbSignal s = signals.get(signal);
        return (adc[signal][sample] - s.baseline()) / s.gain();
    }

    /** A signal in physical units as a new array. */
    public double[] physical(int signal) {
        double[] out = new double[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = physical(signal, i);
        }
        return out;
    }

    /** The index of the first signal whose description equals the name (case-insensitive), or -1. */
    public int signalIndex(String description) {
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).description().equalsIgnoreCase(description)) {
                return i;
            }
        }
        return -1;
    }
}
