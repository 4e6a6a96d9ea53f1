package dev.touchline.sensor.power;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A battery and the components it feeds: the average current they draw together and how long the battery lasts.
 * Immutable; built with {@link #builder()}.
 *
 * <p>Run time is the battery's usable charge divided by the summed average current. That is the usual first-order
 * estimate: it ignores the rise of a cell's internal losses with peak current and the capacity lost at low
 * temperature, which a battery's usable fraction can absorb.
 */
public final class PowerBudget {
    private static final double NANOS_PER_HOUR = 3.6e12;

    private final Battery battery;
    private final List<Component> components;
    private final double averageMilliamps;

    private PowerBudget(Battery battery, List<Component> components) {
        this.battery = battery;
        this.components = List.copyOf(components);
        double sum = 0;
        for (Component c : this.components) {
            sum += c.averageMilliamps();
        }
        this.averageMilliamps = sum;
    }

    /** A builder with no battery and no components. */
    public static Builder builder() {
        return new Builder();
    }

    /** The battery. */
    public Battery battery() {
        return battery;
    }

    /** The components, in the order they were added. */
    public List<Component> components() {
        return components;
    }

    /** Sum of the components' average currents, mA. */
    public double averageMilliamps() {
        return averageMilliamps;
    }

    /** Run time in hours: usable mAh ÷ average mA. */
    public double runTimeHours() {
        return battery.usableMilliampHours() / averageMilliamps;
    }

    /** Run time, rounded to the nearest nanosecond. */
    public Duration runTime() {
        return Duration.ofNanos(Math.round(runTimeHours() * NANOS_PER_HOUR));
    }

    /** Each component's average current and its share of the total, in the order they were added. */
    public List<Share> breakdown() {
        List<Share> shares = new ArrayList<>(components.size());
        for (Component c : components) {
            shares.add(new Share(c.name(), c.averageMilliamps(), c.averageMilliamps() / averageMilliamps));
        }
        return List.copyOf(shares);
    }

    @Override
    public String toString() {
        return "PowerBudget[" + battery + ", " + components.size() + " components, " + averageMilliamps + " mA, "
                + runTime() + "]";
    }

    /**
     * One line of a {@link #breakdown()}.
     *
     * @param name component name
     * @param averageMilliamps its average current, mA
     * @param fraction its share of the budget's total current, in [0, 1]
     */
    public record Share(String name, double averageMilliamps, double fraction) {
    }

    /** Builds {@link PowerBudget}; needs a battery and components drawing more than 0 mA together. */
    public static final class Builder {
        private Battery battery = Battery.of(1);
        private boolean batterySet;
        private final List<Component> components = new ArrayList<>();

        private Builder() {
        }

        /** The battery. */
        public Builder battery(Battery battery) {
            this.battery = Objects.requireNonNull(battery, "battery");
            this.batterySet = true;
            return this;
        }

        /** Adds a component. */
        public Builder add(Component component) {
            components.add(Objects.requireNonNull(component, "component"));
            return this;
        }

        /** Adds components. */
        public Builder addAll(List<Component> more) {
            for (Component c : more) {
                add(c);
            }
            return this;
        }

        /**
         * The budget.
         *
         * @throws IllegalStateException without a battery, or when the components draw 0 mA together (the run
         *     time would be unbounded)
         */
        public PowerBudget build() {
            if (!batterySet) {
                throw new IllegalStateException("battery is not set");
            }
            PowerBudget budget = new PowerBudget(battery, components);
            if (!(budget.averageMilliamps() > 0)) {
                throw new IllegalStateException("components draw " + budget.averageMilliamps()
                        + " mA together, expected > 0 mA (" + components.size() + " components)");
            }
            return budget;
        }
    }
}
