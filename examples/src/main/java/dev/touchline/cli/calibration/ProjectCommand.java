package dev.touchline.cli.calibration;

import dev.touchline.calibration.PitchProjection;
import dev.touchline.cli.BadInputException;
import dev.touchline.cli.io.CsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline project}: pixels to pitch positions on a plane, or pitch positions to pixels. */
@Command(name = "project", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Projects pixels (CSV id,u_px,v_px) onto the pitch plane z = --z-m through a camera.json, "
                + "writing id,X_m,Y_m; with --reverse, pitch points (id,X_m,Y_m and optional Z_m) to id,u_px,v_px.",
            "Pixels above the horizon (or points behind the camera) get empty fields; rows with both fields "
                    + "empty pass through empty."})
public final class ProjectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--camera", required = true, description = "Camera JSON written by touchline calibrate.")
    private Path camera;

    @Option(names = "--in", required = true, description = "Input CSV.")
    private Path in;

    @Option(names = "--out", required = true, description = "Output CSV.")
    private Path out;

    @Option(names = "--reverse", description = "Pitch to pixel instead of pixel to pitch.")
    private boolean reverse;

    @Option(names = "--z-m", description = "Height of the plane for pixel to pitch, metres (default: ${DEFAULT-VALUE}).")
    private double zM;

    @Override
    public Integer call() throws BadInputException, IOException {
        if (!Double.isFinite(zM)) {
            throw new ParameterException(spec.commandLine(), "--z-m must be finite, was " + zM);
        }
        PitchProjection projection = CameraFile.read(camera);
        CsvTable table = reverse ? CsvTable.read(in, "id", "X_m", "Y_m") : CsvTable.read(in, "id", "u_px", "v_px");
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".project", ".tmp");
        int missed = 0;
        try {
            try (CsvWriter w = CsvWriter.create(tmp, reverse ? "id,u_px,v_px" : "id,X_m,Y_m")) {
                double[] result = new double[2];
                for (int r = 0; r < table.size(); r++) {
                    if (table.text(r, reverse ? "X_m" : "u_px").isEmpty()
                            && table.text(r, reverse ? "Y_m" : "v_px").isEmpty()) {
                        // an empty row (no position, as this command writes for misses) passes through empty
                        result[0] = Double.NaN;
                        result[1] = Double.NaN;
                    } else if (reverse) {
                        double z = table.has("Z_m") ? table.number(r, "Z_m") : 0;
                        try {
                            projection.project(table.number(r, "X_m"), table.number(r, "Y_m"), z, result);
                        } catch (IllegalArgumentException e) {
                            throw new BadInputException(in + ":" + table.line(r) + ": " + e.getMessage(), e);
                        }
                    } else {
                        try {
                            projection.pixelToPlane(table.number(r, "u_px"), table.number(r, "v_px"), zM, result);
                        } catch (IllegalArgumentException e) {
                            throw new ParameterException(spec.commandLine(), "--z-m: " + e.getMessage());
                        }
                    }
                    missed += Double.isNaN(result[0]) ? 1 : 0;
                    w.text(table.text(r, "id")).fixed(result[0], reverse ? 3 : 4).fixed(result[1], reverse ? 3 : 4)
                            .endRow();
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Projected %d rows (%d without a result) to %s%n", table.size(), missed, out);
        stdout.flush();
        return 0;
    }
}
