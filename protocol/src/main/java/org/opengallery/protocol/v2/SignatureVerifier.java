package org.opengallery.protocol.v2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.ReplayedNonceException;
import org.opengallery.protocol.StaleTimestampException;
import org.opengallery.protocol.internal.Keys;

/**
 * Verifies one of the V2 timestamp-and-nonce signatures ({@link SignatureScheme}) of a request. Immutable and
 * thread-safe; build one per key with {@link #forScheme(SignatureScheme, String)}.
 *
 * <p>Checks, in order: the signature is present ({@link MissingSignatureException}, result code
 * {@code 000001}); timestamp and nonce are present and the timestamp is a number of milliseconds
 * ({@link InvalidParameterException}, {@code 000002}); the timestamp is within the window of now, either side
 * ({@link StaleTimestampException}, {@code 000002}); the signature matches one of the payloads the body may
 * have been signed over ({@link InvalidSignatureException}, {@code 000001}); the nonce is new
 * ({@link ReplayedNonceException}, {@code 000002}). The nonce is recorded only once the signature verified,
 * so forged requests cannot fill the guard.
 */
public final class SignatureVerifier {

    /** The documented window: the timestamp may differ from now by at most 60 seconds. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private final SignatureScheme scheme;
    private final String key;
    private final Clock clock;
    private final Duration window;
    private final NonceReplayGuard nonceGuard;
    private final boolean checkTime;

    private SignatureVerifier(Builder b) {
        this.scheme = b.scheme;
        this.key = b.key;
        this.clock = b.clock;
        this.window = b.window;
        this.nonceGuard = b.nonceGuard;
        this.checkTime = b.checkTime;
    }

    /** Starts a verifier for one scheme and key; defaults: system UTC clock, 60 s window, no replay guard. */
    public static Builder forScheme(SignatureScheme scheme, String key) {
        return new Builder(scheme, key);
    }

    /** Verifies the three values as received against the exact body bytes received. */
    public void verify(String signature, String timestamp, String nonce, byte[] body) {
        if (signature == null || signature.isEmpty()) {
            throw new MissingSignatureException(scheme.signatureName());
        }
        long millis = timestampMillis(timestamp);
        if (nonce == null || nonce.isEmpty()) {
            throw new InvalidParameterException(scheme.nonceName(), "missing");
        }
        Instant at = Instant.ofEpochMilli(millis);
        if (checkTime) {
            Instant now = clock.instant();
            if (Duration.between(at, now).abs().compareTo(window) > 0) {
                throw new StaleTimestampException(scheme.timestampName(), at, now, window);
            }
        }
        boolean matched = CanonicalPayload.anyMatches(body,
                payload -> scheme.accepts(key, timestamp, nonce, payload, signature));
        if (!matched) {
            throw new InvalidSignatureException(scheme.signatureName());
        }
        if (!nonceGuard.firstUse(nonce, at.plus(window))) {
            throw new ReplayedNonceException(scheme.nonceName(), nonce);
        }
    }

    /**
     * Verifies a request whose three values travel in its URL query ({@link SignatureScheme#URL}): the raw
     * query of the production URL as received, and the body bytes.
     */
    public void verifyQuery(String rawQuery, byte[] body) {
        QueryString query = QueryString.parse(rawQuery, PlusSign.SPACE);
        verify(query.first(scheme.signatureName()).orElse(null),
                query.first(scheme.timestampName()).orElse(null),
                query.first(scheme.nonceName()).orElse(null),
                body);
    }

    private long timestampMillis(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            throw new InvalidParameterException(scheme.timestampName(), "missing");
        }
        try {
            return Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(scheme.timestampName(),
                    "must be a UNIX time in milliseconds, got '" + timestamp + "'");
        }
    }

    @Override
    public String toString() {
        return "SignatureVerifier[" + scheme + ", key=<redacted>, window=" + window + "]";
    }

    /** Configures a {@link SignatureVerifier}; {@link #build()} rejects an empty key or a negative window. */
    public static final class Builder {
        private final SignatureScheme scheme;
        private final String key;
        private Clock clock = Clock.systemUTC();
        private Duration window = DEFAULT_WINDOW;
        private NonceReplayGuard nonceGuard = NonceReplayGuard.none();
        private boolean checkTime = true;

        private Builder(SignatureScheme scheme, String key) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            this.key = key;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far the timestamp may be from now, in either direction. */
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        public Builder nonceGuard(NonceReplayGuard nonceGuard) {
            this.nonceGuard = Objects.requireNonNull(nonceGuard, "nonceGuard");
            return this;
        }

        /** Skips the time-window check: for re-checking a recorded request by hand, never for live traffic. */
        public Builder withoutTimeCheck() {
            this.checkTime = false;
            return this;
        }

        public SignatureVerifier build() {
            Keys.requireKey(key, "verification key");
            if (window.isNegative()) {
                throw new IllegalArgumentException("window must not be negative, got " + window);
            }
            return new SignatureVerifier(this);
        }
    }
}
