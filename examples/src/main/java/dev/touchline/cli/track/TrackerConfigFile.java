package dev.touchline.cli.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchline.cli.BadInputException;
import dev.touchline.tracking.FilterConfig;
import dev.touchline.tracking.GateMode;
import dev.touchline.tracking.TrackerConfig;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a tracker configuration from JSON: keys are the {@link TrackerConfig.Builder} setter names
 * ({@code "gateChiSquare": 30}, {@code "gateMode": "fixed"}, …) and {@code "filter"} holds
 * {@link FilterConfig.Builder} setters ({@code "accelerationNoise": 0.35}). Unknown keys and out-of-range values
 * are bad input.
 */
final class TrackerConfigFile {
    private TrackerConfigFile() {
    }

    static TrackerConfig read(Path path) throws BadInputException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new BadInputException(path + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(path + ": expected a JSON object");
        }
        TrackerConfig.Builder b = TrackerConfig.builder();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equals("filter")) {
                FilterConfig.Builder fb = FilterConfig.builder();
                for (Map.Entry<String, JsonNode> fe : e.getValue().properties()) {
                    set(path, fb, "filter." + fe.getKey(), fe.getKey(), fe.getValue());
                }
                b.filter(fb.build());
            } else if (!e.getKey().equals("pitch")) {
                set(path, b, e.getKey(), e.getKey(), e.getValue());
            } else {
                throw new BadInputException(path + ": key pitch is not configurable from JSON");
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(path + ": " + ex.getMessage(), ex);
        }
    }

    private static void set(Path path, Object builder, String where, String name, JsonNode value)
            throws BadInputException {
        for (Method m : builder.getClass().getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != 1 || m.getReturnType() != builder.getClass()) {
                continue;
            }
            Class<?> t = m.getParameterTypes()[0];
            Object arg;
            if (t == double.class && value.isNumber()) {
                arg = value.asDouble();
            } else if (t == int.class && value.canConvertToInt() && value.isIntegralNumber()) {
                arg = value.asInt();
            } else if (t == boolean.class && value.isBoolean()) {
                arg = value.asBoolean();
            } else if (t == GateMode.class && value.isTextual()) {
                try {
                    arg = GateMode.valueOf(value.asText().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw new BadInputException(path + ": " + where + " must be mahalanobis or fixed, was "
                            + value, ex);
                }
            } else {
                throw new BadInputException(path + ": " + where + " has the wrong type: " + value);
            }
            try {
                m.invoke(builder, arg);
                return;
            } catch (InvocationTargetException ex) {
                throw new BadInputException(path + ": " + ex.getCause().getMessage(), ex.getCause());
            } catch (IllegalAccessException ex) {
                throw new IllegalStateException(ex);
            }
        }
        throw new BadInputException(path + ": unknown key " + where);
    }
}
