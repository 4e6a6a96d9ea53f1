package dev.touchline.cli.fusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.fusion.ecg.QrsDetector;
import dev.touchline.formats.FormatException;
import dev.touchline.formats.wfdb.WfdbReader;
import dev.touchline.formats.wfdb.WfdbRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline ecg rpeaks}: R-peak detection on a WFDB record. */
@Command(name = "rpeaks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detects R peaks (Pan-Tompkins family with search-back) in one channel of a WFDB record "
                + "(.hea with format 212 or 16). Output: sample,time_s."})
public final class RpeaksCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--record", required = true, description = "Record path without extension, e.g. data/100.")
    private Path record;

    @Option(names = "--channel", description = "Signal index, from 0 (default: ${DEFAULT-VALUE}).")
    private int channel;

    @Option(names = "--out", required = true, description = "Output CSV file.")
    private Path out;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException, BadInputException {
        Path header = record.resolveSibling(record.getFileName() + ".hea");
        if (!Files.isRegularFile(header)) {
            throw new ParameterException(spec.commandLine(), "no header file " + header);
        }
        WfdbRecord r;
        try {
            r = WfdbReader.read(record);
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (channel < 0 || channel >= r.signals().size()) {
            throw new ParameterException(spec.commandLine(), "--channel must be 0.." + (r.signals().size() - 1)
                    + ", got " + channel);
        }
        List<Long> beats = new ArrayList<>();
        QrsDetector detector = new QrsDetector(r.samplingFrequencyHz(), (sample, back) -> beats.add(sample));
        for (int i = 0; i < r.length(); i++) {
            detector.accept(r.physical(channel, i));
        }
        detector.flush();
        try (CsvWriter w = CsvWriter.create(out, "sample,time_s")) {
            for (long s : beats) {
                w.integer(s).fixed(s / r.samplingFrequencyHz(), 4);
                w.endRow();
            }
        }
        double minutes = r.length() / r.samplingFrequencyHz() / 60;
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("record", r.name());
            node.put("channel", channel);
            node.put("signal", r.signals().get(channel).description());
            node.put("sampling_frequency_hz", r.samplingFrequencyHz());
            node.put("beats", beats.size());
            node.put("mean_heart_rate_bpm", beats.size() / minutes);
            spec.commandLine().getOut().println(node.toString());
        }
        return 0;
    }
}
