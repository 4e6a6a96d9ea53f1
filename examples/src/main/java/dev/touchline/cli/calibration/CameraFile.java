package dev.touchline.cli.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchline.calibration.Camera;
import dev.touchline.calibration.CameraDecomposition;
import dev.touchline.calibration.CameraModel;
import dev.touchline.calibration.Homography;
import dev.touchline.calibration.LensModel;
import dev.touchline.calibration.PitchProjection;
import dev.touchline.cli.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The camera JSON file: {@code format} "touchline-camera", {@code version} 1, {@code model}, then either
 * {@code projection_matrix} (12, row-major, pitch metres to ideal pixels) with {@code lens} (centre_px, scale_px,
 * coefficients k1, k2, k3, p1, p2, s1, s2, s3, s4), or {@code homography} (9, row-major) with
 * {@code front_point_m} (a ground point in front of the camera, which fixes the homography's sign). Everything else
 * (decomposition, fit and held-out figures) is a report for people and is not read back.
 */
final class CameraFile {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FORMAT = "touchline-camera";

    private CameraFile() {
    }

    static ObjectNode describe(Camera camera) {
        ObjectNode root = header(camera.model().name().toLowerCase(java.util.Locale.ROOT));
        array(root.putArray("projection_matrix"), camera.projectionMatrix());
        LensModel lens = camera.lens();
        ObjectNode l = root.putObject("lens");
        array(l.putArray("centre_px"), new double[] {lens.centreU(), lens.centreV()});
        l.put("scale_px", lens.scale());
        array(l.putArray("coefficients"), lens.coefficients());
        l.put("order", "k1,k2,k3,p1,p2,s1,s2,s3,s4");
        try {
            CameraDecomposition d = camera.decompose();
            ObjectNode dec = root.putObject("decomposition");
            dec.put("fx_px", d.fx());
            dec.put("fy_px", d.fy());
            dec.put("skew_px", d.skew());
            dec.put("cx_px", d.cx());
            dec.put("cy_px", d.cy());
            array(dec.putArray("camera_centre_m"), d.centreM());
            array(dec.putArray("rotation_world_to_camera"), d.rotation());
        } catch (IllegalArgumentException e) {
            root.put("decomposition", "unavailable: " + e.getMessage());
        }
        return root;
    }

    static ObjectNode describe(Homography homography, double frontX, double frontY) {
        ObjectNode root = header("homography");
        array(root.putArray("homography"), homography.matrix());
        array(root.putArray("front_point_m"), new double[] {frontX, frontY});
        return root;
    }

    private static ObjectNode header(String model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("model", model);
        return root;
    }

    static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            node.add(v);
        }
    }

    /** Writes through a temporary file and an atomic move, so a failure never leaves a partial camera file. */
    static void write(Path path, JsonNode root) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".camera", ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), root);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static PitchProjection read(Path path) throws BadInputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new BadInputException(path + ": not a readable JSON camera file: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            throw new BadInputException(path + ": not a " + FORMAT + " version 1 file");
        }
        String model = root.path("model").asText();
        try {
            if ("homography".equals(model)) {
                double[] front = numbers(path, root, "front_point_m", 2);
                return Homography.of(numbers(path, root, "homography", 9), front[0], front[1]);
            }
            CameraModel m = CameraModel.valueOf(model.toUpperCase(java.util.Locale.ROOT));
            JsonNode lens = root.path("lens");
            double[] centre = numbers(path, lens, "centre_px", 2);
            return Camera.of(m, numbers(path, root, "projection_matrix", 12),
                    LensModel.of(centre[0], centre[1], lens.path("scale_px").asDouble(Double.NaN),
                            numbers(path, lens, "coefficients", 9)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(path + ": invalid camera: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(Path path, JsonNode parent, String field, int count) throws BadInputException {
        JsonNode node = parent.path(field);
        if (!node.isArray() || node.size() != count) {
            throw new BadInputException(path + ": field " + field + " must be an array of " + count + " numbers");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            if (!node.get(i).isNumber()) {
                throw new BadInputException(path + ": field " + field + "[" + i + "] is not a number");
            }
            out[i] = node.get(i).asDouble();
        }
        return out;
    }
}
