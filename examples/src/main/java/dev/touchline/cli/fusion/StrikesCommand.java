package dev.touchline.cli.fusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.cli.io.NumericCsv;
import dev.touchline.fusion.BadSensorDataException;
import dev.touchline.fusion.gait.ImpactBands;
import dev.touchline.fusion.gait.ImpactDetector;
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

/** {@code touchline imu strikes}: foot strikes and impacts from a tibia IMU, with g-band counts. */
@Command(name = "strikes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detects impacts and foot strikes on a tibia IMU (x along the tibia, up; z to the player's "
                + "left): a jerk gate whose threshold follows the sensor noise, an axial test, a yaw-rate veto and "
                + "the gyro's swing-phase test (an impact while the shank swings back is the other foot's landing); "
                + "counts the strikes' transient peaks in g-bands.",
            "Input columns: time_s,gyr_x_rad_s,gyr_y_rad_s,gyr_z_rad_s,acc_x_m_s2,acc_y_m_s2,acc_z_m_s2 (other "
                    + "columns ignored). Output: impact,time_s,peak_g,resultant_peak_g,foot_strike,clipped."})
public final class StrikesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "IMU CSV file.")
    private Path in;

    @Option(names = "--out", required = true, description = "Output CSV file, one row per impact.")
    private Path out;

    @Option(names = "--rate-hz", description = "Nominal input rate in Hz (default: from the median interval).")
    private double rateHz;

    @Option(names = "--min-jerk-g-s", description = "Lowest jerk threshold, g/s (default: ${DEFAULT-VALUE}; real "
            + "running shanks need about 300).")
    private double minimumJerk = 75;

    @Option(names = "--swing-limit-deg-s", description = "Swing-phase test limit, deg/s, 0 to turn it off "
            + "(default: ${DEFAULT-VALUE}).")
    private double swingLimit = 60;

    @Option(names = "--bands-g", split = ",", description = "Lower edges of the g-bands (default: "
            + "0.5,1,2,3,5,8,12).")
    private double[] bands = {0.5, 1, 2, 3, 5, 8, 12};

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    private record Impact(long t, double peak, double resultant, boolean strike, boolean clipped) {
    }

    @Override
    public Integer call() throws IOException, BadInputException {
        ImpactBands counts;
        try {
            counts = new ImpactBands(bands);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--bands-g: " + e.getMessage());
        }
        if (!(minimumJerk >= 0) || !(swingLimit >= 0)) {
            throw new ParameterException(spec.commandLine(), "--min-jerk-g-s and --swing-limit-deg-s must be >= 0");
        }
        NumericCsv csv = NumericCsv.readSeries(in, "time_s", "gyr_x_rad_s", "gyr_y_rad_s", "gyr_z_rad_s", "acc_x_m_s2",
                "acc_y_m_s2", "acc_z_m_s2");
        double[][] c = csv.columns;
        double rate = rateHz > 0 ? rateHz : medianRate(c[0], csv.rows);
        if (!(rate >= 50)) {
            throw new BadInputException(in + ": input rate " + rate + " Hz is below the 50 Hz an impact gate needs");
        }
        List<Impact> impacts = new ArrayList<>();
        ImpactDetector detector = ImpactDetector.builder().sampleRateHz(rate).gyroRateHz(rate)
                .lowPassHz(Math.min(60, 0.4 * rate)).minimumJerkGPerSecond(minimumJerk)
                .swingPhase(2, 1, swingLimit)
                .build((t, peak, resultant, consistent, clipped) -> {
                    impacts.add(new Impact(t, peak, resultant, consistent, clipped));
                    if (consistent) {
                        counts.add(peak);
                    }
                });
        try {
            for (int i = 0; i < csv.rows; i++) {
                long t = Math.round(c[0][i] * 1e6);
                detector.acceptGyroscope(t, c[1][i], c[2][i], c[3][i]);
                detector.acceptAccelerometer(t, c[4][i], c[5][i], c[6][i]);
            }
        } catch (BadSensorDataException e) {
            throw new BadInputException(in + ": " + e.getMessage(), e);
        }
        detector.finish();
        long strikes = impacts.stream().filter(Impact::strike).count();
        try (CsvWriter w = CsvWriter.create(out, "impact,time_s,peak_g,resultant_peak_g,foot_strike,clipped")) {
            int k = 0;
            for (Impact m : impacts) {
                w.integer(k++).fixed(m.t() / 1e6, 6).fixed(m.peak(), 3).fixed(m.resultant(), 3)
                        .integer(m.strike() ? 1 : 0).integer(m.clipped() ? 1 : 0);
                w.endRow();
            }
        }
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("impacts", impacts.size());
            node.put("foot_strikes", strikes);
            node.put("rejected_by_gyro", impacts.size() - strikes);
            node.put("input_rate_hz", rate);
            node.put("jerk_threshold_g_s", detector.jerkThresholdGPerSecond());
            node.put("below_first_band", counts.belowFirstEdge());
            ArrayNode arr = node.putArray("bands");
            for (int k = 0; k < counts.bandCount(); k++) {
                ObjectNode b = arr.addObject();
                b.put("lower_g", counts.lowerEdgeG(k));
                if (Double.isFinite(counts.upperEdgeG(k))) {
                    b.put("upper_g", counts.upperEdgeG(k));
                } else {
                    b.putNull("upper_g");
                }
                b.put("count", counts.count(k));
            }
            spec.commandLine().getOut().println(node.toString());
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "%d foot strikes (%d impacts rejected by the gyro); %s%n",
                    strikes, impacts.size() - strikes, counts);
        }
        return 0;
    }

    static double medianRate(double[] timeSeconds, int rows) {
        double[] d = new double[rows - 1];
        for (int i = 1; i < rows; i++) {
            d[i - 1] = timeSeconds[i] - timeSeconds[i - 1];
        }
        Arrays.sort(d);
        return 1 / d[d.length / 2];
    }
}
