package dev.touchline.cli.reid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchline.reid.EmbeddingGallery;
import dev.touchline.reid.MatchPolicy;
import dev.touchline.reid.Scoring;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * The optional {@code reid.json}: every key optional, unknown keys rejected.
 * <pre>{"capacity": 150, "insert_interval_s": 0.2, "scoring": "max" | "prototype", "prototype_alpha": 0.9,
 *  "accept": 0.68, "escalate_below": 0.55, "stature_tolerance_m": 0.04, "colour_tolerance": 0.25}</pre>
 */
record ReidConfig(int capacity, double insertIntervalSeconds, Scoring scoring, double prototypeAlpha,
                  double accept, double escalateBelow, double statureToleranceMetres, double colourTolerance) {
    static final ReidConfig DEFAULT = new ReidConfig(EmbeddingGallery.DEFAULT_CAPACITY, 0.2, Scoring.MAX,
            EmbeddingGallery.DEFAULT_PROTOTYPE_ALPHA, 0.68, 0.55, 0.04, 0.25);
    private static final Set<String> KEYS = Set.of("capacity", "insert_interval_s", "scoring", "prototype_alpha",
            "accept", "escalate_below", "stature_tolerance_m", "colour_tolerance");

    /** Reads a config file; IllegalArgumentException (a usage error) names the key and the problem. */
    static ReidConfig read(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(file + ": must hold a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown key '" + k + "' (known: " + KEYS + ")");
            }
        }
        ReidConfig d = DEFAULT;
        String scoring = n.has("scoring") ? n.get("scoring").asText() : "max";
        Scoring s = switch (scoring) {
            case "max" -> Scoring.MAX;
            case "prototype" -> Scoring.PROTOTYPE;
            default -> throw new IllegalArgumentException(file + ": scoring must be max or prototype, was '"
                    + scoring + "'");
        };
        ReidConfig c = new ReidConfig(
                (int) number(n, "capacity", d.capacity()),
                number(n, "insert_interval_s", d.insertIntervalSeconds()),
                s,
                number(n, "prototype_alpha", d.prototypeAlpha()),
                number(n, "accept", d.accept()),
                number(n, "escalate_below", d.escalateBelow()),
                number(n, "stature_tolerance_m", d.statureToleranceMetres()),
                number(n, "colour_tolerance", d.colourTolerance()));
        c.policy();
        c.gallery(1);
        if (!(c.statureToleranceMetres() > 0) || !(c.colourTolerance() > 0)) {
            throw new IllegalArgumentException(file + ": stature_tolerance_m and colour_tolerance must be > 0");
        }
        return c;
    }

    private static double number(JsonNode n, String key, double fallback) {
        JsonNode v = n.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(key + " must be a number, was " + v);
        }
        return v.asDouble();
    }

    MatchPolicy policy() {
        return new MatchPolicy(accept, escalateBelow, MatchPolicy.DEFAULT.nmsIou(),
                MatchPolicy.DEFAULT.nmsGroundDistanceMetres());
    }

    EmbeddingGallery gallery(int dimension) {
        return EmbeddingGallery.builder().dimension(dimension).capacity(capacity)
                .insertIntervalMicros(Math.round(insertIntervalSeconds * 1e6)).prototypeAlpha(prototypeAlpha)
                .scoring(scoring).build();
    }
}
