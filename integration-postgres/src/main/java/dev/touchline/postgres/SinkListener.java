package dev.touchline.postgres;

import java.sql.SQLException;
import java.time.Duration;

/** Progress and retry events of a {@link PostgresSink}; every method does nothing by default. */
public interface SinkListener {
    /** A listener that ignores every event. */
    SinkListener NONE = new SinkListener() {
    };

    /**
     * Called after each buffer of COPY data was handed to the server.
     *
     * @param backendPid the server process serving this attempt
     * @param attempt the attempt number, from 1
     * @param bytesSoFar COPY bytes sent in this attempt
     * @throws SQLException to abort the attempt
     */
    default void copyProgress(int backendPid, int attempt, long bytesSoFar) throws SQLException {
    }

    /**
     * Called before the sink waits and retries a batch after a connection failure.
     *
     * @param attempt the attempt that failed, from 1
     * @param cause the failure
     * @param backoff how long the sink waits before the next attempt
     */
    default void retrying(int attempt, SQLException cause, Duration backoff) {
    }
}
