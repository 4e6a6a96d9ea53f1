package dev.touchline.cli.fusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.cli.io.NumericCsv;
import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.load.Axis;
import dev.touchline.fusion.load.PlayerLoadMeter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline load}: PlayerLoad per minute and in total. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"PlayerLoad (sum of sqrt(dax^2+day^2+daz^2)/100 in g, after a low-pass and resampling to "
                + "100 Hz) per minute and in total, with PL-2D and PL-vertical.",
            "Input columns: time_s,acc_x_m_s2,acc_y_m_s2,acc_z_m_s2 (other columns ignored). Output: minute,"
                    + "start_s,player_load,player_load_2d,player_load_vertical,covered_fraction,filter."})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "Accelerometer CSV file.")
    private Path in;

    @Option(names = "--out", required = true, description = "Output CSV file, one row per minute.")
    private Path out;

    @Option(names = "--rate-hz", description = "Nominal input rate in Hz (default: from the median interval).")
    private double rateHz;

    @Option(names = "--vertical-axis", description = "Sensor axis that is vertical: x, y or z (default: x, the "
            + "tibia).")
    private String vertical = "x";

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    private record Minute(long start, double pl, double pl2d, double plv, double covered) {
    }

    @Override
    public Integer call() throws IOException, BadInputException {
        Axis axis = switch (vertical.toLowerCase(Locale.ROOT)) {
            case "x" -> Axis.X;
            case "y" -> Axis.Y;
            case "z" -> Axis.Z;
            default -> throw new ParameterException(spec.commandLine(), "--vertical-axis must be x, y or z, got "
                    + vertical);
        };
        NumericCsv csv = NumericCsv.readSeries(in, "time_s", "acc_x_m_s2", "acc_y_m_s2", "acc_z_m_s2");
        double[][] c = csv.columns;
        double rate = rateHz;
        if (rate <= 0) {
            double[] d = new double[csv.rows - 1];
            for (int i = 1; i < csv.rows; i++) {
                d[i - 1] = c[0][i] - c[0][i - 1];
            }
            Arrays.sort(d);
            rate = 1 / d[d.length / 2];
        }
        if (!(rate >= 80)) {
            throw new BadInputException(in + ": input rate " + rate + " Hz is below the 80 Hz that PlayerLoad at "
                    + "100 Hz needs");
        }
        List<Minute> minutes = new ArrayList<>();
        PlayerLoadMeter meter = PlayerLoadMeter.builder().inputRateHz(rate).verticalAxis(axis)
                .build((seconds, start, pl, pl2d, plv, covered) -> {
                    if (seconds == 60) {
                        minutes.add(new Minute(start, pl, pl2d, plv, covered));
                    }
                });
        long t0 = Math.round(c[0][0] * 1e6);
        try {
            for (int i = 0; i < csv.rows; i++) {
                meter.accept(Math.round(c[0][i] * 1e6), c[1][i], c[2][i], c[3][i]);
            }
        } catch (BadSensorDataException e) {
            throw new BadInputException(in + ": " + e.getMessage(), e);
        }
        meter.flush();
        try (CsvWriter w = CsvWriter.create(out, "minute,start_s,player_load,player_load_2d,player_load_vertical,"
                + "covered_fraction,filter")) {
            int k = 0;
            for (Minute m : minutes) {
                w.integer(k++).fixed((m.start() - t0) / 1e6 + c[0][0], 3).fixed(m.pl(), 4).fixed(m.pl2d(), 4)
                        .fixed(m.plv(), 4).fixed(m.covered(), 4).text(meter.filterDescription());
                w.endRow();
            }
        }
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("player_load", meter.total());
            node.put("player_load_2d", meter.total2d());
            node.put("player_load_vertical", meter.totalVertical());
            node.put("minutes", minutes.size());
            node.put("input_rate_hz", rate);
            node.put("filter", meter.filterDescription());
            spec.commandLine().getOut().println(node.toString());
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "PlayerLoad %.2f (2D %.2f, vertical %.2f) over %d minutes"
                    + "%n", meter.total(), meter.total2d(), meter.totalVertical(), minutes.size());
        }
        return 0;
    }
}
