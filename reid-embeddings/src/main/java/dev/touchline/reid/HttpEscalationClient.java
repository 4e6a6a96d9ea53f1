package dev.touchline.reid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link EscalationClient} over HTTP on the JDK {@link HttpClient}, asynchronous ({@code sendAsync}).
 *
 * <p>Request: {@code POST <endpoint>} with {@code Content-Type: application/json} and the body
 * <pre>{"query_id": 17, "time_us": 1732000000000000, "camera": "cam-2", "candidate_player_id": 7,
 *  "candidate_score": 0.51, "embedding": [0.01, ...]}</pre>
 * ({@code candidate_score} is {@code null} when there is none). Response: status 200 with
 * <pre>{"player_id": 7, "confidence": 0.93}</pre> ({@code player_id} -1 for "not a known player"). Any other
 * status, a malformed body or a transport error completes the future exceptionally (a
 * {@link BadReidDataException} for a malformed body, an {@link IOException} otherwise). Each request carries a
 * transport timeout (default 2 s, well beyond the escalation deadline) so that in-flight slots are released even
 * when the worker hangs.
 */
public final class HttpEscalationClient implements EscalationClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final Duration requestTimeout;

    /**
     * A client.
     *
     * @param http the JDK client (its executor and connection pool stay with the caller)
     * @param endpoint the worker's URL
     * @param requestTimeout transport timeout per request, > 0
     */
    public HttpEscalationClient(HttpClient http, URI endpoint, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be > 0, was " + requestTimeout);
        }
        this.requestTimeout = requestTimeout;
    }

    /** A client with a new default {@link HttpClient} and a 2 s transport timeout. */
    public static HttpEscalationClient of(URI endpoint) {
        return new HttpEscalationClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                endpoint, Duration.ofSeconds(2));
    }

    @Override
    public CompletableFuture<EscalationAnswer> reidentify(EscalationRequest request) {
        HttpRequest http;
        try {
            http = HttpRequest.newBuilder(endpoint)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)))
                    .build();
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return this.http.sendAsync(http, HttpResponse.BodyHandlers.ofByteArray())
                .thenCompose(r -> {
                    try {
                        return CompletableFuture.completedFuture(parse(r));
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                });
    }

    static byte[] body(EscalationRequest r) throws JsonProcessingException {
        ObjectNode o = JSON.createObjectNode();
        o.put("query_id", r.queryId());
        o.put("time_us", r.timeMicros());
        o.put("camera", r.camera());
        o.put("candidate_player_id", r.candidatePlayerId());
        if (Double.isFinite(r.candidateScore())) {
            o.put("candidate_score", r.candidateScore());
        } else {
            o.putNull("candidate_score");
        }
        ArrayNode e = o.putArray("embedding");
        for (float x : r.embedding()) {
            e.add(x);
        }
        return JSON.writeValueAsBytes(o);
    }

    private EscalationAnswer parse(HttpResponse<byte[]> r) throws IOException {
        if (r.statusCode() != 200) {
            throw new IOException(endpoint + ": worker answered HTTP " + r.statusCode());
        }
        JsonNode n;
        try {
            n = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new BadReidDataException(endpoint + ": malformed JSON answer: " + e.getOriginalMessage(), e);
        }
        JsonNode id = n == null ? null : n.get("player_id");
        JsonNode conf = n == null ? null : n.get("confidence");
        if (id == null || !id.canConvertToInt() || !id.isIntegralNumber() || conf == null || !conf.isNumber()) {
            throw new BadReidDataException(endpoint + ": answer must hold integer player_id and numeric "
                    + "confidence, was " + n);
        }
        double c = conf.asDouble();
        if (!(c >= 0 && c <= 1)) {
            throw new BadReidDataException(endpoint + ": confidence must be in [0, 1], was " + c);
        }
        return new EscalationAnswer(id.asInt(), c);
    }
}
