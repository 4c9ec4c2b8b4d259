package org.opengallery.protocol;

import java.time.Duration;
import java.time.Instant;

/** The request's timestamp lies outside the accepted window around now. Result code {@code 000002}. */
public final class StaleTimestampException extends InvalidParameterException {

    private final Instant timestamp;
    private final Instant now;
    private final Duration window;

    public StaleTimestampException(String parameterName, Instant timestamp, Instant now, Duration window) {
        super(parameterName, "timestamp " + timestamp + " is more than " + window.toSeconds()
                + " s away from the current time " + now);
        this.timestamp = timestamp;
        this.now = now;
        this.window = window;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public Instant now() {
        return now;
    }

    public Duration window() {
        return window;
    }
}
