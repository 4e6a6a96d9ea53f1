package dev.touchline.fusion.ahrs;

/**
 * Orientation error against an optical reference, as used in the BROAD benchmark (Laidig et al. 2021), computed
 * only on samples with {@code movement == 1} and a finite reference.
 *
 * <p>Inclination error: the angle between the earth vertical seen from the sensor by the estimate and by the
 * reference ({@link Quaternions#inclinationAngle}); it does not depend on heading, so no alignment of the two
 * earth frames is needed. Heading and total error: the two earth frames differ by an unknown rotation about the
 * vertical (magnetic north versus the camera system's axes); it is removed as the circular mean, over the used
 * samples, of the heading of {@code q_ref ⊗ q_est⁻¹}. Then total error = angle of
 * {@code q_ref ⊗ q_est'⁻¹} and heading error = |heading part| of it, {@code 2·atan2(|z|, |w|)} of that
 * quaternion's swing-twist twist about earth z.
 */
record OrientationErrors(double inclinationRmseDeg, double headingRmseDeg, double totalRmseDeg, int samples) {

    static OrientationErrors of(BroadTrial trial, double[][] estimate) {
        double sumSin = 0;
        double sumCos = 0;
        double[] d = new double[4];
        for (int i = 0; i < trial.n; i++) {
            if (!used(trial, i)) {
                continue;
            }
            double[] r = trial.ref[i];
            double[] e = estimate[i];
            Quaternions.multiply(r[0], r[1], r[2], r[3], e[0], -e[1], -e[2], -e[3], d);
            double yaw = 2 * Math.atan2(d[3], d[0]);
            sumSin += Math.sin(yaw);
            sumCos += Math.cos(yaw);
        }
        double offset = Math.atan2(sumSin, sumCos);
        double cw = Math.cos(offset / 2);
        double sz = Math.sin(offset / 2);
        double inc = 0;
        double head = 0;
        double tot = 0;
        int count = 0;
        double[] aligned = new double[4];
        for (int i = 0; i < trial.n; i++) {
            if (!used(trial, i)) {
                continue;
            }
            double[] r = trial.ref[i];
            double[] e = estimate[i];
            double a = Quaternions.inclinationAngle(e[0], e[1], e[2], e[3], r[0], r[1], r[2], r[3]);
            Quaternions.multiply(cw, 0, 0, sz, e[0], e[1], e[2], e[3], aligned);
            Quaternions.multiply(r[0], r[1], r[2], r[3], aligned[0], -aligned[1], -aligned[2], -aligned[3], d);
            double total = Quaternions.angle(d[0], d[1], d[2], d[3], 1, 0, 0, 0);
            double heading = 2 * Math.atan2(Math.abs(d[3]), Math.abs(d[0]));
            inc += a * a;
            head += heading * heading;
            tot += total * total;
            count++;
        }
        return new OrientationErrors(Math.toDegrees(Math.sqrt(inc / count)), Math.toDegrees(Math.sqrt(head / count)),
                Math.toDegrees(Math.sqrt(tot / count)), count);
    }

    private static boolean used(BroadTrial trial, int i) {
        double[] r = trial.ref[i];
        return trial.movement[i] && Double.isFinite(r[0]) && Double.isFinite(r[1]) && Double.isFinite(r[2])
                && Double.isFinite(r[3]);
    }

    /** Runs a filter over a trial, initialised from the first sample, and returns one quaternion per sample. */
    static double[][] run(BroadTrial trial, OrientationFilter filter, boolean magnetometer) {
        double[][] out = new double[trial.n][4];
        if (magnetometer) {
            filter.initialise(trial.acc[0][0], trial.acc[0][1], trial.acc[0][2], trial.mag[0][0], trial.mag[0][1],
                    trial.mag[0][2]);
        } else {
            filter.initialise(trial.acc[0][0], trial.acc[0][1], trial.acc[0][2]);
        }
        filter.quaternion(out[0], 0);
        for (int i = 1; i < trial.n; i++) {
            double dt = trial.t[i] - trial.t[i - 1];
            double[] g = trial.gyr[i];
            double[] a = trial.acc[i];
            if (magnetometer) {
                double[] m = trial.mag[i];
                filter.update(g[0], g[1], g[2], a[0], a[1], a[2], m[0], m[1], m[2], dt);
            } else {
                filter.update(g[0], g[1], g[2], a[0], a[1], a[2], dt);
            }
            filter.quaternion(out[i], 0);
        }
        return out;
    }
}
