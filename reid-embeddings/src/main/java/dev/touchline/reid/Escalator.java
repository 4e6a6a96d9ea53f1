package dev.touchline.reid;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends hard queries to a remote worker and guarantees a decision by a deadline (default 180 ms).
 *
 * <p>{@link #escalate} never blocks: it returns a future that completes at the latest when the deadline timer
 * fires, with the worker's answer if it came in time ({@link EscalationStatus#ANSWERED}, and the
 * {@link EscalationListener} updates the edge cache), or {@link EscalationStatus#TIMED_OUT}. An answer arriving
 * after the deadline is dropped and counted. Requests in flight are bounded: beyond the bound a request is
 * decided {@link EscalationStatus#REJECTED_BUSY} at once. When the worker fails (its future completes
 * exceptionally, or the client throws), the escalator backs off: for {@code initialBackoff * 2^(k-1)} (capped at
 * {@code maxBackoff}) after the k-th consecutive failure, requests are decided
 * {@link EscalationStatus#BACKING_OFF} at once; one success resets the count. A worker that is slow but alive is
 * held in check by the in-flight bound, not by back-off. In-flight slots are released when the worker's future
 * completes (not at the deadline), so the bound counts real outstanding work; a client should therefore time its
 * requests out eventually (the HTTP client does).
 *
 * <p>By default the client is called on the caller's thread, which is right for clients that keep the
 * {@link EscalationClient} contract (the HTTP client does). For a client that may block while sending (a
 * synchronous SDK, a saturated connection pool), {@link Builder#dispatchOn} moves the call onto an executor, so
 * even such a worker cannot hold up the matching thread; the deadline and the in-flight bound still apply.
 *
 * <p>Thread-safe.
 */
public final class Escalator {
    /** Default deadline: 180 ms. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(180);

    private final EscalationClient client;
    private final @org.jspecify.annotations.Nullable Executor dispatch;
    private final DeadlineTimer timer;
    private final EscalationListener listener;
    private final long deadlineNanos;
    private final int maxInFlight;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder submitted = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder backingOff = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder listenerErrors = new LongAdder();
    private final Object backoffLock = new Object();
    private int consecutiveFailures;
    private long backoffUntilNanos;
    private boolean backoffActive;

    private Escalator(Builder b) {
        this.client = b.client;
        this.dispatch = b.dispatch;
        this.timer = b.timer;
        this.listener = b.listener;
        this.deadlineNanos = b.deadline.toNanos();
        this.maxInFlight = b.maxInFlight;
        this.initialBackoffNanos = b.initialBackoff.toNanos();
        this.maxBackoffNanos = b.maxBackoff.toNanos();
    }

    /** A builder: deadline 180 ms, 64 in flight, back-off 50 ms doubling to 5 s, system timer, no listener. */
    public static Builder builder(EscalationClient client) {
        return new Builder(client);
    }

    /** The deadline in nanoseconds. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * Escalates one query. Never blocks and never throws for worker problems.
     *
     * @return a future completed at the latest by the deadline (on the timer's thread if it fires)
     */
    public CompletableFuture<EscalationOutcome> escalate(EscalationRequest request) {
        Objects.requireNonNull(request, "request");
        submitted.increment();
        long start = timer.nanoTime();
        if (inBackoff(start)) {
            backingOff.increment();
            return CompletableFuture.completedFuture(EscalationOutcome.of(EscalationStatus.BACKING_OFF, 0));
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            busy.increment();
            return CompletableFuture.completedFuture(EscalationOutcome.of(EscalationStatus.REJECTED_BUSY, 0));
        }
        CompletableFuture<EscalationAnswer> remote;
        try {
            Executor ex = dispatch;
            remote = ex == null ? Objects.requireNonNull(client.reidentify(request), "client returned null")
                    : CompletableFuture.supplyAsync(() -> client.reidentify(request), ex).thenCompose(f -> f);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            recordFailure(timer.nanoTime());
            failed.increment();
            return CompletableFuture.completedFuture(
                    EscalationOutcome.of(EscalationStatus.FAILED, timer.nanoTime() - start));
        }
        CompletableFuture<EscalationOutcome> result = new CompletableFuture<>();
        DeadlineTimer.Cancellable deadline = timer.schedule(deadlineNanos, () -> {
            if (result.complete(EscalationOutcome.of(EscalationStatus.TIMED_OUT, timer.nanoTime() - start))) {
                timedOut.increment();
            }
        });
        remote.whenComplete((answer, error) -> {
            inFlight.decrementAndGet();
            long now = timer.nanoTime();
            long latency = now - start;
            if (error != null || answer == null) {
                recordFailure(now);
                if (latency <= deadlineNanos
                        && result.complete(EscalationOutcome.of(EscalationStatus.FAILED, latency))) {
                    deadline.cancel();
                    failed.increment();
                }
                return;
            }
            recordSuccess();
            if (latency <= deadlineNanos && result.complete(
                    new EscalationOutcome(EscalationStatus.ANSWERED, answer.playerId(), answer.confidence(),
                            latency))) {
                deadline.cancel();
                answered.increment();
                try {
                    listener.answered(request, answer);
                } catch (RuntimeException e) {
                    listenerErrors.increment();
                }
            } else {
                late.increment();
            }
        });
        return result;
    }

    private boolean inBackoff(long now) {
        synchronized (backoffLock) {
            return backoffActive && now - backoffUntilNanos < 0;
        }
    }

    private void recordFailure(long now) {
        synchronized (backoffLock) {
            consecutiveFailures++;
            int shift = Math.min(consecutiveFailures - 1, 30);
            long wait = initialBackoffNanos << shift;
            if (wait <= 0 || wait > maxBackoffNanos) {
                wait = maxBackoffNanos;
            }
            backoffUntilNanos = now + wait;
            backoffActive = true;
        }
    }

    private void recordSuccess() {
        synchronized (backoffLock) {
            consecutiveFailures = 0;
            backoffActive = false;
        }
    }

    /** The counters now. */
    public EscalationStats stats() {
        return new EscalationStats(submitted.sum(), answered.sum(), timedOut.sum(), late.sum(), busy.sum(),
                backingOff.sum(), failed.sum(), listenerErrors.sum(), inFlight.get());
    }

    /** Configuration of an escalator. */
    public static final class Builder {
        private final EscalationClient client;
        private @org.jspecify.annotations.Nullable Executor dispatch;
        private DeadlineTimer timer = DeadlineTimer.system();
        private EscalationListener listener = (r, a) -> { };
        private Duration deadline = DEFAULT_DEADLINE;
        private int maxInFlight = 64;
        private Duration initialBackoff = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofSeconds(5);

        private Builder(EscalationClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The deadline, in (0, 60 s] (default 180 ms). */
        public Builder deadline(Duration value) {
            if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("deadline must be in (0, 60 s], was " + value);
            }
            deadline = value;
            return this;
        }

        /** The most requests in flight, 1 to 100 000 (default 64). */
        public Builder maxInFlight(int value) {
            if (value < 1 || value > 100_000) {
                throw new IllegalArgumentException("maxInFlight must be in [1, 100000], was " + value);
            }
            maxInFlight = value;
            return this;
        }

        /** Back-off after the first failure and its cap (defaults 50 ms and 5 s); both > 0, initial <= max. */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff must satisfy 0 < initial <= max, were " + initial
                        + " and " + max);
            }
            initialBackoff = initial;
            maxBackoff = max;
            return this;
        }

        /**
         * Calls the client on this executor instead of the caller's thread (default: the caller's thread). A
         * rejected or throwing dispatch counts as a worker failure.
         */
        public Builder dispatchOn(Executor executor) {
            dispatch = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The clock and timers (default {@link DeadlineTimer#system()}). */
        public Builder timer(DeadlineTimer value) {
            timer = Objects.requireNonNull(value, "timer");
            return this;
        }

        /** Told about every in-time answer (default: nobody). */
        public Builder listener(EscalationListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Builds the escalator. */
        public Escalator build() {
            return new Escalator(this);
        }
    }
}
