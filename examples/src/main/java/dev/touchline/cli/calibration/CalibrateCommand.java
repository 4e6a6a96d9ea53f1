package dev.touchline.cli.calibration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.calibration.AutoCalibration;
import dev.touchline.calibration.AutoCalibrator;
import dev.touchline.calibration.Calibration;
import dev.touchline.calibration.CalibrationException;
import dev.touchline.calibration.CameraModel;
import dev.touchline.calibration.CrossValidation;
import dev.touchline.calibration.DltCalibrator;
import dev.touchline.calibration.HeldOutError;
import dev.touchline.calibration.HomographyCalibration;
import dev.touchline.calibration.HomographyCalibrator;
import dev.touchline.calibration.Landmark;
import dev.touchline.cli.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code touchline calibrate}: fits a camera to surveyed landmarks and writes it as JSON. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits a venue camera to landmarks (CSV id,X_m,Y_m,Z_m,u_px,v_px) and writes camera.json.",
            "Quality is reported as leave-one-out ground error in metres, not only the fit residual in pixels.",
            "Models: dlt11; dlt16/dlt20 (DLT-11 plus 5/9 lens terms); homography (ground landmarks only; raised "
                    + "ones are ignored and listed); auto (square-pixel broadcast prior, releasing k1, k2, the "
                    + "principal point and the DLTs only where held-out error improves; needs the image size)."})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--landmarks", required = true, description = "Landmarks CSV: id,X_m,Y_m,Z_m,u_px,v_px.")
    private Path landmarksFile;

    @Option(names = "--model", required = true, description = "dlt11, dlt16, dlt20, homography or auto.")
    private String model;

    @Option(names = "--out", required = true, description = "Camera JSON to write (only on success).")
    private Path out;

    @Option(names = "--image-width", description = "Image width in pixels (required for auto; the lens centre "
            + "of dlt16/dlt20 when given with --image-height).")
    private double imageWidth;

    @Option(names = "--image-height", description = "Image height in pixels.")
    private double imageHeight;

    @Option(names = "--ransac-px", description = "dlt models: RANSAC against mis-clicked landmarks, the "
            + "reprojection distance in pixels beyond which a landmark is set aside; it must exceed what the lens "
            + "leaves under DLT-11 (about 20 px for a broadcast lens). 0 (default) = off.")
    private double ransacPx;

    @Option(names = "--huber-px", description = "dlt16/dlt20: Huber loss threshold of the refinement, pixels. "
            + "0 (default) = least squares.")
    private double huberPx;

    @Option(names = "--json", description = "Print the report as JSON on stdout.")
    private boolean json;

    @Override
    public Integer call() throws BadInputException, IOException {
        String chosen = model.toLowerCase(Locale.ROOT);
        if (!List.of("dlt11", "dlt16", "dlt20", "homography", "auto").contains(chosen)) {
            throw new ParameterException(spec.commandLine(), "--model must be dlt11, dlt16, dlt20, homography or "
                    + "auto, was '" + model + "'");
        }
        boolean hasSize = imageWidth > 0 && imageHeight > 0;
        if ((imageWidth != 0 || imageHeight != 0) && !hasSize) {
            throw new ParameterException(spec.commandLine(), "--image-width and --image-height must both be > 0, "
                    + "were " + imageWidth + " and " + imageHeight);
        }
        if (!(ransacPx >= 0 && ransacPx <= 1000) || !(huberPx >= 0 && huberPx <= 1000)) {
            throw new ParameterException(spec.commandLine(), "--ransac-px and --huber-px must be in [0, 1000], were "
                    + ransacPx + " and " + huberPx);
        }
        if ((ransacPx > 0 || huberPx > 0) && !chosen.startsWith("dlt")) {
            throw new ParameterException(spec.commandLine(), "--ransac-px and --huber-px apply to dlt11, dlt16 and "
                    + "dlt20, not " + chosen);
        }
        if ("auto".equals(chosen) && !hasSize) {
            throw new ParameterException(spec.commandLine(), "--model auto needs --image-width and --image-height");
        }
        List<Landmark> landmarks = readLandmarks(landmarksFile);
        ObjectNode report;
        try {
            report = switch (chosen) {
                case "homography" -> homography(landmarks);
                case "auto" -> auto(landmarks);
                default -> dlt(CameraModel.valueOf(chosen.toUpperCase(Locale.ROOT)), landmarks, hasSize);
            };
        } catch (CalibrationException e) {
            throw new BadInputException(landmarksFile + ": " + e.getMessage(), e);
        }
        report.put("landmarks_file", landmarksFile.toString());
        CameraFile.write(out, report);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(CameraFile.MAPPER.writeValueAsString(report));
        } else {
            stdout.printf(Locale.ROOT, "%s from %d landmarks: fit RMS %.3f px, held-out ground error median %.3f m "
                            + "(leave-one-out); wrote %s%n", report.get("model").asText(),
                    report.get("landmark_count").asInt(), report.get("fit_rms_px").asDouble(),
                    report.path("held_out").path("median_m").asDouble(), out);
        }
        stdout.flush();
        return 0;
    }

    private ObjectNode dlt(CameraModel m, List<Landmark> landmarks, boolean hasSize) throws CalibrationException {
        DltCalibrator.Builder builder = DltCalibrator.builder().model(m);
        if (hasSize) {
            builder.imageSize(imageWidth, imageHeight);
        }
        DltCalibrator plain = builder.build();
        Calibration fit = builder.ransacThresholdPx(ransacPx).huberThresholdPx(huberPx).build().calibrate(landmarks);
        ObjectNode report = CameraFile.describe(fit.camera());
        // Held out over the landmarks kept, without RANSAC: a rejected landmark's own error says nothing about the
        // camera, and each fold refits from the same consensus.
        List<Landmark> kept = new ArrayList<>();
        for (Landmark l : landmarks) {
            if (!fit.rejectedIds().contains(l.id())) {
                kept.add(l);
            }
        }
        summary(report, fit.landmarkCount(), fit.fitRmsPx(), CrossValidation.leaveOneOut(
                plain.toBuilder().huberThresholdPx(huberPx).build(), kept));
        strings(report.putArray("rejected_landmarks"), fit.rejectedIds());
        return report;
    }

    private ObjectNode homography(List<Landmark> landmarks) throws CalibrationException {
        List<Landmark> ground = new ArrayList<>();
        List<String> raised = new ArrayList<>();
        for (Landmark l : landmarks) {
            if (l.zM() == 0) {
                ground.add(l);
            } else {
                raised.add(l.id());
            }
        }
        HomographyCalibrator calibrator = HomographyCalibrator.builder().build();
        HomographyCalibration fit = calibrator.calibrate(ground);
        List<Landmark> inliers = new ArrayList<>();
        double fx = 0;
        double fy = 0;
        for (Landmark l : ground) {
            if (!fit.outlierIds().contains(l.id())) {
                inliers.add(l);
                fx += l.xM();
                fy += l.yM();
            }
        }
        ObjectNode report = CameraFile.describe(fit.homography(), fx / inliers.size(), fy / inliers.size());
        HomographyCalibrator relaxed = calibrator.toBuilder().landmarksPerParameter(0).ransacThresholdPx(0).build();
        HeldOutError heldOut = CrossValidation.kFold(l -> relaxed.calibrate(l).homography(), inliers,
                inliers.size(), 0);
        summary(report, ground.size(), fit.fitRmsPx(), heldOut);
        strings(report.putArray("outliers"), fit.outlierIds());
        strings(report.putArray("ignored_raised_landmarks"), raised);
        return report;
    }

    private ObjectNode auto(List<Landmark> landmarks) throws CalibrationException {
        AutoCalibration fit = AutoCalibrator.builder(imageWidth, imageHeight).build().calibrate(landmarks);
        ObjectNode report = CameraFile.describe(fit.camera());
        summary(report, landmarks.size(), fit.fitRmsPx(), fit.heldOut());
        ArrayNode candidates = report.putArray("candidates");
        for (AutoCalibration.Candidate c : fit.candidates()) {
            ObjectNode node = candidates.addObject();
            node.put("model", c.model().name().toLowerCase(Locale.ROOT));
            number(node, "fit_rms_px", c.fitRmsPx());
            number(node, "held_out_median_m", c.heldOutMedianM());
            node.put("note", c.note());
        }
        return report;
    }

    private static void summary(ObjectNode report, int count, double rms, HeldOutError heldOut) {
        report.put("landmark_count", count);
        number(report, "fit_rms_px", rms);
        ObjectNode h = report.putObject("held_out");
        h.put("method", "leave-one-out");
        h.put("what", "distance between each left-out landmark's surveyed position and its pixel projected onto "
                + "the plane at its height");
        number(h, "median_m", heldOut.medianM());
        number(h, "mean_m", heldOut.meanM());
        number(h, "max_m", heldOut.maxM());
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static void strings(ArrayNode node, List<String> values) {
        values.forEach(node::add);
    }

    static List<Landmark> readLandmarks(Path file) throws BadInputException {
        CsvTable table = CsvTable.read(file, "id", "X_m", "Y_m", "Z_m", "u_px", "v_px");
        List<Landmark> out = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            out.add(new Landmark(table.text(r, "id"), table.number(r, "X_m"), table.number(r, "Y_m"),
                    table.number(r, "Z_m"), table.number(r, "u_px"), table.number(r, "v_px")));
        }
        return out;
    }
}
