package dev.touchline.cli.demo.pipeline;

import dev.touchline.cli.io.NumericCsv;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.wfdb.WfdbReader;
import dev.touchline.formats.wfdb.WfdbRecord;
import dev.touchline.formats.wfdb.WfdbSignal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One player's ECG (and, when the record has one, PPG) read from a PhysioNet WFDB record {@code ecg/<id>.hea}
 * (formats 212 and 16, through fusion-core's {@link WfdbReader}), as the same {@code time_s} columns the CSV files
 * give. A WFDB header's base time is not read: sample 0 is placed at the kick-off, like {@code time_s = 0}.
 *
 * <p>The ECG channel is the signal named by {@code --ecg-signal} when given, else the first signal whose name is an
 * ECG lead ({@link #ECG_LEAD}: {@code ECG…}/{@code EKG…}, limb leads I–III with or without the Holter {@code ML}
 * prefix, aVR/aVL/aVF, chest leads V/V1–V6 and their modified forms MCL/CM). The PPG is the first signal named
 * {@code PLETH} or {@code PPG…}.
 */
final class EcgRecord {
    /** Signal names taken as an ECG lead when no channel is named. */
    static final Pattern ECG_LEAD = Pattern.compile(
            "(?i)(ecg|ekg).*|(ml)?(i|ii|iii)|m?av[rlf]|v[1-6]?|(mcl|cm|mv)[1-6]");
    private static final Pattern PPG = Pattern.compile("(?i)pleth.*|ppg.*");

    /** {@code time_s, ecg_mv}. */
    final NumericCsv ecg;
    /** {@code time_s, ppg_au}, or null when the record has no PPG. */
    final @org.jspecify.annotations.Nullable NumericCsv ppg;
    /** The chosen signals, for the report, e.g. "MLII, 360 Hz". */
    final String description;

    private EcgRecord(NumericCsv ecg, @org.jspecify.annotations.Nullable NumericCsv ppg, String description) {
        this.ecg = ecg;
        this.ppg = ppg;
        this.description = description;
    }

    /**
     * Reads {@code header} ({@code <id>.hea}) and its data file.
     *
     * @param ecgSignal the ECG signal's name, or null for the first ECG lead
     * @return the record, or null when it has no ECG-like signal and none was named
     * @throws SessionDataException when the record is malformed or the named signal is absent
     */
    static @org.jspecify.annotations.Nullable EcgRecord read(Path header, @org.jspecify.annotations.Nullable
            String ecgSignal) throws IOException {
        String file = header.getFileName().toString();
        Path recordPath = header.resolveSibling(file.substring(0, file.length() - ".hea".length()));
        WfdbRecord r;
        try {
            r = WfdbReader.read(recordPath);
        } catch (FormatException e) {
            throw new SessionDataException(e.getMessage());
        }
        int ecg = -1;
        int ppg = -1;
        for (int k = 0; k < r.signals().size(); k++) {
            String name = r.signals().get(k).description().strip();
            if (ecg < 0 && (ecgSignal != null ? name.equalsIgnoreCase(ecgSignal) : ECG_LEAD.matcher(name).matches())) {
                ecg = k;
            } else if (ppg < 0 && PPG.matcher(name).matches()) {
                ppg = k;
            }
        }
        if (ecg < 0) {
            if (ecgSignal != null) {
                throw new SessionDataException(header + ": no signal named '" + ecgSignal + "' (--ecg-signal); the "
                        + "record has " + names(r));
            }
            return null;
        }
        double fs = r.samplingFrequencyHz();
        if (!(fs > 0)) {
            throw new SessionDataException(header + " line 1: sampling frequency " + fs + " Hz is not positive");
        }
        WfdbSignal e = r.signals().get(ecg);
        NumericCsv ecgColumns = columns(r, ecg, fs, millivoltsPer(e, header));
        NumericCsv ppgColumns = ppg < 0 ? null : columns(r, ppg, fs, 1);
        String what = e.description() + " at " + format(fs) + " Hz"
                + (ppg < 0 ? "" : ", PPG " + r.signals().get(ppg).description());
        return new EcgRecord(ecgColumns, ppgColumns, what);
    }

    private static String names(WfdbRecord r) {
        StringBuilder b = new StringBuilder();
        for (WfdbSignal s : r.signals()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.description().isEmpty() ? "(unnamed)" : s.description());
        }
        return b.length() == 0 ? "no signals" : b.toString();
    }

    private static double millivoltsPer(WfdbSignal s, Path header) throws SessionDataException {
        return switch (s.units().toLowerCase(Locale.ROOT)) {
            case "mv" -> 1;
            case "uv", "µv" -> 1e-3;
            case "v" -> 1e3;
            default -> throw new SessionDataException(header + ": ECG signal " + s.description() + " is in '"
                    + s.units() + "', expected mV, uV or V");
        };
    }

    private static NumericCsv columns(WfdbRecord r, int signal, double fs, double scale) {
        int n = r.length();
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / fs;
            v[i] = r.physical(signal, i) * scale;
        }
        return NumericCsv.of(new double[][] {t, v}, n);
    }

    private static String format(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }
}
