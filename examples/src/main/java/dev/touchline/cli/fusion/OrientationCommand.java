package dev.touchline.cli.fusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import dev.touchline.cli.io.NumericCsv;
import dev.touchline.fusion.ahrs.ComplementaryFilter;
import dev.touchline.fusion.ahrs.MadgwickFilter;
import dev.touchline.fusion.ahrs.MahonyFilter;
import dev.touchline.fusion.ahrs.OrientationFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code touchline imu orientation}: one orientation quaternion per IMU row. */
@Command(name = "orientation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimates the sensor's orientation (quaternion sensor-to-earth, ENU) for every input row.",
            "Input columns: time_s,gyr_x_rad_s,gyr_y_rad_s,gyr_z_rad_s,acc_x_m_s2,acc_y_m_s2,acc_z_m_s2"
                    + "[,mag_x_uT,mag_y_uT,mag_z_uT]; other columns are ignored. Output: time_s,qw,qx,qy,qz."})
public final class OrientationCommand implements Callable<Integer> {
    /** The filters on offer. */
    enum Algorithm { madgwick, mahony, complementary }

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, description = "IMU CSV file.")
    private Path in;

    @Option(names = "--out", required = true, description = "Output CSV file.")
    private Path out;

    @Option(names = "--algorithm", description = "madgwick, mahony or complementary (default: ${DEFAULT-VALUE}).")
    private Algorithm algorithm = Algorithm.complementary;

    @Option(names = "--mag", description = "Use the magnetometer columns (9-D); without it the filter is 6-D.")
    private boolean mag;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException, BadInputException {
        String[] names = mag
                ? new String[] {"time_s", "gyr_x_rad_s", "gyr_y_rad_s", "gyr_z_rad_s", "acc_x_m_s2", "acc_y_m_s2",
                    "acc_z_m_s2", "mag_x_uT", "mag_y_uT", "mag_z_uT"}
                : new String[] {"time_s", "gyr_x_rad_s", "gyr_y_rad_s", "gyr_z_rad_s", "acc_x_m_s2", "acc_y_m_s2",
                    "acc_z_m_s2"};
        NumericCsv csv = NumericCsv.readSeries(in, names);
        double[][] c = csv.columns;
        OrientationFilter filter = switch (algorithm) {
            case madgwick -> new MadgwickFilter(0.05);
            case mahony -> new MahonyFilter(0.5, 0.01);
            case complementary -> ComplementaryFilter.builder().build();
        };
        if (mag) {
            filter.initialise(c[4][0], c[5][0], c[6][0], c[7][0], c[8][0], c[9][0]);
        } else {
            filter.initialise(c[4][0], c[5][0], c[6][0]);
        }
        try (CsvWriter w = CsvWriter.create(out, "time_s,qw,qx,qy,qz")) {
            for (int i = 0; i < csv.rows; i++) {
                if (i > 0) {
                    double dt = c[0][i] - c[0][i - 1];
                    if (mag) {
                        filter.update(c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], c[6][i], c[7][i], c[8][i],
                                c[9][i], dt);
                    } else {
                        filter.update(c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], c[6][i], dt);
                    }
                }
                w.fixed(c[0][i], 6).fixed(filter.qw(), 7).fixed(filter.qx(), 7).fixed(filter.qy(), 7)
                        .fixed(filter.qz(), 7);
                w.endRow();
            }
        }
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("algorithm", algorithm.name());
            node.put("magnetometer", mag);
            node.put("rows", csv.rows);
            node.put("out", out.toString());
            spec.commandLine().getOut().println(node.toString());
        }
        return 0;
    }
}
