package dev.touchline.cli.demo.pipeline;

import java.util.List;

/**
 * Data for the pitch pictures, in CDF pitch metres.
 *
 * @param lengthMetres pitch length
 * @param widthMetres pitch width
 * @param heatCellMetres side of a heat-map cell
 * @param heatTeam whose positions the heat map counts, e.g. {@code home}
 * @param heatSeconds seconds spent in each cell, row-major over y then x, first cell at (−length/2, −width/2)
 * @param heatColumns cells along x
 * @param heatRows cells along y
 * @param trajectories a short stretch of every player's path
 * @param trajectorySeconds how long that stretch is
 */
public record PitchPictures(double lengthMetres, double widthMetres, double heatCellMetres, String heatTeam,
                            double[] heatSeconds, int heatColumns, int heatRows, List<Trajectory> trajectories,
                            double trajectorySeconds) {
    /** Copies the data. */
    public PitchPictures {
        heatSeconds = heatSeconds.clone();
        trajectories = List.copyOf(trajectories);
    }

    @Override
    public double[] heatSeconds() {
        return heatSeconds.clone();
    }

    /**
     * One path.
     *
     * @param label the player's label
     * @param team the player's team code
     * @param x pitch x, m
     * @param y pitch y, m
     */
    public record Trajectory(String label, String team, double[] x, double[] y) {
        /** Copies the arrays. */
        public Trajectory {
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }
}
