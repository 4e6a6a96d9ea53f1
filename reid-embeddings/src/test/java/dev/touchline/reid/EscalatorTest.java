package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EscalatorTest {
    private static final long MS = 1_000_000L;

    private static EscalationRequest request(long id) {
        return new EscalationRequest(id, id * 1000, new float[] {1f, 0f, 0f, 0f}, 3, 0.5, "cam-1");
    }

    /**
     * 10^4 escalations against the simulated worker (seed 7; log-normal latency, median 120 ms, log-sd 0.5, so
     * about a fifth of the answers are late; 0.2 % failures), 50 requests every 10 ms of virtual time: every
     * request is decided by its deadline.
     */
    @Test
    void deadlineIsHonouredForTenThousandEscalations() {
        VirtualTimer timer = new VirtualTimer();
        SimulatedEscalationWorker worker = new SimulatedEscalationWorker(timer, 7L, 120 * MS, 0.5, 0.002,
                r -> (int) (r.queryId() % 22));
        AtomicInteger cacheUpdates = new AtomicInteger();
        Escalator esc = Escalator.builder(worker).timer(timer).maxInFlight(1024)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .listener((r, a) -> cacheUpdates.incrementAndGet()).build();
        int total = 10_000;
        List<CompletableFuture<EscalationOutcome>> futures = new ArrayList<>(total);
        long[] decidedLateBy = new long[1];
        for (int step = 0; step < total / 50; step++) {
            timer.advanceTo(step * 10 * MS);
            for (int k = 0; k < 50; k++) {
                long start = timer.nanoTime();
                CompletableFuture<EscalationOutcome> f = esc.escalate(request(futures.size()));
                f.whenComplete((o, e) -> decidedLateBy[0] = Math.max(decidedLateBy[0],
                        timer.nanoTime() - start - esc.deadlineNanos()));
                futures.add(f);
            }
        }
        timer.advanceTo(1_000_000 * MS);
        long[] latency = new long[total];
        int[] byStatus = new int[EscalationStatus.values().length];
        for (int i = 0; i < total; i++) {
            EscalationOutcome o = futures.get(i).getNow(null);
            assertTrue(o != null, "request " + i + " undecided");
            latency[i] = o.latencyNanos();
            byStatus[o.status().ordinal()]++;
            assertTrue(o.latencyNanos() <= esc.deadlineNanos(), "request " + i + " decided after " + o);
        }
        assertTrue(decidedLateBy[0] <= 0, "a decision came " + decidedLateBy[0] + " ns after its deadline");
        Arrays.sort(latency);
        long p99 = latency[(int) Math.ceil(0.99 * total) - 1];
        assertTrue(p99 <= 185 * MS, "p99 " + p99);
        EscalationStats s = esc.stats();
        assertEquals(total, s.submitted());
        assertEquals(total, s.answered() + s.timedOut() + s.rejectedBusy() + s.backingOff() + s.failed());
        assertEquals(byStatus[EscalationStatus.ANSWERED.ordinal()], s.answered());
        assertEquals(s.answered(), cacheUpdates.get());
        // The worker's late answers did arrive afterwards and were dropped: one per time-out, except the few
        // time-outs whose worker then failed instead of answering.
        assertTrue(s.lateAnswersDropped() <= s.timedOut() && s.lateAnswersDropped() >= 0.95 * s.timedOut(),
                s.toString());
        System.out.println("escalation seed 7: " + s + ", p99 latency ms " + p99 / 1e6);
        assertTrue(s.timedOut() > 1000 && s.answered() > 5000, s.toString());
        assertEquals(0, s.inFlight());
    }

    @Test
    void failingWorkerTriggersBackoffAndNeverBlocks() {
        VirtualTimer timer = new VirtualTimer();
        Escalator esc = Escalator.builder(r -> CompletableFuture.failedFuture(new java.io.IOException("down")))
                .timer(timer).backoff(Duration.ofMillis(100), Duration.ofMillis(400)).build();
        assertEquals(EscalationStatus.FAILED, esc.escalate(request(1)).getNow(null).status());
        assertEquals(EscalationStatus.BACKING_OFF, esc.escalate(request(2)).getNow(null).status());
        timer.advanceTo(100 * MS);
        assertEquals(EscalationStatus.FAILED, esc.escalate(request(3)).getNow(null).status());
        timer.advanceTo(250 * MS);
        // Second consecutive failure: 200 ms of back-off from t = 100 ms.
        assertEquals(EscalationStatus.BACKING_OFF, esc.escalate(request(4)).getNow(null).status());
        timer.advanceTo(300 * MS);
        assertEquals(EscalationStatus.FAILED, esc.escalate(request(5)).getNow(null).status());

        Escalator throwing = Escalator.builder(r -> {
            throw new IllegalStateException("client bug");
        }).timer(timer).build();
        assertEquals(EscalationStatus.FAILED, throwing.escalate(request(6)).getNow(null).status());
    }

    @Test
    void hangingWorkerTimesOutAndFillsTheInFlightBound() {
        VirtualTimer timer = new VirtualTimer();
        Escalator esc = Escalator.builder(r -> new CompletableFuture<>()).timer(timer).maxInFlight(3).build();
        List<CompletableFuture<EscalationOutcome>> f = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            f.add(esc.escalate(request(i)));
        }
        assertEquals(EscalationStatus.REJECTED_BUSY, f.get(3).getNow(null).status());
        assertEquals(null, f.get(0).getNow(null));
        timer.advanceTo(180 * MS);
        for (int i = 0; i < 3; i++) {
            assertEquals(EscalationStatus.TIMED_OUT, f.get(i).getNow(null).status());
            assertEquals(180 * MS, f.get(i).getNow(null).latencyNanos());
        }
        assertEquals(3, esc.stats().inFlight());
    }

    @Test
    void inTimeAnswerUpdatesTheEdgeCacheAndLateAnswerDoesNot() {
        VirtualTimer timer = new VirtualTimer();
        EmbeddingGallery g = EmbeddingGallery.builder().dimension(4).build();
        g.add(3);
        GalleryEdgeCache cache = new GalleryEdgeCache(g);
        long[] latency = {100 * MS};
        EscalationClient client = r -> {
            CompletableFuture<EscalationAnswer> f = new CompletableFuture<>();
            timer.schedule(latency[0], () -> f.complete(new EscalationAnswer((int) r.queryId(), 0.8)));
            return f;
        };
        Escalator esc = Escalator.builder(client).timer(timer).listener(cache).build();
        CompletableFuture<EscalationOutcome> ok = esc.escalate(request(3));
        timer.advanceTo(100 * MS);
        assertEquals(EscalationStatus.ANSWERED, ok.getNow(null).status());
        assertEquals(3, ok.getNow(null).playerId());
        assertEquals(1, g.storedCount(0));
        esc.escalate(request(99));
        timer.advanceTo(200 * MS);
        assertEquals(1, cache.unknownAnswers());
        latency[0] = 300 * MS;
        CompletableFuture<EscalationOutcome> slow = esc.escalate(request(3));
        timer.advanceTo(1000 * MS);
        assertEquals(EscalationStatus.TIMED_OUT, slow.getNow(null).status());
        assertEquals(1, esc.stats().lateAnswersDropped());
        assertEquals(1, cache.updates());
    }

    /**
     * A worker whose client blocks the thread that calls it (breaking the {@link EscalationClient} contract, as a
     * synchronous SDK would): with {@code dispatchOn} an executor, matching and escalating five frames go on
     * undisturbed, and every escalation is decided TIMED_OUT at its deadline while the client is still stuck.
     * The preemptive timeout only guards against a hang if this regresses; it measures nothing.
     */
    @Test
    void blockingClientDoesNotBlockMatching() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            VirtualTimer timer = new VirtualTimer();
            EscalationClient blocking = r -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.completedFuture(new EscalationAnswer(3, 0.9));
            };
            Escalator esc = Escalator.builder(blocking).timer(timer).dispatchOn(pool).build();
            EmbeddingGallery g = EmbeddingGallery.builder().dimension(4).build();
            g.offer(g.add(3), 0, new float[] {1f, 0f, 0f, 0f}, 0);
            g.offer(g.add(4), 0, new float[] {0f, 1f, 0f, 0f}, 0);
            FrameMatcher matcher = new FrameMatcher(g, MatchPolicy.DEFAULT);
            QueryFrame f = new QueryFrame(4, 2);
            f.add(new float[] {1f, 0.05f, 0f, 0f}, 0, 1);
            f.add(new float[] {0.3f, 0.3f, 1f, 0f}, 0, 2);
            MatchResults r = new MatchResults(2);
            List<CompletableFuture<EscalationOutcome>> pending = new ArrayList<>();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int frame = 0; frame < 5; frame++) {
                    matcher.match(f, "test", r);
                    assertEquals(3, r.playerId(0));
                    assertEquals(Decision.MATCH, r.decision(0));
                    assertEquals(Decision.ESCALATE, r.decision(1));
                    pending.add(esc.escalate(new EscalationRequest(frame, frame * 200_000L,
                            java.util.Arrays.copyOfRange(f.embeddings(), 4, 8), r.playerId(1), r.score(1), "cam")));
                }
            });
            timer.advanceTo(180 * MS);
            for (CompletableFuture<EscalationOutcome> p : pending) {
                assertEquals(EscalationStatus.TIMED_OUT, p.getNow(null).status());
            }
            assertEquals(5, esc.stats().timedOut());
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertTrue(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
    }
}
