package dev.touchline.codec.gps;

import dev.touchline.sensor.GpsTrack;
import java.util.Random;

/**
 * Random tracks that exercise every escape: stationary runs, jitter, running, time gaps, equal time stamps,
 * position jumps, both hemispheres, the poles' neighbourhood and antimeridian crossings, unknown speed.
 */
final class Tracks {
    private Tracks() {
    }

    static GpsTrack random(long seed, int maxFixes) {
        Random r = new Random(seed);
        int n = r.nextInt(maxFixes + 1);
        GpsTrack.Builder b = GpsTrack.builder();
        long t = (r.nextBoolean() ? 1_700_000_000_000_000L : -5_000_000_000L) + r.nextInt(1_000_000);
        double lat = r.nextBoolean() ? -89.9 + 179.8 * r.nextDouble() : (r.nextBoolean() ? 51.5 : -33.9);
        double lon = r.nextInt(4) == 0 ? 179.9995 : -180 + 360 * r.nextDouble();
        double vLat = 0;
        double vLon = 0;
        float speed = 0;
        int segment = 0;
        int kind = 0;
        for (int i = 0; i < n; i++) {
            if (segment-- <= 0) {
                segment = 1 + r.nextInt(200);
                kind = r.nextInt(6);
                vLat = (r.nextDouble() - 0.5) * 1e-4;
                vLon = (r.nextDouble() - 0.5) * 1e-4;
            }
            long step = switch (r.nextInt(20)) {
                case 0 -> 0;
                case 1 -> 200_000 + r.nextInt(500_000);
                case 2 -> r.nextInt(10) == 0 ? 1_019_000_000L : 40_000_000;
                default -> 100_000 + r.nextInt(3) - 1;
            };
            t += step;
            switch (kind) {
                case 0 -> { } // stationary
                case 1 -> {
                    lat += (r.nextGaussian()) * 2e-6;
                    lon += (r.nextGaussian()) * 2e-6;
                }
                case 2, 3 -> {
                    lat += vLat + r.nextGaussian() * 1e-6;
                    lon += vLon + r.nextGaussian() * 1e-6;
                }
                case 4 -> {
                    if (r.nextInt(50) == 0) {
                        lat += (r.nextDouble() - 0.5) * 2;
                        lon += (r.nextDouble() - 0.5) * 2;
                    }
                }
                default -> lon += 0.0004; // heads east across the antimeridian where it starts near it
            }
            lat = Math.max(-90, Math.min(90, lat));
            if (lon > 180) {
                lon -= 360;
            } else if (lon < -180) {
                lon += 360;
            }
            speed = r.nextInt(30) == 0 ? Float.NaN
                    : Math.max(0f, (Float.isNaN(speed) ? 0f : speed) + (float) r.nextGaussian() * 0.3f);
            if (r.nextInt(500) == 0) {
                speed = 400f;
            }
            b.add(t, lat, lon, speed);
        }
        return b.build();
    }

    /**
     * A steady 10 Hz runner unlike the simulator's players: speed drifting between 0 and 7 m/s, heading turning
     * slowly, position jitter of about 0.1 m, and a fix dropped about every eighth step (as the Catapult set does).
     */
    static GpsTrack steadyRunner(long seed, int n) {
        Random r = new Random(seed);
        GpsTrack.Builder b = GpsTrack.builder();
        long t = 1_750_000_000_000_000L;
        double lat = 53.4631;
        double lon = -2.2913;
        double speed = 3;
        double heading = 0;
        for (int i = 0; i < n; i++) {
            t += r.nextInt(8) == 0 ? 200_000 : 100_000 + r.nextInt(3) * 1000 - 1000;
            speed = Math.max(0, Math.min(7, speed + r.nextGaussian() * 0.2));
            heading += r.nextGaussian() * 0.05;
            lat += speed * 0.1 * Math.cos(heading) / 111_320.0 + r.nextGaussian() * 1e-6;
            lon += speed * 0.1 * Math.sin(heading) / 66_000.0 + r.nextGaussian() * 1e-6;
            b.add(t, lat, lon, (float) speed);
        }
        return b.build();
    }
}
