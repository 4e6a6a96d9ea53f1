package dev.touchline.fusion.ahrs;

/** Holds the quaternion and the scratch arrays shared by the filters, so updates allocate nothing. */
abstract class AbstractOrientationFilter implements OrientationFilter {
    double w = 1;
    double x;
    double y;
    double z;
    final double[] scratch = new double[4];
    final double[] scratch3 = new double[3];

    @Override
    public void setOrientation(double w, double x, double y, double z) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("quaternion must be finite and non-zero, got " + w + ", " + x + ", "
                    + y + ", " + z);
        }
        this.w = w / n;
        this.x = x / n;
        this.y = y / n;
        this.z = z / n;
    }

    /** The filter-specific state values (empty by default). */
    double[] extraState() {
        return new double[0];
    }

    /** Sets the filter-specific state values; the length has been checked. */
    void restoreExtra(double[] extra) {
    }

    @Override
    public final OrientationState snapshot() {
        return new OrientationState(w, x, y, z, extraState());
    }

    @Override
    public final void restore(OrientationState state) {
        double[] extra = state.extra();
        if (extra.length != extraState().length) {
            throw new IllegalArgumentException("state has " + extra.length + " extra values, "
                    + getClass().getSimpleName() + " needs " + extraState().length);
        }
        setOrientation(state.w(), state.x(), state.y(), state.z());
        restoreExtra(extra);
    }

    @Override
    public double qw() {
        return w;
    }

    @Override
    public double qx() {
        return x;
    }

    @Override
    public double qy() {
        return y;
    }

    @Override
    public double qz() {
        return z;
    }

    static void checkDt(double dtSeconds) {
        if (!(dtSeconds > 0) || !Double.isFinite(dtSeconds)) {
            throw new IllegalArgumentException("dtSeconds must be positive and finite, got " + dtSeconds);
        }
    }

    /** Integrates q̇ = ½ q ⊗ (0, ω) + (rate) over dt and renormalises. */
    final void integrate(double gx, double gy, double gz, double cw, double cx, double cy, double cz, double dt) {
        double dw = 0.5 * (-x * gx - y * gy - z * gz) + cw;
        double dx = 0.5 * (w * gx + y * gz - z * gy) + cx;
        double dy = 0.5 * (w * gy - x * gz + z * gx) + cy;
        double dz = 0.5 * (w * gz + x * gy - y * gx) + cz;
        double nw = w + dw * dt;
        double nx = x + dx * dt;
        double ny = y + dy * dt;
        double nz = z + dz * dt;
        double n = Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
        w = nw / n;
        x = nx / n;
        y = ny / n;
        z = nz / n;
    }
}
