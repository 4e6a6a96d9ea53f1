package dev.touchline.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against a local server on 127.0.0.1 (no network beyond the loopback). */
class HttpEscalationClientTest {
    private HttpServer server;
    private ExecutorService pool;
    private final AtomicReference<JsonNode> lastBody = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/ok", ex -> {
            JsonNode body = new ObjectMapper().readTree(ex.getRequestBody());
            lastBody.set(body);
            reply(ex, 200, "{\"player_id\": " + (body.get("candidate_player_id").asInt() + 1)
                    + ", \"confidence\": 0.93}");
        });
        server.createContext("/broken", ex -> reply(ex, 500, "oops"));
        server.createContext("/garbage", ex -> reply(ex, 200, "{\"player\": 1"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "{\"player_id\": 1, \"confidence\": 0.5}");
        });
        server.start();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static EscalationRequest request() {
        return new EscalationRequest(17, 1_732_000_000_000_000L, new float[] {0.5f, -0.25f, 0f}, 6, 0.51, "cam-2");
    }

    @Test
    void sendsTheEmbeddingAndContextAndParsesTheAnswer() throws Exception {
        EscalationAnswer a = HttpEscalationClient.of(uri("/ok")).reidentify(request()).get(10, TimeUnit.SECONDS);
        assertEquals(7, a.playerId());
        assertEquals(0.93, a.confidence(), 1e-12);
        JsonNode body = lastBody.get();
        assertEquals(17, body.get("query_id").asLong());
        assertEquals(1_732_000_000_000_000L, body.get("time_us").asLong());
        assertEquals("cam-2", body.get("camera").asText());
        assertEquals(0.51, body.get("candidate_score").asDouble(), 1e-12);
        assertEquals(3, body.get("embedding").size());
        assertEquals(-0.25, body.get("embedding").get(1).asDouble(), 1e-7);
    }

    @Test
    void serverErrorsAndMalformedAnswersFailTheFuture() {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> HttpEscalationClient.of(uri("/broken")).reidentify(request()).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IOException && e.getCause().getMessage().contains("HTTP 500"),
                String.valueOf(e.getCause()));
        e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> HttpEscalationClient.of(uri("/garbage")).reidentify(request()).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof BadReidDataException, String.valueOf(e.getCause()));
    }

    /** Through the escalator on the system clock: a slow worker is cut off at the deadline, its answer dropped. */
    @Test
    void slowWorkerIsCutOffByTheEscalator() throws Exception {
        Escalator esc = Escalator.builder(HttpEscalationClient.of(uri("/slow"))).build();
        CompletableFuture<EscalationOutcome> f = esc.escalate(request());
        EscalationOutcome o = f.get(10, TimeUnit.SECONDS);
        assertEquals(EscalationStatus.TIMED_OUT, o.status());
        long wait = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (esc.stats().lateAnswersDropped() == 0 && System.nanoTime() < wait) {
            Thread.sleep(20);
        }
        assertEquals(1, esc.stats().lateAnswersDropped());
        Escalator down = Escalator.builder(HttpEscalationClient.of(uri("/broken"))).build();
        assertEquals(EscalationStatus.FAILED, down.escalate(request()).get(10, TimeUnit.SECONDS).status());
        assertEquals(EscalationStatus.BACKING_OFF, down.escalate(request()).get(10, TimeUnit.SECONDS).status());
    }
}
