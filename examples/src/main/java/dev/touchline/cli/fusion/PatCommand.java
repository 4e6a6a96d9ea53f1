package dev.touchline.cli.fusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.cli.io.NumericCsv;
import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.ecg.QrsDetector;
import dev.touchline.fusion.ppg.Fiducial;
import dev.touchline.fusion.ppg.PatShiftFlag;
import dev.touchline.fusion.ppg.PulseArrival;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.wfdb.WfdbReader;
import dev.touchline.formats.wfdb.WfdbRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline ppg pat}: pulse arrival time per beat, ECG R peak to PPG foot, with the stiffness-shift flag. */
@Command(name = "pat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pulse arrival time per beat: R peaks from the ECG (Pan-Tompkins family), the PPG foot after "
                + "each (second-derivative maximum by default), and the shift flag (median of the last 5 beats "
                + "against the 30 before them, flagged at a 5-7 ms shift; configurable).",
            "Inputs: a WFDB record holding both signals (--ecg-record with --ppg-channel), or two CSV files "
                    + "(--ecg-csv with columns time_s,ecg_mV and --ppg-csv with time_s,ppg). Output: beat,r_time_s,"
                    + "pat_ms,flag (pat_ms empty where the PPG does not cover the beat)."})
public final class PatCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        Record record;

        @ArgGroup(exclusive = false)
        Csv csv;
    }

    static final class Record {
        @Option(names = "--ecg-record", required = true, description = "WFDB record path without extension.")
        Path path;

        @Option(names = "--ecg-channel", description = "ECG signal index (default: 0).")
        int ecgChannel;

        @Option(names = "--ppg-channel", required = true, description = "PPG signal index in the same record.")
        int ppgChannel;
    }

    static final class Csv {
        @Option(names = "--ecg-csv", required = true, description = "ECG CSV: time_s,ecg_mV.")
        Path ecg;

        @Option(names = "--ppg-csv", required = true, description = "PPG CSV: time_s,ppg.")
        Path ppg;
    }

    @Option(names = "--out", required = true, description = "Output CSV file, one row per beat.")
    private Path out;

    @Option(names = "--fiducial", description = "second-derivative, tangents or upslope (default: "
            + "${DEFAULT-VALUE}).")
    private String fiducial = "second-derivative";

    @Option(names = "--min-pat-ms", description = "Earliest foot after the R peak, ms (default: ${DEFAULT-VALUE}).")
    private double minPat = 100;

    @Option(names = "--max-pat-ms", description = "Latest foot after the R peak, ms (default: ${DEFAULT-VALUE}).")
    private double maxPat = 450;

    @Option(names = "--shift-ms", split = ",", description = "Flagged shift range, ms (default: 5,7).")
    private double[] shift = {5, 7};

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException, BadInputException {
        Fiducial f = switch (fiducial) {
            case "second-derivative" -> Fiducial.SECOND_DERIVATIVE_MAXIMUM;
            case "tangents" -> Fiducial.INTERSECTING_TANGENTS;
            case "upslope" -> Fiducial.MAXIMUM_UPSLOPE;
            default -> throw new ParameterException(spec.commandLine(), "--fiducial must be second-derivative, "
                    + "tangents or upslope, got " + fiducial);
        };
        if (shift.length != 2) {
            throw new ParameterException(spec.commandLine(), "--shift-ms needs two values, min,max");
        }
        PatShiftFlag flag;
        PulseArrival arrival;
        try {
            flag = new PatShiftFlag(5, 30, shift[0], shift[1]);
            arrival = new PulseArrival(minPat, maxPat, 15);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        double ecgRate;
        double[] ecg;
        long[] ecgT;
        long[] ppgT;
        float[] ppg;
        double ppgRate;
        String input;
        if (source.record != null) {
            Record rec = source.record;
            input = rec.path.toString();
            Path header = rec.path.resolveSibling(rec.path.getFileName() + ".hea");
            if (!Files.isRegularFile(header)) {
                throw new ParameterException(spec.commandLine(), "no header file " + header);
            }
            WfdbRecord r;
            try {
                r = WfdbReader.read(rec.path);
            } catch (FormatException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            int n = r.signals().size();
            if (rec.ecgChannel < 0 || rec.ecgChannel >= n || rec.ppgChannel < 0 || rec.ppgChannel >= n) {
                throw new ParameterException(spec.commandLine(), "--ecg-channel and --ppg-channel must be 0.."
                        + (n - 1));
            }
            ecgRate = r.samplingFrequencyHz();
            ppgRate = ecgRate;
            ecg = new double[r.length()];
            ecgT = new long[r.length()];
            ppg = new float[r.length()];
            for (int i = 0; i < r.length(); i++) {
                ecgT[i] = Math.round(i * 1e6 / ecgRate);
                ecg[i] = r.physical(rec.ecgChannel, i);
                ppg[i] = (float) r.physical(rec.ppgChannel, i);
                if (!Double.isFinite(ecg[i]) || !Float.isFinite(ppg[i])) {
                    throw new BadInputException(input + ": sample " + i + " is missing (NaN) in the ECG or PPG "
                            + "channel");
                }
            }
            ppgT = ecgT;
        } else {
            input = source.csv.ecg.toString();
            NumericCsv e = NumericCsv.readSeries(source.csv.ecg, "time_s", "ecg_mV");
            NumericCsv p = NumericCsv.readSeries(source.csv.ppg, "time_s", "ppg");
            ecgRate = StrikesCommand.medianRate(e.columns[0], e.rows);
            ppgRate = StrikesCommand.medianRate(p.columns[0], p.rows);
            ecg = Arrays.copyOf(e.columns[1], e.rows);
            ecgT = new long[e.rows];
            for (int i = 0; i < e.rows; i++) {
                ecgT[i] = Math.round(e.columns[0][i] * 1e6);
            }
            ppgT = new long[p.rows];
            ppg = new float[p.rows];
            for (int i = 0; i < p.rows; i++) {
                ppgT[i] = Math.round(p.columns[0][i] * 1e6);
                ppg[i] = (float) p.columns[1][i];
            }
        }
        if (!(ecgRate >= 100 && ecgRate <= 10_000)) {
            throw new BadInputException(input + ": ECG rate " + ecgRate + " Hz is outside 100..10000 Hz");
        }
        if (!(ppgRate >= 40)) {
            throw new BadInputException(input + ": PPG rate " + ppgRate + " Hz is below 40 Hz");
        }
        long[] peaks = new long[ecg.length / 20 + 16];
        int[] beats = new int[1];
        QrsDetector detector = new QrsDetector(ecgRate, (sample, back) -> {
            if (beats[0] < peaks.length) {
                peaks[beats[0]++] = ecgT[(int) sample];
            }
        });
        for (double v : ecg) {
            detector.accept(v);
        }
        detector.flush();
        int nBeats = beats[0];
        Arrays.sort(peaks, 0, nBeats);
        double[] pat = new double[nBeats];
        try {
            arrival.estimate(ppgT, ppg, ppgT.length, ppgRate, peaks, nBeats, f, pat);
        } catch (BadSensorDataException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        }
        int measured = 0;
        int flagged = 0;
        double[] valid = new double[nBeats];
        try (CsvWriter w = CsvWriter.create(out, "beat,r_time_s,pat_ms,flag")) {
            for (int b = 0; b < nBeats; b++) {
                boolean fl = flag.accept(pat[b]);
                w.integer(b).fixed(peaks[b] / 1e6, 4);
                if (Double.isNaN(pat[b])) {
                    w.empty();
                } else {
                    w.fixed(pat[b], 2);
                    valid[measured++] = pat[b];
                }
                w.integer(fl ? 1 : 0);
                w.endRow();
                flagged += fl ? 1 : 0;
            }
        }
        Arrays.sort(valid, 0, measured);
        double median = measured > 0 ? valid[measured / 2] : Double.NaN;
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("input", input);
            node.put("beats", nBeats);
            node.put("measured", measured);
            node.put("median_pat_ms", median);
            node.put("flagged", flagged);
            node.put("fiducial", f.name().toLowerCase(Locale.ROOT));
            spec.commandLine().getOut().println(node.toString());
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "%d beats, PAT measured for %d (median %.1f ms), %d "
                    + "flagged%n", nBeats, measured, median, flagged);
        }
        return 0;
    }
}
