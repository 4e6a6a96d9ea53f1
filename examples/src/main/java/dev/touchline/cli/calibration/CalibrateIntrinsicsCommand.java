package dev.touchline.cli.calibration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.ChessboardCorners;
import dev.touchline.calibration.ChessboardDetector;
import dev.touchline.calibration.IntrinsicCalibration;
import dev.touchline.calibration.ZhangCalibrator;
import dev.touchline.cli.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline calibrate-intrinsics}: Zhang's calibration from a folder of chessboard images. */
@Command(name = "calibrate-intrinsics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Calibrates intrinsics (fx, fy, cx, cy, k1, k2, p1, p2, k3) from the chessboard images "
                + "(*.jpg, *.jpeg, *.png) in a folder, Zhang's method; images without the board are listed and "
                + "skipped."})
public final class CalibrateIntrinsicsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--images", required = true, description = "Folder of board images.")
    private Path images;

    @Option(names = "--cols", required = true, description = "Inner corners per row.")
    private int cols;

    @Option(names = "--rows", required = true, description = "Inner corners per column.")
    private int rows;

    @Option(names = "--square-m", required = true, description = "Square size, metres.")
    private double squareM;

    @Option(names = "--pixel-convention", description = "centre-at-integer or corner-at-integer "
            + "(default: ${DEFAULT-VALUE}).")
    private String convention = "centre-at-integer";

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    private boolean json;

    @Override
    public Integer call() throws BadInputException, IOException {
        if (!(squareM > 0) || !Double.isFinite(squareM)) {
            throw new ParameterException(spec.commandLine(), "--square-m must be > 0, was " + squareM);
        }
        if (!Files.isDirectory(images)) {
            throw new ParameterException(spec.commandLine(), "--images " + images + " is not a folder");
        }
        ChessboardDetector detector = ChessboardCommand.detector(spec, cols, rows, convention);
        List<Path> files;
        try (Stream<Path> list = Files.list(images)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)"))
                    .sorted().toList();
        }
        List<ChessboardCorners> views = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            try {
                views.add(detector.detect(f));
                used.add(f.getFileName().toString());
            } catch (CalibrationException e) {
                skipped.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        IntrinsicCalibration c;
        try {
            c = ZhangCalibrator.calibrate(views, squareM);
        } catch (CalibrationException e) {
            throw new BadInputException(images + ": " + e.getMessage() + (skipped.isEmpty() ? ""
                    : " (skipped: " + String.join("; ", skipped) + ")"), e);
        }
        ObjectNode report = CameraFile.MAPPER.createObjectNode();
        report.put("fx_px", c.fxPx());
        report.put("fy_px", c.fyPx());
        report.put("cx_px", c.cxPx());
        report.put("cy_px", c.cyPx());
        CameraFile.array(report.putArray("distortion_k1_k2_p1_p2_k3"), c.distortion());
        report.put("rms_px", c.rmsPx());
        CameraFile.array(report.putArray("view_rms_px"), c.viewRmsPx());
        used.forEach(report.putArray("images_used")::add);
        skipped.forEach(report.putArray("images_skipped")::add);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(CameraFile.MAPPER.writeValueAsString(report));
        } else {
            stdout.printf(Locale.ROOT, "%d of %d images: fx %.2f fy %.2f cx %.2f cy %.2f px, RMS %.4f px%n",
                    used.size(), files.size(), c.fxPx(), c.fyPx(), c.cxPx(), c.cyPx(), c.rmsPx());
        }
        stdout.flush();
        return 0;
    }
}
