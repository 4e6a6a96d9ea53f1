package dev.touchline.sensor.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchline.testdata.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The vendor converters on real vendor files: converted players must stand on the pitch. */
@Tag("realdata")
class VendorCoordinatesRealDataTest {
    private static final PitchDimensions PITCH = PitchDimensions.STANDARD;

    @Test
    void tracabCentimetresLandOnThePitch() throws IOException {
        // kloppy's TRACAB fixture: frame:team,id,jersey,x_cm,y_cm,speed;...:ball;  team 0/1 players, 3 referee,
        // 4 untracked (parked at 5550, 4400, outside the pitch on purpose)
        List<String> lines = Files.readAllLines(RealData.require("tracking/kloppy_tests/tracab_raw.dat"));
        int players = 0;
        double maxAbsX = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":");
            for (String row : parts[1].split(";")) {
                String[] f = row.split(",");
                int team = Integer.parseInt(f[0]);
                if (team != 0 && team != 1) {
                    continue;
                }
                double x = VendorCoordinates.tracabToX(Double.parseDouble(f[3]));
                double y = VendorCoordinates.tracabToY(Double.parseDouble(f[4]));
                assertTrue(PITCH.contains(x, y, 3.0), "TRACAB player at " + x + ", " + y + " m: " + row);
                maxAbsX = Math.max(maxAbsX, Math.abs(x));
                players++;
            }
        }
        assertTrue(players > 100, "player rows read: " + players);
        // the goalkeepers stand near their goal lines: positions span most of the length, so the unit is right
        assertTrue(maxAbsX > 40 && maxAbsX < 55, "largest |x| " + maxAbsX + " m");
    }

    @Test
    void metricaNormalisedLandsOnThePitchWithTheKeeperAtHisGoal() throws IOException {
        List<String> lines = Files.readAllLines(RealData.require("tracking/kloppy_tests/metrica_home.csv"));
        int points = 0;
        for (String line : lines.subList(3, lines.size())) {
            String[] f = line.split(",", -1);
            for (int c = 3; c + 1 < f.length; c += 2) {
                if (f[c].isEmpty() || f[c].equals("NaN") || f[c + 1].equals("NaN")) {
                    continue;
                }
                double x = VendorCoordinates.metricaToX(Double.parseDouble(f[c]), PITCH);
                double y = VendorCoordinates.metricaToY(Double.parseDouble(f[c + 1]), PITCH);
                assertTrue(PITCH.contains(x, y, 3.0), "Metrica point at " + x + ", " + y + " m");
                points++;
            }
        }
        assertTrue(points > 20, "points read: " + points);
        // frame 1, Player11 is the home goalkeeper at x = 0.00082 of the length: the left goal line
        String[] first = lines.get(3).split(",", -1);
        assertEquals(-PITCH.halfLength(), VendorCoordinates.metricaToX(Double.parseDouble(first[3]), PITCH), 0.1);
    }
}
