package dev.touchline.reid;

import dev.touchline.sensor.simulation.KitColour;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed's fixed jersey-colour rule: a player whose shirt is dark (its HSV value at most
 * {@code darkKitMaxShirtValue}, default 0.5) may only be matched by a torso of value {@code V <= 0.80}; a player
 * whose shirt is bright may only be matched by a torso of saturation {@code S >= 0.55}. It knows nothing of hue:
 * a navy torso (S about 0.64) passes the bright rule of a yellow kit, which is why {@link LearnedKitModel} exists.
 * A query without a torso colour, or a player without a kit, passes.
 */
public final class FixedKitRule implements ConsistencyCheck {
    private final RosterIndex roster;
    private final double darkKitMaxShirtValue;
    private final double darkMaxValue;
    private final double brightMinSaturation;

    /** The seed's thresholds: V <= 0.80 for dark kits, S >= 0.55 for bright ones, kits with V <= 0.5 dark. */
    public FixedKitRule(RosterIndex roster) {
        this(roster, 0.5, 0.80, 0.55);
    }

    /**
     * A rule with explicit thresholds, all in [0, 1].
     *
     * @param darkKitMaxShirtValue a kit whose shirt HSV value is at most this is dark
     * @param darkMaxValue the largest torso value accepted for a dark kit
     * @param brightMinSaturation the smallest torso saturation accepted for a bright kit
     */
    public FixedKitRule(RosterIndex roster, double darkKitMaxShirtValue, double darkMaxValue,
                        double brightMinSaturation) {
        this.roster = Objects.requireNonNull(roster, "roster");
        this.darkKitMaxShirtValue = unit("darkKitMaxShirtValue", darkKitMaxShirtValue);
        this.darkMaxValue = unit("darkMaxValue", darkMaxValue);
        this.brightMinSaturation = unit("brightMinSaturation", brightMinSaturation);
    }

    private static double unit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + v);
        }
        return v;
    }

    /** Whether a kit counts as dark. */
    public boolean isDark(KitColour kit) {
        float[] hsv = new float[3];
        Hsv.fromRgb(kit.shirtRgb(), hsv);
        return hsv[2] <= darkKitMaxShirtValue;
    }

    @Override
    public boolean admissible(QueryFrame frame, int query, int playerId) {
        if (!frame.hasColour(query)) {
            return true;
        }
        Optional<KitColour> kit = roster.kit(playerId);
        if (kit.isEmpty()) {
            return true;
        }
        return isDark(kit.get()) ? frame.value(query) <= darkMaxValue
                : frame.saturation(query) >= brightMinSaturation;
    }
}
