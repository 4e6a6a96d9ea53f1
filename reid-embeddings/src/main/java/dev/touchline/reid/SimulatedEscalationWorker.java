package dev.touchline.reid;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;

/**
 * An in-process stand-in for the remote worker, for tests and the evaluation: each request is answered after a
 * random latency drawn from a log-normal distribution (median and log-sd given), or fails with a given
 * probability, on a {@link DeadlineTimer} (so a virtual clock drives it in tests). The answer's player id comes
 * from a caller-supplied function (an oracle, or a heavier model). Seeded and deterministic for a given sequence
 * of calls. Thread-safe.
 */
public final class SimulatedEscalationWorker implements EscalationClient {
    private final DeadlineTimer timer;
    private final SplittableRandom random;
    private final double medianNanos;
    private final double logSd;
    private final double failureProbability;
    private final ToIntFunction<EscalationRequest> answerer;

    /**
     * A simulated worker.
     *
     * @param timer clock and timers the answers are scheduled on
     * @param seed random seed
     * @param medianLatencyNanos median latency, nanoseconds, > 0
     * @param logSd standard deviation of the log latency, >= 0 (0.5 puts about 12 % of answers beyond 1.8x the
     *              median)
     * @param failureProbability probability a request fails, in [0, 1]
     * @param answerer the player id to answer for a request
     */
    public SimulatedEscalationWorker(DeadlineTimer timer, long seed, long medianLatencyNanos, double logSd,
                                     double failureProbability, ToIntFunction<EscalationRequest> answerer) {
        this.timer = Objects.requireNonNull(timer, "timer");
        if (medianLatencyNanos <= 0) {
            throw new IllegalArgumentException("medianLatencyNanos must be > 0, was " + medianLatencyNanos);
        }
        if (!(logSd >= 0 && logSd < 10)) {
            throw new IllegalArgumentException("logSd must be in [0, 10), was " + logSd);
        }
        if (!(failureProbability >= 0 && failureProbability <= 1)) {
            throw new IllegalArgumentException("failureProbability must be in [0, 1], was " + failureProbability);
        }
        this.random = new SplittableRandom(seed);
        this.medianNanos = medianLatencyNanos;
        this.logSd = logSd;
        this.failureProbability = failureProbability;
        this.answerer = Objects.requireNonNull(answerer, "answerer");
    }

    @Override
    public CompletableFuture<EscalationAnswer> reidentify(EscalationRequest request) {
        long latency;
        boolean fail;
        synchronized (random) {
            latency = (long) (medianNanos * Math.exp(logSd * gaussian()));
            fail = random.nextDouble() < failureProbability;
        }
        CompletableFuture<EscalationAnswer> f = new CompletableFuture<>();
        int player = answerer.applyAsInt(request);
        timer.schedule(latency, () -> {
            if (fail) {
                f.completeExceptionally(new java.io.IOException("simulated worker failure for query "
                        + request.queryId()));
            } else {
                f.complete(new EscalationAnswer(player, 0.9));
            }
        });
        return f;
    }

    private double gaussian() {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
