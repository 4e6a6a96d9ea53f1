package dev.touchline.reid;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The clock and the one-shot timers the {@link Escalator} enforces deadlines with. {@link #system()} runs on
 * {@link System#nanoTime()} and a daemon scheduler thread; tests substitute a virtual clock so deadline behaviour
 * can be checked exactly and quickly.
 */
public interface DeadlineTimer {
    /** Current time in nanoseconds (arbitrary origin, monotonic). */
    long nanoTime();

    /** Runs {@code task} once after {@code delayNanos}; the returned handle cancels it. */
    Cancellable schedule(long delayNanos, Runnable task);

    /** A scheduled task that can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not run yet. */
        void cancel();
    }

    /** The system clock with one shared daemon scheduler thread. */
    static DeadlineTimer system() {
        return SystemTimer.INSTANCE;
    }

    /** The system clock with the given scheduler (its lifecycle stays with the caller). */
    static DeadlineTimer of(ScheduledExecutorService scheduler) {
        return new DeadlineTimer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Cancellable schedule(long delayNanos, Runnable task) {
                ScheduledFuture<?> f = scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }
        };
    }

    /** Holder of the shared system timer. */
    final class SystemTimer {
        static final DeadlineTimer INSTANCE;

        static {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "touchline-reid-deadlines");
                t.setDaemon(true);
                return t;
            });
            s.setRemoveOnCancelPolicy(true);
            INSTANCE = of(s);
        }

        private SystemTimer() {
        }
    }
}
