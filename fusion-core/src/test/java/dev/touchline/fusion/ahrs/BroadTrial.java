package dev.touchline.fusion.ahrs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** One BROAD trial read from its CSV conversion (columns found by header name), for tests. */
final class BroadTrial {
    final int n;
    final double[] t;
    final double[][] gyr; // rad/s
    final double[][] acc; // m/s²
    final double[][] mag; // µT
    final double[][] ref; // w, x, y, z (NaN where untracked)
    final boolean[] movement;

    private BroadTrial(List<double[]> rows, int[] col) {
        n = rows.size();
        t = new double[n];
        gyr = new double[n][3];
        acc = new double[n][3];
        mag = new double[n][3];
        ref = new double[n][4];
        movement = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            t[i] = r[col[0]];
            for (int k = 0; k < 3; k++) {
                gyr[i][k] = r[col[1 + k]];
                acc[i][k] = r[col[4 + k]];
                mag[i][k] = r[col[7 + k]];
            }
            for (int k = 0; k < 4; k++) {
                ref[i][k] = r[col[10 + k]];
            }
            movement[i] = r[col[14]] == 1;
        }
    }

    static BroadTrial read(Path path) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            String[] names = {"time_s", "gyr_x_rad_s", "gyr_y_rad_s", "gyr_z_rad_s", "acc_x_m_s2", "acc_y_m_s2",
                "acc_z_m_s2", "mag_x_uT", "mag_y_uT", "mag_z_uT", "ref_qw", "ref_qx", "ref_qy", "ref_qz",
                "movement"};
            int[] col = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                col[k] = header.indexOf(names[k]);
                if (col[k] < 0) {
                    throw new IOException(path + ": no column " + names[k] + " in " + header);
                }
            }
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                double[] r = new double[f.length];
                for (int k = 0; k < f.length; k++) {
                    r[k] = f[k].equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(f[k]);
                }
                rows.add(r);
            }
            return new BroadTrial(rows, col);
        }
    }
}
