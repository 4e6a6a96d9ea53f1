package dev.touchline.tracking.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-computed cases; every expected value is derived in the comments from TrackEval's definitions. */
class MotEvaluatorTest {
    private static final double TOL = 1e-12;

    private static void frame(MotEvaluator ev, int[] gtIds, double[] gtX, int[] trIds, double[] trX) {
        ev.addFrame(gtIds.length, gtIds, gtX, new double[gtIds.length], trIds.length, trIds, trX,
                new double[trIds.length]);
    }

    @Test
    void perfectTracksScoreOne() {
        MotEvaluator ev = new MotEvaluator();
        for (int f = 0; f < 10; f++) {
            frame(ev, new int[] {1, 2}, new double[] {0, 10 + 0.1 * f}, new int[] {7, 8},
                    new double[] {0, 10 + 0.1 * f});
        }
        MotResult r = ev.evaluate();
        assertEquals(20, r.truePositives());
        assertEquals(0, r.idSwitches());
        assertEquals(0, r.fragmentations());
        assertEquals(1.0, r.mota(), TOL);
        assertEquals(1.0, r.motp(), TOL);
        assertEquals(0.0, r.rmseMetres(), TOL);
        assertEquals(1.0, r.idf1(), TOL);
        assertEquals(1.0, r.hota(), TOL);
        assertEquals(1.0, r.detA(), TOL);
        assertEquals(1.0, r.assA(), TOL);
        assertEquals(1.0, r.locA(), TOL);
        assertEquals(2, r.mostlyTracked());
    }

    @Test
    void swapHalfWay() {
        // objects 10 m apart; tracks A(7) and B(8) swap objects after frame 4
        MotEvaluator ev = new MotEvaluator();
        for (int f = 0; f < 10; f++) {
            int[] tr = f < 5 ? new int[] {7, 8} : new int[] {8, 7};
            frame(ev, new int[] {1, 2}, new double[] {0, 10}, tr, new double[] {0, 10});
        }
        MotResult r = ev.evaluate();
        // two switches (one per object): MOTA = (20 − 0 − 2) / 20
        assertEquals(2, r.idSwitches());
        assertEquals(0.9, r.mota(), TOL);
        // each (object, track) pair co-occurs 5 times: IDTP = 10 of 20, IDF1 = 10 / (10 + 5 + 5)
        assertEquals(10, r.idTruePositives());
        assertEquals(0.5, r.idf1(), TOL);
        assertEquals(0.5, r.idp(), TOL);
        assertEquals(0.5, r.idr(), TOL);
        // every match has count 5 against 10 + 10 rows: Ass-IoU 5 / 15 = 1/3; DetA 1
        assertEquals(1.0, r.detA(), TOL);
        assertEquals(1.0 / 3, r.assA(), TOL);
        assertEquals(Math.sqrt(1.0 / 3), r.hota(), TOL);
        assertEquals(0, r.fragmentations());
    }

    @Test
    void fragmentedTrack() {
        // object 1 over 10 frames with track 7 in frames 0–3 and 6–9; object 2, 20 m away, tracked by 8 throughout
        MotEvaluator ev = new MotEvaluator();
        for (int f = 0; f < 10; f++) {
            boolean seen = f < 4 || f > 5;
            frame(ev, new int[] {1, 2}, new double[] {f, 20}, seen ? new int[] {7, 8} : new int[] {8},
                    seen ? new double[] {f, 20} : new double[] {20});
        }
        MotResult r = ev.evaluate();
        assertEquals(18, r.truePositives());
        assertEquals(2, r.falseNegatives());
        assertEquals(1, r.fragmentations());
        assertEquals(0, r.idSwitches());
        assertEquals(0.9, r.mota(), TOL);
        // IDTP 18, IDFN 2, IDFP 0: IDF1 = 18 / (18 + 1)
        assertEquals(18.0 / 19, r.idf1(), TOL);
        // DetA 18/20; Ass-IoU of (1, 7) = 8 / (10 + 8 − 8) = 0.8, of (2, 8) = 1: AssA = (8 · 0.8 + 10) / 18
        assertEquals(0.9, r.detA(), TOL);
        assertEquals(16.4 / 18, r.assA(), TOL);
        assertEquals(Math.sqrt(0.9 * 16.4 / 18), r.hota(), TOL);
    }

    @Test
    void gapFramesWithoutAnyTrackDoNotResetTheFragmentMemory() {
        // TrackEval skips a frame with no tracks before it resets "tracked in the previous frame": no Frag here
        MotEvaluator ev = new MotEvaluator();
        for (int f = 0; f < 10; f++) {
            boolean seen = f < 4 || f > 5;
            frame(ev, new int[] {1}, new double[] {f}, seen ? new int[] {7} : new int[0],
                    seen ? new double[] {f} : new double[0]);
        }
        MotResult r = ev.evaluate();
        assertEquals(8, r.truePositives());
        assertEquals(0, r.fragmentations());
        assertEquals(0.8, r.mota(), TOL);
    }

    @Test
    void falsePositiveTrack() {
        // object tracked perfectly by 7; a ghost track 9 five metres away in frames 0–4
        MotEvaluator ev = new MotEvaluator();
        for (int f = 0; f < 10; f++) {
            if (f < 5) {
                frame(ev, new int[] {1}, new double[] {0}, new int[] {7, 9}, new double[] {0, 5});
            } else {
                frame(ev, new int[] {1}, new double[] {0}, new int[] {7}, new double[] {0});
            }
        }
        MotResult r = ev.evaluate();
        assertEquals(5, r.falsePositives());
        assertEquals(0.5, r.mota(), TOL);
        // IDTP 10, IDFP 5: IDF1 = 10 / 12.5
        assertEquals(0.8, r.idf1(), TOL);
        assertEquals(10.0 / 15, r.idp(), TOL);
        assertEquals(1.0, r.idr(), TOL);
        // DetA = 10 / 15, AssA = 1
        assertEquals(10.0 / 15, r.detA(), TOL);
        assertEquals(1.0, r.assA(), TOL);
        assertEquals(Math.sqrt(10.0 / 15), r.hota(), TOL);
    }

    @Test
    void constantOffsetLocalisation() {
        // track 0.33 m from the object: sim = 1 − 0.33 / 2 = 0.835, a match for α = 0.05 … 0.80 (16 of 19)
        MotEvaluator ev = new MotEvaluator();
        for (int f = 0; f < 10; f++) {
            frame(ev, new int[] {1}, new double[] {0}, new int[] {7}, new double[] {0.33});
        }
        MotResult r = ev.evaluate();
        assertEquals(0.835, r.motp(), TOL);
        assertEquals(0.33, r.motpMetres(), TOL);
        assertEquals(0.33, r.rmseMetres(), TOL);
        assertEquals(16.0 / 19, r.hota(), TOL);
        assertEquals(16.0 / 19, r.detA(), TOL);
        // TrackEval counts LocA as 1 at an α without matches
        assertEquals((16 * 0.835 + 3) / 19, r.locA(), 1e-9);
        assertEquals(1.0, r.hotaPerAlpha()[15], TOL);
        assertEquals(0.0, r.hotaPerAlpha()[16], TOL);
    }

    @Test
    void continuingMatchWinsOverACloserNewTrack() {
        // object 1 tracked by 7 at 0.6 m; from frame 3 a new track 9 sits exactly on it: CLEAR keeps 7 (no IDSW)
        MotEvaluator ev = new MotEvaluator();
        for (int f = 0; f < 6; f++) {
            if (f < 3) {
                frame(ev, new int[] {1}, new double[] {0}, new int[] {7}, new double[] {0.6});
            } else {
                frame(ev, new int[] {1}, new double[] {0}, new int[] {7, 9}, new double[] {0.6, 0});
            }
        }
        MotResult r = ev.evaluate();
        assertEquals(0, r.idSwitches());
        assertEquals(6, r.truePositives());
        assertEquals(3, r.falsePositives());
    }

    @Test
    void rejectsDuplicateIdsInAFrame() {
        MotEvaluator ev = new MotEvaluator();
        assertThrows(IllegalArgumentException.class, () -> frame(ev, new int[] {1, 1}, new double[] {0, 1},
                new int[0], new double[0]));
    }
}
