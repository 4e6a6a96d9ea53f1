package dev.touchline.cli.calibration;

import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.ChessboardCorners;
import dev.touchline.calibration.ChessboardDetector;
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

/** {@code touchline chessboard}: inner corners of a chessboard in one image, to sub-pixel accuracy. */
@Command(name = "chessboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Finds a chessboard's inner corners in a greyscale or colour image (JPEG/PNG) and writes "
                + "corner_index,col,row,u_px,v_px.",
            "Pixel convention: centre-at-integer (OpenCV, default) or corner-at-integer (+0.5 px)."})
public final class ChessboardCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--image", required = true, description = "Image file.")
    private Path image;

    @Option(names = "--cols", required = true, description = "Inner corners per row.")
    private int cols;

    @Option(names = "--rows", required = true, description = "Inner corners per column.")
    private int rows;

    @Option(names = "--pixel-convention", description = "centre-at-integer or corner-at-integer "
            + "(default: ${DEFAULT-VALUE}).")
    private String convention = "centre-at-integer";

    @Option(names = "--out", required = true, description = "Corners CSV to write (only on success).")
    private Path out;

    @Override
    public Integer call() throws BadInputException, IOException {
        ChessboardDetector detector = detector(spec, cols, rows, convention);
        ChessboardCorners corners;
        try {
            corners = detector.detect(image);
        } catch (CalibrationException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".corners", ".tmp");
        try {
            try (CsvWriter w = CsvWriter.create(tmp, "corner_index,col,row,u_px,v_px")) {
                double[] u = corners.u();
                double[] v = corners.v();
                for (int i = 0; i < u.length; i++) {
                    w.integer(i).integer(i % cols).integer(i / cols).fixed(u[i], 4).fixed(v[i], 4).endRow();
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Found %d x %d corners in %s; wrote %s%n", cols, rows, image, out);
        stdout.flush();
        return 0;
    }

    static ChessboardDetector detector(CommandSpec spec, int cols, int rows, String convention) {
        ChessboardDetector.PixelConvention c = switch (convention) {
            case "centre-at-integer" -> ChessboardDetector.PixelConvention.CENTRE_AT_INTEGER;
            case "corner-at-integer" -> ChessboardDetector.PixelConvention.CORNER_AT_INTEGER;
            default -> throw new ParameterException(spec.commandLine(), "--pixel-convention must be "
                    + "centre-at-integer or corner-at-integer, was '" + convention + "'");
        };
        try {
            return ChessboardDetector.of(cols, rows, c, 11);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
