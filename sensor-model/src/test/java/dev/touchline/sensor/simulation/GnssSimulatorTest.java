package dev.touchline.sensor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.sensor.GpsTrack;
import dev.touchline.sensor.pitch.LocalTangentPlane;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated GNSS receiver. The whole-match tests use seed 20260815 and measure each fix against the true
 * position at its time; the moving-player tests use seed 77 with a hand-made circular run.
 */
class GnssSimulatorTest {
    private static final long SEED = 20260815L;
    private static final long SLOT = GnssConfig.FIX_INTERVAL_MICROS;

    private static SimulationConfig config;
    private static List<GpsTrack> tracks;
    private static List<double[][]> errors;

    @BeforeAll
    static void simulateTenMinutes() {
        config = tenMinutes(SEED, Duration.ofSeconds(1));
        tracks = GnssTestSupport.runMatch(config);
        errors = GnssTestSupport.errorsAgainstTruth(config);
    }

    private static SimulationConfig tenMinutes(long seed, Duration chunk) {
        return SimulationConfig.builder().seed(seed).signals(EnumSet.of(Signal.GNSS))
                .matchDuration(Duration.ofMinutes(10)).chunkDuration(chunk).build();
    }

    @Test
    void fixesSitOnTheTenHertzGridInsideThePeriods() {
        for (int o = 0; o < config.players(); o++) {
            GpsTrack t = tracks.get(o);
            assertTrue(t.length() > 5900, "player " + o + " has " + t.length() + " fixes");
            for (int i = 0; i < t.length(); i++) {
                long time = t.timeMicros(i);
                assertEquals(0, time % SLOT, "fix time " + time);
                boolean inPeriod = time >= config.periodStartMicros(1) && time < config.periodEndMicros(1)
                        || time >= config.periodStartMicros(2) && time < config.periodEndMicros(2);
                assertTrue(inPeriod, "fix at " + time + " outside both periods");
                if (i > 0) {
                    assertTrue(time > t.timeMicros(i - 1));
                }
            }
        }
        for (int o = config.players(); o < tracks.size(); o++) {
            assertTrue(tracks.get(o).isEmpty(), "officials carry no GNSS");
        }
    }

    @Test
    void offsetHasAboutOneMetreStandardDeviation() {
        double sumX = 0;
        double sumY = 0;
        long n = 0;
        for (int o = 0; o < config.players(); o++) {
            double[][] e = errors.get(o);
            for (int i = 0; i < e[0].length; i++) {
                sumX += e[0][i] * e[0][i];
                sumY += e[1][i] * e[1][i];
                n++;
            }
        }
        double sdX = Math.sqrt(sumX / n);
        double sdY = Math.sqrt(sumY / n);
        // 22 players × 10 min is about 50 correlation times per axis: the estimate is good to roughly ±15 %.
        assertTrue(sdX > 0.7 && sdX < 1.3, "offset sd x = " + sdX + " m");
        assertTrue(sdY > 0.7 && sdY < 1.3, "offset sd y = " + sdY + " m");
    }

    @Test
    void fixToFixStepErrorSpreadIsFiveToTenCentimetres() {
        // the step error is the change of the fix error between consecutive fixes: the noise a codec sees on top
        // of the player's own motion
        double sum = 0;
        long n = 0;
        for (int o = 0; o < config.players(); o++) {
            double[][] e = errors.get(o);
            for (int i = 1; i < e[0].length; i++) {
                if (e[2][i] - e[2][i - 1] != SLOT) {
                    continue;
                }
                sum += sq(e[0][i] - e[0][i - 1]) + sq(e[1][i] - e[1][i - 1]);
                n += 2;
            }
        }
        double spread = Math.sqrt(sum / n);
        assertTrue(spread >= 0.05 && spread <= 0.10, "step error sd per axis = " + spread + " m");
        assertEquals(config.gnss().expectedStepErrorSigmaMetres(), spread, 0.01);
    }

    @Test
    void dropoutsLoseExactlyTwoFixesAtTheConfiguredRate() {
        int dropouts = 0;
        for (int o = 0; o < config.players(); o++) {
            GpsTrack t = tracks.get(o);
            for (int i = 1; i < t.length(); i++) {
                long gap = t.timeMicros(i) - t.timeMicros(i - 1);
                boolean halfTime = t.timeMicros(i - 1) < config.periodEndMicros(1)
                        && t.timeMicros(i) >= config.periodStartMicros(2);
                if (gap != SLOT && !halfTime) {
                    assertEquals((GnssConfig.DROPOUT_FIXES + 1) * SLOT, gap, "gap before fix " + i);
                    dropouts++;
                }
            }
        }
        double hours = config.players() * config.matchDurationMicros() / 3.6e9;
        double expected = config.gnss().dropoutsPerHour() * hours;
        // Poisson with mean 88: ±4 standard deviations.
        assertTrue(Math.abs(dropouts - expected) < 4 * Math.sqrt(expected),
                "dropouts " + dropouts + ", expected " + expected);
    }

    @Test
    void positionsAndSpeedsAreQuantisedLikeTheExport() {
        for (int o = 0; o < config.players(); o++) {
            GpsTrack t = tracks.get(o);
            for (int i = 0; i < t.length(); i++) {
                double lat = t.latDeg(i) * 6e6;
                double lon = t.lonDeg(i) * 6e6;
                assertEquals(Math.rint(lat), lat, 1e-6, "latitude " + t.latDeg(i));
                assertEquals(Math.rint(lon), lon, 1e-6, "longitude " + t.lonDeg(i));
                double s = t.speedMetresPerSecond(i) * 100.0;
                assertEquals(Math.rint(s), s, 1e-3, "speed " + t.speedMetresPerSecond(i));
                assertTrue(t.speedMetresPerSecond(i) >= 0);
            }
        }
    }

    @Test
    void sameSeedSameFixesOtherSeedOtherFixes() {
        assertEquals(tracks, GnssTestSupport.runMatch(config));
        assertNotEquals(tracks.get(0), GnssTestSupport.runMatch(tenMinutes(SEED + 1, Duration.ofSeconds(1))).get(0));
    }

    @Test
    void chunkLengthDoesNotChangeAnyFix() {
        assertEquals(tracks, GnssTestSupport.runMatch(tenMinutes(SEED, Duration.ofSeconds(5))));
        // 1.04 s chunks shorten the match to 576 chunks (599.04 s), which moves half time: compare the fixes of
        // period 1 that both runs share, stopping one slot before the earlier period end (a dropout may not
        // start on the last slot of a period).
        SimulationConfig odd = tenMinutes(SEED, Duration.ofMillis(1040));
        List<GpsTrack> oddTracks = GnssTestSupport.runMatch(odd);
        long limit = Math.min(odd.periodEndMicros(1), config.periodEndMicros(1)) - SLOT;
        for (int o = 0; o < config.players(); o++) {
            assertEquals(prefix(tracks.get(o), limit), prefix(oddTracks.get(o), limit), "player " + o);
        }
    }

    @Test
    void movingPlayerFixesTrackTheTruthWithTheConfiguredErrors() {
        SimulationConfig cfg = SimulationConfig.builder().seed(77).signals(EnumSet.of(Signal.GNSS)).players(2)
                .matchDuration(Duration.ofMinutes(40)).build();
        GnssTestSupport.Circle circle = new GnssTestSupport.Circle(20, 5.0);
        GpsTrack track = circle.run(cfg, 25);
        LocalTangentPlane plane = LocalTangentPlane.of(cfg.stadium());
        double[] p = new double[3];
        double[] prev = new double[2];
        long start = cfg.periodStartMicros(1);
        double sumOffset = 0;
        double sumStep = 0;
        double sumSpeed = 0;
        double sumSpeedSq = 0;
        long steps = 0;
        int n = track.length();
        for (int i = 0; i < n; i++) {
            double s = (track.timeMicros(i) - start) / 1e6;
            plane.toPitch(track.latDeg(i), track.lonDeg(i), 0, p);
            double ex = p[0] - circle.x(s);
            double ey = p[1] - circle.y(s);
            sumOffset += ex * ex + ey * ey;
            if (i > 0 && track.timeMicros(i) - track.timeMicros(i - 1) == SLOT) {
                sumStep += sq(ex - prev[0]) + sq(ey - prev[1]);
                steps += 2;
            }
            prev[0] = ex;
            prev[1] = ey;
            double speedError = track.speedMetresPerSecond(i) - 5.0;
            sumSpeed += speedError;
            sumSpeedSq += speedError * speedError;
        }
        double offsetSd = Math.sqrt(sumOffset / (2.0 * n));
        double stepSd = Math.sqrt(sumStep / steps);
        double speedBias = sumSpeed / n;
        double speedSd = Math.sqrt(sumSpeedSq / n - speedBias * speedBias);
        // One player over 20 min is only 10 correlation times per axis: wide bounds for the offset.
        assertTrue(offsetSd > 0.4 && offsetSd < 1.8, "offset sd " + offsetSd);
        assertTrue(stepSd >= 0.05 && stepSd <= 0.10, "step error sd " + stepSd);
        assertEquals(0.0, speedBias, 0.005, "speed bias");
        assertEquals(0.05, speedSd, 0.005, "speed noise sd");
    }

    @Test
    void movingPlayerOutputIgnoresArbitraryChunkBoundaries() {
        SimulationConfig cfg = SimulationConfig.builder().seed(77).signals(EnumSet.of(Signal.GNSS)).players(2)
                .matchDuration(Duration.ofMinutes(10)).build();
        GnssTestSupport.Circle circle = new GnssTestSupport.Circle(15, 7.0);
        GpsTrack oneSecond = circle.run(cfg, 25);
        assertEquals(oneSecond, circle.run(cfg, 26));
        assertEquals(oneSecond, circle.run(cfg, 1, 2, 3, 125, 7));
        assertEquals(oneSecond, circle.run(cfg, 1));
    }

    @Test
    void offsetDecorrelatesOverItsCorrelationTimeAndAcrossLongGaps() {
        // Seed 5: 100 h of 1 s steps with τ = 10 s, σ = 2 m.
        GnssErrorState state = new GnssErrorState(2.0, 10_000_000L);
        SplittableRandom random = new SplittableRandom(5);
        int n = 360_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            state.advance(i * 1_000_000L, random);
            x[i] = state.offsetX();
        }
        double var = 0;
        double lagged = 0;
        for (int i = 0; i < n; i++) {
            var += x[i] * x[i];
            if (i >= 10) {
                lagged += x[i] * x[i - 10];
            }
        }
        assertEquals(4.0, var / n, 0.15, "stationary variance");
        assertEquals(Math.exp(-1), lagged / var, 0.03, "autocorrelation at lag τ");
        assertEquals(0.0, correlationAcrossGap(100_000_000L, random), 0.05, "after a gap of 10 τ");
        assertEquals(Math.exp(-0.1), correlationAcrossGap(1_000_000L, random), 0.02, "after a gap of τ/10");
    }

    /** Correlation of the offset before and after one step of {@code gapMicros}, over 4000 fresh states. */
    private static double correlationAcrossGap(long gapMicros, SplittableRandom random) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < 4000; k++) {
            GnssErrorState s = new GnssErrorState(2.0, 10_000_000L);
            s.advance(0, random);
            double before = s.offsetY();
            s.advance(gapMicros, random);
            double after = s.offsetY();
            sxy += before * after;
            sxx += before * before;
            syy += after * after;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void zeroDropoutRateLosesNoFix() {
        SimulationConfig cfg = SimulationConfig.builder().seed(3).signals(EnumSet.of(Signal.GNSS)).players(2)
                .matchDuration(Duration.ofMinutes(4)).gnss(GnssConfig.builder().dropoutsPerHour(0).build()).build();
        for (GpsTrack t : GnssTestSupport.runMatch(cfg).subList(0, 2)) {
            assertEquals(cfg.matchDurationMicros() / SLOT, t.length());
        }
    }

    @Test
    void builderRejectsOutOfRangeValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GnssConfig.builder().offsetSigmaMetres(-1));
        assertTrue(e.getMessage().contains("offsetSigmaMetres") && e.getMessage().contains("-1.0")
                && e.getMessage().contains("[0.0, 50.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GnssConfig.builder().whiteNoiseSigmaMetres(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GnssConfig.builder().resolutionDeg(0.01));
        assertThrows(IllegalArgumentException.class, () -> GnssConfig.builder().dropoutsPerHour(-0.5));
        e = assertThrows(IllegalArgumentException.class,
                () -> GnssConfig.builder().correlationTime(Duration.ofMillis(10)));
        assertTrue(e.getMessage().contains("correlationTime"), e.getMessage());
        assertEquals(GnssConfig.defaults(), GnssConfig.builder().build());
        assertEquals(GnssConfig.STATSPORTS_RESOLUTION_DEG, GnssConfig.defaults().resolutionDeg());
    }

    private static GpsTrack prefix(GpsTrack t, long beforeMicros) {
        int n = 0;
        while (n < t.length() && t.timeMicros(n) < beforeMicros) {
            n++;
        }
        return t.slice(0, n);
    }

    private static double sq(double v) {
        return v * v;
    }
}
