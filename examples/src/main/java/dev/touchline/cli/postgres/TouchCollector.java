package dev.touchline.cli.postgres;

import dev.touchline.sensor.PlayerId;
import java.util.Arrays;

/**
 * Derives touches from per-frame positions and the ball, one frame at a time (rows of a frame arrive together):
 * the holder of a frame is the player nearest the ball within {@link SessionLoader#REACH_METRES} while the ball is
 * below {@link SessionLoader#BALL_GROUND_METRES}; a touch is a frame whose holder differs from the previous
 * frame's (a new spell on the ball), at the frame's time.
 */
final class TouchCollector {
    private final PlayerId[] players;
    /** Roster number to index into {@link #players}, -1 for officials and unknown numbers. */
    private final int[] indexOfNumber;
    long[] time = new long[256];
    int[] player = new int[256];
    private int length;
    private int currentFrame = Integer.MIN_VALUE;
    private long currentTime;
    private int nearest = -1;
    private double nearestDistance;
    private int previousHolder = -1;

    TouchCollector(SessionDirectory session) {
        int max = 0;
        int count = 0;
        for (SessionDirectory.Person p : session.roster) {
            max = Math.max(max, p.number());
            count += p.player() && p.number() >= 0 ? 1 : 0;
        }
        indexOfNumber = new int[max + 1];
        Arrays.fill(indexOfNumber, -1);
        players = new PlayerId[count];
        int k = 0;
        for (SessionDirectory.Person p : session.roster) {
            if (p.player() && p.number() >= 0) {
                indexOfNumber[p.number()] = k;
                players[k++] = p.id();
            }
        }
    }

    /** One object's position at a frame with the ball's position (metres). */
    void offer(int frame, long timeMicros, int number, double x, double y, double ballX, double ballY, double ballZ) {
        if (frame != currentFrame) {
            closeFrame();
            currentFrame = frame;
            currentTime = timeMicros;
            nearest = -1;
        }
        if (number < 0 || number >= indexOfNumber.length || indexOfNumber[number] < 0
                || !(ballZ < SessionLoader.BALL_GROUND_METRES)) {
            return;
        }
        double d = Math.hypot(x - ballX, y - ballY);
        if (d <= SessionLoader.REACH_METRES && (nearest < 0 || d < nearestDistance)) {
            nearest = indexOfNumber[number];
            nearestDistance = d;
        }
    }

    void finish() {
        closeFrame();
        currentFrame = Integer.MIN_VALUE;
    }

    private void closeFrame() {
        if (currentFrame == Integer.MIN_VALUE) {
            return;
        }
        if (nearest >= 0 && nearest != previousHolder) {
            if (length == time.length) {
                time = Arrays.copyOf(time, length * 2);
                player = Arrays.copyOf(player, length * 2);
            }
            time[length] = currentTime;
            player[length] = nearest;
            length++;
        }
        previousHolder = nearest;
    }

    int length() {
        return length;
    }

    /** The players that touch rows refer to by index. */
    PlayerId[] players() {
        return players.clone();
    }
}
