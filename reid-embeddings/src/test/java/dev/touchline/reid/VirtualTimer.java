package dev.touchline.reid;

import java.util.PriorityQueue;

/** A discrete-event clock for tests: time moves only in {@link #advanceTo}, tasks run in time order. */
final class VirtualTimer implements DeadlineTimer {
    private static final class Task implements Comparable<Task> {
        final long at;
        final long seq;
        final Runnable run;
        boolean cancelled;

        Task(long at, long seq, Runnable run) {
            this.at = at;
            this.seq = seq;
            this.run = run;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(long delayNanos, Runnable task) {
        Task t = new Task(now + Math.max(0, delayNanos), seq++, task);
        queue.add(t);
        return () -> {
            synchronized (VirtualTimer.this) {
                t.cancelled = true;
            }
        };
    }

    /** Runs every task due up to {@code time}, in order, then sets the clock to {@code time}. */
    void advanceTo(long time) {
        while (true) {
            Task t;
            synchronized (this) {
                t = queue.peek();
                if (t == null || t.at > time) {
                    now = Math.max(now, time);
                    return;
                }
                queue.poll();
                now = t.at;
                if (t.cancelled) {
                    continue;
                }
            }
            t.run.run();
        }
    }
}
